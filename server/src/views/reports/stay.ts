import type { Queries } from '@luukku/db';
import { minutes, percent, type ReportSection } from './section.js';

/** Time in the hub per visit, and visits that met more than one agency. */
export const stay: ReportSection<'stay', ReturnType<Queries['reportStay']>> = {
  read: (q, { scope }) => q.reportStay(scope),
  view: (s, { meta }) => ({
    meta,
    visits: s.visits,
    medianMin: minutes(s.medianMs),
    p90Min: minutes(s.p90Ms),
    multiAgency: s.multiAgency,
    multiAgencyPct: percent(s.multiAgency, s.visits),
    buckets: s.buckets,
    byAgencies: s.byAgencies.map((b) => ({ agencies: b.agencies, visits: b.visits, medianMin: minutes(b.medianMs), p90Min: minutes(b.p90Ms) })),
  }),
  table: (r) => [
    ['agencies_met', 'visits', 'median_min', 'p90_min'],
    ...r.byAgencies.map((b) => [b.agencies === 3 ? '3+' : b.agencies, b.visits, b.medianMin, b.p90Min]),
    ['all', r.visits, r.medianMin, r.p90Min],
  ],
};
