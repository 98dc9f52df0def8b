import { pickText } from '@luukku/shared';
import type { Queries } from '@luukku/db';
import { minutes, percent, type ReportSection } from './section.js';

/** Time at the desk per service, and no-shows. */
export const services: ReportSection<'services', ReturnType<Queries['reportServices']>> = {
  read: (q, { scope }) => q.reportServices(scope),
  view: (rows, { meta }) => ({
    meta,
    services: rows.map(({ medianMs, p90Ms, meanMs, called, ...s }) => ({
      ...s,
      medianMin: minutes(medianMs),
      p90Min: minutes(p90Ms),
      meanMin: minutes(meanMs),
      noShowPct: percent(s.noShows, called),
    })),
  }),
  table: (r, agency, lang) => [
    ['service_id', 'agency', 'service', 'served', 'median_service_min', 'p90_service_min', 'mean_service_min', 'no_shows', 'no_show_pct'],
    ...r.services.map((s) => [s.serviceId, agency(s.agencyId), pickText(s.name, lang), s.served, s.medianMin, s.p90Min, s.meanMin, s.noShows, s.noShowPct]),
  ],
};
