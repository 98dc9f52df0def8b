import { referralReasons } from '@luukku/shared';
import type { Queries } from '@luukku/db';
import { minutes, percent, reasonCounts, type ReportSection } from './section.js';

interface ReferralRecords {
  pairs: ReturnType<Queries['reportReferralPairs']>;
  totals: ReturnType<Queries['reportReferralTotals']>;
}

/** Referrals between agencies: from → to matrix, reasons, completed, hand-off time. */
export const referrals: ReportSection<'referrals', ReferralRecords> = {
  read: (q, { scope }) => ({ pairs: q.reportReferralPairs(scope), totals: q.reportReferralTotals(scope) }),
  view: ({ pairs, totals }, { meta, agencies }) => {
    const named = new Set(pairs.flatMap((p) => [p.fromAgencyId, p.toAgencyId]));
    const referrals = pairs.reduce((n, p) => n + p.referrals, 0);
    const completed = pairs.reduce((n, p) => n + p.completed, 0);
    const reasons: Record<string, number> = {};
    for (const p of pairs) for (const [r, n] of Object.entries(p.reasons)) reasons[r] = (reasons[r] ?? 0) + n;
    return {
      meta,
      agencies: agencies.filter((a) => named.has(a.id)).map((a) => ({ id: a.id, name: a.name, color: a.color, isGuidance: a.isGuidance })),
      referrals,
      referredVisits: totals.referredVisits,
      completed,
      completedPct: percent(completed, referrals),
      handoffMedianMin: minutes(totals.handoffMedianMs),
      handoffP90Min: minutes(totals.handoffP90Ms),
      reasons: reasonCounts(reasons),
      pairs: pairs.map(({ handoffMedianMs, reasons: rs, ...p }) => ({ ...p, handoffMedianMin: minutes(handoffMedianMs), reasons: reasonCounts(rs) })),
    };
  },
  table: (r, agency) => [
    ['from_agency', 'to_agency', 'referrals', 'completed', 'median_handoff_min', ...referralReasons],
    ...r.pairs.map((p) => [agency(p.fromAgencyId), agency(p.toAgencyId), p.referrals, p.completed, p.handoffMedianMin, ...referralReasons.map((x) => p.reasons[x])]),
  ],
};
