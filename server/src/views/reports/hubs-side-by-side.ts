import type { HubRecord, ServiceRecord } from '@luukku/db';
import type { ArrivalsReport, FeedbackReport, HubsReport, ReferralsReport, WaitsReport } from '@luukku/shared';
import { percent } from './section.js';

/** One hub's own reports for the period, as its report page would show them. */
export interface HubReports {
  hub: HubRecord;
  services: readonly ServiceRecord[];
  arrivals: ArrivalsReport;
  waits: WaitsReport;
  referrals: ReferralsReport;
  feedback: FeedbackReport;
}

/**
 * Hubs side by side (issue 12 §1). Each hub's figures come from its own reports; a hub-wide
 * share is recomputed from that hub's counts (never an average of shares). Services are matched
 * by code, which a hub made from a template keeps, so "Kela" in two hubs is one row.
 */
export function hubsSideBySide(period: { from: string; to: string; days: number }, generatedAt: string, each: readonly HubReports[]): HubsReport {
  const hubs = each.map(({ hub, arrivals, waits, referrals, feedback }) => {
    const called = waits.services.reduce((n, s) => n + s.called, 0);
    const within = waits.services.reduce((n, s) => n + s.withinTarget, 0);
    return {
      hubId: hub.id,
      slug: hub.slug,
      name: hub.name,
      visits: arrivals.visits,
      called,
      withinTargetPct: percent(within, called),
      referrals: referrals.referrals,
      referralsCompletedPct: referrals.completedPct,
      answered: feedback.all.answered,
      sortedPct: feedback.all.yesPct,
    };
  });

  // every service code in the order the hubs list them, the first hub's name for it
  const rows = new Map<string, HubsReport['services'][number]>();
  each.forEach(({ services, waits }, i) => {
    const byId = new Map(waits.services.map((w) => [w.serviceId, w]));
    for (const s of services) {
      const row = rows.get(s.code) ?? { code: s.code, name: s.name, hubs: each.map(() => null) };
      const w = byId.get(s.id);
      row.hubs[i] = { hubId: each[i]!.hub.id, called: w?.called ?? 0, medianMin: w?.medianMin ?? null, withinTargetPct: w?.withinTargetPct ?? null };
      rows.set(s.code, row);
    }
  });
  return { ...period, generatedAt, hubs, services: [...rows.values()] };
}
