import type { Queries } from '@luukku/db';
import { minutes, type ReportSection } from './section.js';

/** Visitors called, served and not showing up, per desk. */
export const desks: ReportSection<'desks', ReturnType<Queries['reportDesks']>> = {
  read: (q, { scope }) => q.reportDesks(scope),
  view: (rows, { meta }) => ({
    meta,
    desks: rows.map(({ medianServiceMs, ...d }) => ({ ...d, medianServiceMin: minutes(medianServiceMs) })),
  }),
  table: (r) => [
    ['desk_id', 'desk', 'zone', 'called', 'served', 'no_shows', 'median_service_min'],
    ...r.desks.map((d) => [d.deskId, d.name, d.zone, d.called, d.served, d.noShows, d.medianServiceMin]),
  ],
};
