import type { StaffMessages } from './messages.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';

export type { StaffMessages } from './messages.js';
export type StaffLang = 'fi' | 'sv' | 'en' | 'ar';
export const staffLanguages: { code: StaffLang; name: string }[] = [
  { code: 'fi', name: 'Suomi' },
  { code: 'sv', name: 'Svenska' },
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' },
];

export function messages(lang: StaffLang): StaffMessages {
  return { fi, sv, en, ar }[lang] ?? fi;
}

/** The writing direction of a console language: Arabic mirrors the whole page. */
export const staffDir = (lang: StaffLang): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');
