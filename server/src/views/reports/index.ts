import type { Queries } from '@luukku/db';
import { pickText, type ReportKind, type ReportMap } from '@luukku/shared';
import { arrivals } from './arrivals.js';
import { desks } from './desks.js';
import { guidance } from './guidance.js';
import { referrals } from './referrals.js';
import { services } from './services.js';
import { stay } from './stay.js';
import { waits } from './waits.js';
import { feedback } from './feedback.js';
import { csvStyle, toCsv } from '../csv.js';
import type { ReportJob, ReportSection } from './section.js';

export { toCsv } from '../csv.js';
export type { Cell, ReportJob, ReportScope } from './section.js';

// each section's records go only from its own read to its own view, so the registry need not name their types
const sections: { [K in ReportKind]: ReportSection<K, any> } = { arrivals, waits, services, desks, referrals, guidance, stay, feedback };

export type ReportOutcome = { format: 'json'; report: ReportMap[ReportKind] } | { format: 'csv'; csv: string };

/** Reads one report's records and shapes them: the report as JSON, or its table as CSV. */
export function runReport<K extends ReportKind>(q: Queries, job: ReportJob<K>): ReportOutcome {
  const section = sections[job.kind] as ReportSection<K, unknown>;
  const report = section.view(section.read(q, job), job);
  if (job.csv === null) return { format: 'json', report };
  const { lang, sep } = job.csv;
  const agencyName = (id: number) => pickText(job.agencies.find((a) => a.id === id)?.name ?? { fi: String(id) }, lang);
  return { format: 'csv', csv: toCsv(section.table(report, agencyName, lang), csvStyle(lang, sep)) };
}
