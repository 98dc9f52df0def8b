/** The text in a language, else English, else Finnish (Easy Finnish falls back to Finnish first). */
export function pickText(text: Record<string, string | undefined>, lang: string): string {
  return text[lang] ?? (lang === 'fi-x-easy' ? text.fi : undefined) ?? text.en ?? text.fi ?? '';
}
