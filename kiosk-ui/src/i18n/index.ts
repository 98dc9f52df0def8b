import type { VisitorLanguage } from '@luukku/shared';
import type { Catalogues, KioskMessages } from './messages.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { et } from './et.js';
import { fa } from './fa.js';
import { fi } from './fi.js';
import { fiEasy } from './fi-x-easy.js';
import { ru } from './ru.js';
import { so } from './so.js';
import { sv } from './sv.js';
import { uk } from './uk.js';

export type { KioskMessages } from './messages.js';

const catalogues: Catalogues = { fi, sv, en, ru, uk, et, ar, so, fa, 'fi-x-easy': fiEasy };

export function messages(lang: VisitorLanguage): KioskMessages {
  return catalogues[lang] ?? en;
}
