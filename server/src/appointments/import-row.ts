import { visitorLanguages, type Needs, type VisitorLanguage } from '@luukku/shared';

/**
 * One booking read from an import file, before it meets the database: what POST
 * /api/appointments takes, and the line it came from. No names: the parsers never keep them.
 */
export interface ImportRow {
  line: number;
  bookingId: string;
  /** The service's code from the file; null: the import's default service. */
  serviceCode: string | null;
  startsAt: number;
  lengthMin: number;
  language: VisitorLanguage | null;
  needs: Needs;
  cancelled: boolean;
}

export interface LineProblem {
  line: number;
  message: string;
}

export type Parsed = { ok: true; rows: ImportRow[] } | { ok: false; problems: LineProblem[] };

/** A hub's day is a few hundred bookings; a file beyond this is a mistake, not a day. */
export const maxImportRows = 5_000;

/** The API's default length, and its bounds. */
export const defaultLengthMin = 15;
export const maxLengthMin = 480;

export const noNeeds: Needs = { interpreter: false, accessible: false, accompanied: false };

const needWords = ['interpreter', 'accessible', 'accompanied'] as const;

/** `interpreter accessible` (or joined with + , | ;): the visitor's needs; empty for none. */
export function parseNeeds(text: string): Needs | string {
  const needs = { ...noNeeds };
  for (const word of text.split(/[\s+,|;]+/).filter(Boolean)) {
    const w = word.toLowerCase() as (typeof needWords)[number];
    if (!needWords.includes(w)) return `needs: "${word}" is not one of ${needWords.join(', ')}`;
    needs[w] = true;
  }
  return needs;
}

/** A visitor language code, or none; a problem otherwise. */
export function parseLanguage(text: string): { language: VisitorLanguage | null } | { problem: string } {
  const t = text.trim();
  if (t === '') return { language: null };
  const language = visitorLanguages.find((l) => l === t.toLowerCase());
  return language ? { language } : { problem: `language: "${t}" is not one of ${visitorLanguages.join(', ')}` };
}

export function checkLength(min: number): string | null {
  return Number.isInteger(min) && min >= 1 && min <= maxLengthMin ? null : `length: ${min} minutes is not a whole number from 1 to ${maxLengthMin}`;
}

/** The agency's booking id as the API takes it (letters, digits and . _ : -, at most 100). */
export const bookingIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/** The same booking id twice in one file is a mistake: which one would win? */
export function duplicateProblems(rows: readonly ImportRow[]): LineProblem[] {
  const first = new Map<string, number>();
  const problems: LineProblem[] = [];
  for (const r of rows) {
    const at = first.get(r.bookingId);
    if (at === undefined) first.set(r.bookingId, r.line);
    else problems.push({ line: r.line, message: `the booking ${r.bookingId} is on line ${at} already` });
  }
  return problems;
}
