import { feedbackMinAnswers, type FeedbackShares } from '@luukku/shared';
import type { FeedbackRow } from '@luukku/db';
import { percent, type ReportSection } from './section.js';

type Tally = { yes: number; partly: number; no: number };
const emptyTally = (): Tally => ({ yes: 0, partly: 0, no: 0 });

/** Counts and shares of a group; below the minimum only how many answered. */
function shares(t: Tally): FeedbackShares {
  const answered = t.yes + t.partly + t.no;
  if (answered < feedbackMinAnswers) return { answered, yes: null, partly: null, no: null, yesPct: null, partlyPct: null, noPct: null };
  return {
    answered, ...t,
    yesPct: percent(t.yes, answered), partlyPct: percent(t.partly, answered), noPct: percent(t.no, answered),
  };
}

/** Adds rows to tallies by a key; a row may count in several groups (a path's agencies). */
function group<K>(rows: readonly FeedbackRow[], keys: (r: FeedbackRow) => K[]): Map<string, { key: K; tally: Tally }> {
  const out = new Map<string, { key: K; tally: Tally }>();
  for (const r of rows) {
    for (const key of keys(r)) {
      const id = JSON.stringify(key);
      let g = out.get(id);
      if (!g) out.set(id, (g = { key, tally: emptyTally() }));
      g.tally[r.answer] += r.n;
    }
  }
  return out;
}

const byAnswered = <T extends { answered: number }>(a: T, b: T) => b.answered - a.answered;

/** "Sorted in one visit": the answers to the end-of-visit question, by agency, path and "I don't know" outcome. */
export const feedback: ReportSection<'feedback', FeedbackRow[]> = {
  read: (q, { scope }) => q.reportFeedback(scope),
  view: (rows, { meta, agencies, scope }) => {
    const inScope = (id: number) => scope.agencyIds === null || scope.agencyIds.includes(id);
    const known = rows.filter((r) => r.path !== null);
    const agencyGroups = group(known, (r) => r.path!.agencies.filter(inScope));
    const pathGroups = group(known, (r) => (r.path!.route.length > 0 ? [r.path!.route] : []));
    const outcomeGroups = group(known, (r) => {
      const p = r.path!;
      if (!p.guidanceFirst) return [];
      return [p.route.length <= 1 ? { outcome: 'sorted' as const, agencyId: null } : { outcome: 'sent_on' as const, agencyId: p.route[1]! }];
    });
    const named = new Set(known.flatMap((r) => r.path!.route));
    const order = new Map(agencies.map((a, i) => [a.id, i]));
    return {
      meta,
      minAnswers: feedbackMinAnswers,
      agencies: agencies.filter((a) => named.has(a.id)).map((a) => ({ id: a.id, name: a.name, color: a.color, isGuidance: a.isGuidance })),
      all: shares(group(rows, () => [0]).get('0')?.tally ?? emptyTally()),
      unknownPath: scope.agencyIds === null ? shares(group(rows.filter((r) => r.path === null), () => [0]).get('0')?.tally ?? emptyTally()) : null,
      byAgency: [...agencyGroups.values()]
        .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0))
        .map((g) => ({ agencyId: g.key, ...shares(g.tally) })),
      byPath: [...pathGroups.values()].map((g) => ({ route: g.key, ...shares(g.tally) })).sort(byAnswered),
      byGuidanceOutcome: [...outcomeGroups.values()]
        .map((g) => ({ ...g.key, ...shares(g.tally) }))
        .sort((a, b) => (a.outcome === b.outcome ? byAnswered(a, b) : a.outcome === 'sorted' ? -1 : 1)),
    };
  },
  table: (r, agency) => {
    const cells = (s: FeedbackShares) => [s.answered, s.yes, s.partly, s.no, s.yesPct, s.partlyPct, s.noPct];
    return [
      ['group', 'agency', 'path', 'answered', 'yes', 'partly', 'no', 'yes_pct', 'partly_pct', 'no_pct'],
      ['all', null, null, ...cells(r.all)],
      ...(r.unknownPath ? [['unknown_path', null, null, ...cells(r.unknownPath)]] : []),
      ...r.byAgency.map((g) => ['agency', agency(g.agencyId), null, ...cells(g)]),
      ...r.byPath.map((g) => ['path', null, g.route.map(agency).join(' → '), ...cells(g)]),
      ...r.byGuidanceOutcome.map((g) => [g.outcome === 'sorted' ? 'guidance_sorted' : 'guidance_sent_on', g.agencyId === null ? null : agency(g.agencyId), null, ...cells(g)]),
    ];
  },
};
