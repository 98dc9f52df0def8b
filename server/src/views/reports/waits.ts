import { pickText } from '@luukku/shared';
import type { Queries } from '@luukku/db';
import { minutes, percent, type ReportSection } from './section.js';

/** Waiting time per service: median, 90th percentile, share called within target. */
export const waits: ReportSection<'waits', ReturnType<Queries['reportWaits']>> = {
  read: (q, { scope }) => q.reportWaits(scope),
  view: (services, { meta, hub }) => ({
    meta,
    hubTargetMin: hub.targetWaitMin,
    services: services.map(({ medianMs, p90Ms, ...s }) => ({
      ...s,
      medianMin: minutes(medianMs),
      p90Min: minutes(p90Ms),
      withinTargetPct: percent(s.withinTarget, s.called),
    })),
  }),
  table: (r, agency, lang) => [
    ['service_id', 'agency', 'service', 'target_min', 'queued', 'called', 'left_waiting', 'median_wait_min', 'p90_wait_min', 'within_target', 'within_target_pct'],
    ...r.services.map((s) => [
      s.serviceId, agency(s.agencyId), pickText(s.name, lang), s.targetMin, s.queued, s.called, s.leftWaiting, s.medianMin, s.p90Min, s.withinTarget, s.withinTargetPct,
    ]),
  ],
};
