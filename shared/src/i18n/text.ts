/**
 * The text in a language; else, for Easy Finnish, Finnish; else the hub's fallback language
 * (its first language, `fallbackLanguage(hub.languages)`); else Finnish, which every text has.
 * Never English by default: on a Ukrainian kiosk in a Finnish hub, a service nobody has
 * translated reads as it does on the hub's own signs (issue 13 §1).
 */
export function pickText(text: Record<string, string | undefined>, lang: string, fallback = 'fi'): string {
  return text[lang] || (lang === 'fi-x-easy' ? text.fi : undefined) || text[fallback] || text.fi || text.en || '';
}

/** The language a missing translation falls back to: the hub's first language. */
export function fallbackLanguage(hubLanguages: readonly string[]): string {
  return hubLanguages[0] ?? 'fi';
}

/** The languages of `wanted` in which a text is missing (empty counts as missing). */
export function missingLanguages(text: Record<string, string | undefined> | undefined, wanted: readonly string[]): string[] {
  return wanted.filter((l) => !text?.[l]?.trim());
}
