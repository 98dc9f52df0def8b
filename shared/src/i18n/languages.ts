import type { VisitorLanguage } from '../schemas/common.js';


export interface LanguageInfo {
  code: VisitorLanguage;
  /** The language's name in itself, as the kiosk shows it. */
  native: string;
  /** BCP 47 tag for the page and for speech synthesis. */
  tag: string;
  dir: 'ltr' | 'rtl';
  /** Thermal printers have no code page for it: tickets print it as an image. */
  raster: boolean;
}

export const languages: readonly LanguageInfo[] = [
  { code: 'fi', native: 'Suomi', tag: 'fi-FI', dir: 'ltr', raster: false },
  { code: 'sv', native: 'Svenska', tag: 'sv-FI', dir: 'ltr', raster: false },
  { code: 'en', native: 'English', tag: 'en-GB', dir: 'ltr', raster: false },
  { code: 'ru', native: 'Русский', tag: 'ru-RU', dir: 'ltr', raster: true },
  { code: 'uk', native: 'Українська', tag: 'uk-UA', dir: 'ltr', raster: true },
  { code: 'et', native: 'Eesti', tag: 'et-EE', dir: 'ltr', raster: false },
  { code: 'ar', native: 'العربية', tag: 'ar', dir: 'rtl', raster: true },
  { code: 'so', native: 'Soomaali', tag: 'so-SO', dir: 'ltr', raster: false },
  { code: 'fa', native: 'فارسی', tag: 'fa-IR', dir: 'rtl', raster: true },
  { code: 'fi-x-easy', native: 'Selkosuomi', tag: 'fi-FI', dir: 'ltr', raster: false },
];

export function languageInfo(code: string): LanguageInfo {
  return languages.find((l) => l.code === code) ?? languages[0]!;
}
