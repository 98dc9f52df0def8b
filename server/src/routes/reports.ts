import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AgencyRecord, HubRecord, Queries, UserRecord } from '@luukku/db';
import {
  DomainError,
  ErrorBody,
  dayOffsets,
  pickText,
  referralReasons,
  reportKinds,
  reportSchemas,
  resolvePeriod,
  weekdayCounts,
  ReportQuery,
  type ReasonCounts,
  type ReportKind,
  type ReportMap,
  type ReportMeta,
  type ReportPeriod,
  type StaffLanguage,
} from '@luukku/shared';
import { requireUser } from '../plugins/auth.js';
import { iso } from '../views/time.js';
import { csvStyle, toCsv } from '../views/csv.js';

type ReportScope = Parameters<Queries['reportWaits']>[0];

/** ms → minutes with one decimal; the reports never claim more precision than that. */
const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6000) / 10);
/** part of whole as a percentage with one decimal; null when there is no whole. */
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

interface Context {
  q: Queries;
  hub: HubRecord;
  period: ReportPeriod;
  scope: ReportScope;
  meta: ReportMeta;
  agencies: AgencyRecord[];
}

/**
 * Whose figures: admins the whole hub, others their own agencies. `agency` narrows to one:
 * any for an admin, only their own for staff.
 */
function scopeOf(q: Queries, user: UserRecord, agency: number | undefined): number[] | null {
  if (agency === undefined) return user.role === 'admin' ? null : [...user.agencyIds];
  if (!q.agencies(user.hubId).some((a) => a.id === agency)) throw new DomainError('NOT_FOUND', `No agency ${agency} in this hub`);
  if (user.role !== 'admin' && !user.agencyIds.includes(agency)) throw new DomainError('FORBIDDEN', 'Reports of another agency are for admins');
  return [agency];
}

const reasonCounts = (from: Record<string, number>): ReasonCounts =>
  Object.fromEntries(referralReasons.map((r) => [r, from[r] ?? 0])) as ReasonCounts;

const build: { [K in ReportKind]: (c: Context) => ReportMap[K] } = {
  arrivals: ({ q, hub, period, scope, meta }) => {
    const cells = q.reportArrivals(scope, dayOffsets(period, hub.timeZone));
    const days = weekdayCounts(period);
    return {
      meta,
      visits: cells.reduce((n, c) => n + c.visits, 0),
      cells,
      weekdays: days.map((count, i) => ({
        weekday: i + 1,
        days: count,
        visits: cells.filter((c) => c.weekday === i + 1).reduce((n, c) => n + c.visits, 0),
      })),
    };
  },
  waits: ({ q, hub, scope, meta }) => ({
    meta,
    hubTargetMin: hub.targetWaitMin,
    services: q.reportWaits(scope).map(({ medianMs, p90Ms, ...s }) => ({
      ...s,
      medianMin: minutes(medianMs),
      p90Min: minutes(p90Ms),
      withinTargetPct: percent(s.withinTarget, s.called),
    })),
  }),
  services: ({ q, scope, meta }) => ({
    meta,
    services: q.reportServices(scope).map(({ medianMs, p90Ms, meanMs, called, ...s }) => ({
      ...s,
      medianMin: minutes(medianMs),
      p90Min: minutes(p90Ms),
      meanMin: minutes(meanMs),
      noShowPct: percent(s.noShows, called),
    })),
  }),
  desks: ({ q, scope, meta }) => ({
    meta,
    desks: q.reportDesks(scope).map(({ medianServiceMs, ...d }) => ({ ...d, medianServiceMin: minutes(medianServiceMs) })),
  }),
  referrals: ({ q, scope, meta, agencies }) => {
    const pairs = q.reportReferralPairs(scope);
    const totals = q.reportReferralTotals(scope);
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
  guidance: ({ q, scope, meta }) => {
    const g = q.reportGuidance(scope);
    return { meta, ...g, other: g.visits - g.sentOn - g.resolvedAtGuidance - g.noShows };
  },
  stay: ({ q, scope, meta }) => {
    const s = q.reportStay(scope);
    return {
      meta,
      visits: s.visits,
      medianMin: minutes(s.medianMs),
      p90Min: minutes(s.p90Ms),
      multiAgency: s.multiAgency,
      multiAgencyPct: percent(s.multiAgency, s.visits),
      buckets: s.buckets,
      byAgencies: s.byAgencies.map((b) => ({ agencies: b.agencies, visits: b.visits, medianMin: minutes(b.medianMs), p90Min: minutes(b.p90Ms) })),
    };
  },
};

type Cell = string | number | null;
const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Each report as one table: a header row of stable snake_case names, then the rows. */
const table: { [K in ReportKind]: (r: ReportMap[K], name: (id: number) => string, lang: StaffLanguage) => Cell[][] } = {
  arrivals: (r) => [
    ['hour', ...weekdayKeys, 'total'],
    ...Array.from({ length: 24 }, (_, hour) => {
      const row = weekdayKeys.map((_, i) => r.cells.find((c) => c.hour === hour && c.weekday === i + 1)?.visits ?? 0);
      return [hour, ...row, row.reduce((a, b) => a + b, 0)];
    }),
  ],
  waits: (r, agency, lang) => [
    ['service_id', 'agency', 'service', 'target_min', 'queued', 'called', 'left_waiting', 'median_wait_min', 'p90_wait_min', 'within_target', 'within_target_pct'],
    ...r.services.map((s) => [
      s.serviceId, agency(s.agencyId), pickText(s.name, lang), s.targetMin, s.queued, s.called, s.leftWaiting, s.medianMin, s.p90Min, s.withinTarget, s.withinTargetPct,
    ]),
  ],
  services: (r, agency, lang) => [
    ['service_id', 'agency', 'service', 'served', 'median_service_min', 'p90_service_min', 'mean_service_min', 'no_shows', 'no_show_pct'],
    ...r.services.map((s) => [s.serviceId, agency(s.agencyId), pickText(s.name, lang), s.served, s.medianMin, s.p90Min, s.meanMin, s.noShows, s.noShowPct]),
  ],
  desks: (r) => [
    ['desk_id', 'desk', 'zone', 'called', 'served', 'no_shows', 'median_service_min'],
    ...r.desks.map((d) => [d.deskId, d.name, d.zone, d.called, d.served, d.noShows, d.medianServiceMin]),
  ],
  referrals: (r, agency) => [
    ['from_agency', 'to_agency', 'referrals', 'completed', 'median_handoff_min', ...referralReasons],
    ...r.pairs.map((p) => [agency(p.fromAgencyId), agency(p.toAgencyId), p.referrals, p.completed, p.handoffMedianMin, ...referralReasons.map((x) => p.reasons[x])]),
  ],
  guidance: (r, agency, lang) => [
    ['outcome', 'service_id', 'agency', 'service', 'visits', 'served'],
    ['resolved_at_guidance', null, null, null, r.resolvedAtGuidance, null],
    ['no_show', null, null, null, r.noShows, null],
    ['other', null, null, null, r.other, null],
    ...r.destinations.map((d) => ['sent_on', d.serviceId, agency(d.agencyId), pickText(d.name, lang), d.visits, d.served]),
  ],
  stay: (r) => [
    ['agencies_met', 'visits', 'median_min', 'p90_min'],
    ...r.byAgencies.map((b) => [b.agencies === 3 ? '3+' : b.agencies, b.visits, b.medianMin, b.p90Min]),
    ['all', r.visits, r.medianMin, r.p90Min],
  ],
};

/** A report and its table, with the kind kept together (TypeScript's correlated-union pattern). */
function produce<K extends ReportKind>(kind: K, c: Context) {
  const report = build[kind](c);
  return { report, rows: (name: (id: number) => string, lang: StaffLanguage) => table[kind](report, name, lang) };
}

const summaries: Record<ReportKind, string> = {
  arrivals: 'Visits by weekday and hour of arrival (heat map)',
  waits: 'Waiting time per service: median, 90th percentile, share called within target',
  services: 'Time at the desk per service, and no-shows',
  desks: 'Visitors called, served and not showing up, per desk',
  referrals: 'Referrals between agencies: from → to matrix, reasons, completed, hand-off time',
  guidance: '"I don\'t know" visitors: how many, and where they ended up',
  stay: 'Time in the hub per visit, and visits that met more than one agency',
};

export default async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function register(kind: ReportKind): void {
    r.get(
      `/api/reports/${kind}`,
      {
        schema: {
          tags: ['reports'],
          summary: summaries[kind],
          description:
            'Staff see their own agencies (their services, referrals from or to them); admins the whole hub. ' +
            'Give day, week (any day of it) or from and to (local days, at most a year); format=csv for a spreadsheet.',
          querystring: ReportQuery,
          response: {
            200: {
              description: 'The report; with format=csv one table as CSV',
              content: { 'application/json': { schema: reportSchemas[kind] }, 'text/csv': { schema: z.string() } },
            },
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const hub = app.q.hub(user.hubId)!;
        const agencyIds = scopeOf(app.q, user, req.query.agency);
        const period = resolvePeriod(req.query);
        const scope: ReportScope = { hubId: hub.id, from: period.from, to: period.to, agencyIds };
        const meta: ReportMeta = {
          kind,
          from: period.from,
          to: period.to,
          days: period.days,
          timeZone: hub.timeZone,
          agencyIds,
          generatedAt: iso(app.config.now().getTime()),
        };
        const agencies = app.q.agencies(hub.id);
        const { report, rows } = produce(kind, { q: app.q, hub, period, scope, meta, agencies });
        if (req.query.format === 'json') return report;
        const lang = req.query.lang ?? user.language;
        const agencyName = (id: number) => pickText(agencies.find((a) => a.id === id)?.name ?? { fi: String(id) }, lang);
        return sendCsv(reply, `luukku-${kind}-${period.from}${period.to === period.from ? '' : `_${period.to}`}.csv`, toCsv(rows(agencyName, lang), csvStyle(lang, req.query.sep)));
      },
    );
  }

  for (const kind of reportKinds) register(kind);
}

function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}
