import type { StaffMessages } from './messages.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';

export type { StaffMessages } from './messages.js';
export type StaffLang = 'fi' | 'sv' | 'en';
export const staffLanguages: { code: StaffLang; name: string }[] = [
  { code: 'fi', name: 'Suomi' },
  { code: 'sv', name: 'Svenska' },
  { code: 'en', name: 'English' },
];

export function messages(lang: StaffLang): StaffMessages {
  return { fi, sv, en }[lang] ?? fi;
}
