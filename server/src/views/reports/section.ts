import type { AgencyRecord, Queries } from '@luukku/db';
import type { CsvCell } from '../csv.js';
import { referralReasons, type ReasonCounts, type ReportKind, type ReportMap, type ReportMeta, type ReportPeriod, type StaffLanguage } from '@luukku/shared';

export type ReportScope = Parameters<Queries['reportWaits']>[0];

/**
 * Everything a report is made from besides the database: decided on the main thread (who asks,
 * which days, the clock) and sent as it is to the report worker, so it holds plain data only.
 */
export interface ReportJob<K extends ReportKind = ReportKind> {
  kind: K;
  scope: ReportScope;
  period: ReportPeriod;
  meta: ReportMeta;
  hub: { timeZone: string; targetWaitMin: number };
  /** The hub's agencies: names and colours for the referral matrix and the CSV columns. */
  agencies: AgencyRecord[];
  /** null: the report as JSON; otherwise its table as CSV, names in this language. */
  /** CSV in the reader's language; `sep` overrides the separator that language's spreadsheets expect. */
  csv: { lang: StaffLanguage; sep?: 'comma' | 'semicolon' } | null;
}

export type Cell = CsvCell;

/**
 * One report section: `read` is its only contact with the database; `view` and `table` are
 * pure functions of what `read` returned.
 */
export interface ReportSection<K extends ReportKind, R> {
  read: (q: Queries, job: ReportJob<K>) => R;
  view: (records: R, job: ReportJob<K>) => ReportMap[K];
  /** The report as one table: a header row of stable snake_case names, then the rows. */
  table: (report: ReportMap[K], agencyName: (id: number) => string, lang: StaffLanguage) => Cell[][];
}

/** ms → minutes with one decimal; the reports never claim more precision than that. */
export const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6000) / 10);
/** part of whole as a percentage with one decimal; null when there is no whole. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

export const reasonCounts = (from: Record<string, number>): ReasonCounts =>
  Object.fromEntries(referralReasons.map((r) => [r, from[r] ?? 0])) as ReasonCounts;
