import type { Db } from '../open.js';
import type { LocalizedText } from '@luukku/shared';

/**
 * The figures of the reports, straight from visits, steps and referrals. Everything is in SQL,
 * percentiles too (see `histogram` and `percentile`), so a year of a busy hub is never pulled
 * into memory. Times stay UTC milliseconds; the API turns them into minutes.
 *
 * What counts:
 * - A visit belongs to the local day it arrived on (`visits.day`); a report covers whole days.
 * - A step "joined a line" when it has a queue_time: planned steps that were never reached have
 *   none. Only those count, so a plan dropped after a no-show is not a visitor of that service.
 * - A step was "served" when it ended as done or referred: the desk dealt with the visitor.
 * - The scope is a list of agencies (null = the whole hub): their services, referrals from or
 *   to them, and visits that joined one of their lines.
 * Anonymisation keeps every time and service (server/src/commands/retention.ts), so anonymised
 * visits are counted like any other. Notes are never read here.
 */
export interface ReportScope {
  hubId: number;
  /** First and last local day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  agencyIds: readonly number[] | null;
}

const inScope = (agencyColumn: string) => /* sql */ `(@agencies IS NULL OR ${agencyColumn} IN (SELECT value FROM json_each(@agencies)))`;

/** The visits of the period: the (hub_id, day, number) index finds them. */
const periodVisits = /* sql */ `vi.hub_id = @hubId AND vi.day BETWEEN @from AND @to`;

/**
 * Percentiles in SQL, over a histogram: durations are rounded to whole seconds and counted per
 * second, so the window functions run over a few thousand buckets rather than over every step
 * of a year (the reports show tenths of a minute; a second is finer than that). `histogram`
 * turns rows (partition columns…, v) of `source` into rows with `sec`, its count `k`, how many
 * lie below it (`below`) and the partition's size `n`.
 */
function histogram(source: string, partition = ''): string {
  const cols = partition ? `${partition}, ` : '';
  const by = partition ? `PARTITION BY ${partition}` : '';
  return /* sql */ `
    SELECT ${cols}sec, k, sum(k) OVER (${by} ORDER BY sec) - k AS below, sum(k) OVER (${by}) AS n
    FROM (SELECT ${cols}(v + 500) / 1000 AS sec, count(*) AS k FROM ${source} WHERE v IS NOT NULL GROUP BY ${cols}sec)`;
}

/**
 * An aggregate over `histogram` rows, in ms: the value at fraction permille/1000 of the way from
 * the smallest to the largest, linear between the two closest ranks (Excel's PERCENTILE.INC,
 * R's type 7). For sorted x[0…n-1], h = (n-1)·p, the answer is x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋]);
 * the rank arithmetic stays in integers, so the 90th percentile of 11 values is exactly the
 * 10th, not a float's breath beside it.
 */
function percentile(permille: number): string {
  const lo = `((n - 1) * ${permille} / 1000)`;
  const frac = `((n - 1) * ${permille} % 1000)`;
  const at = (rank: string) => `(below <= ${rank} AND ${rank} < below + k)`;
  return `sum(CASE WHEN ${at(lo)} THEN sec * (1000 - ${frac}) ELSE 0 END + CASE WHEN ${at(`${lo} + 1`)} THEN sec * ${frac} ELSE 0 END)`;
}

/**
 * When a step began to wait: when it was created (issue, referral), or — for a planned step —
 * when the visit's previous step ended and let it into its line. Measured from the queue_time
 * instead, a referred visitor who keeps their arrival time would seem to have waited through
 * their first service too. The first step of a visit is issued with it and waits from then.
 */
const waitStart = /* sql */ `CASE WHEN s.position = 1 THEN s.created_at ELSE max(s.created_at, coalesce((
    SELECT max(o.ended_at) FROM steps o
    WHERE o.visit_id = s.visit_id AND o.id <> s.id AND o.status IN ('done', 'referred') AND o.ended_at <= s.called_at
  ), 0)) END`;

/** Upper bounds of the time-in-hub histogram, minutes; the last bucket is open. */
export const stayBucketsMin = [15, 30, 60, 90, 120] as const;

interface Params {
  hubId: number;
  from: string;
  to: string;
  agencies: string | null;
}

const params = (s: ReportScope): Params => ({
  hubId: s.hubId,
  from: s.from,
  to: s.to,
  agencies: s.agencyIds === null ? null : JSON.stringify(s.agencyIds),
});

interface ServiceRow { service_id: number; agency_id: number; name: string }
const serviceRef = (r: ServiceRow) => ({ serviceId: r.service_id, agencyId: r.agency_id, name: JSON.parse(r.name) as LocalizedText });

export function reportQueries(db: Db) {
  // counted per day and quarter hour first (every time zone's offset is a whole number of
  // quarters), so the offsets are applied to a few thousand rows, not to every visit
  const arrivals = db.prepare<Params & { offsets: string }, { weekday: number; hour: number; visits: number }>(/* sql */ `
    WITH q AS (
      SELECT vi.day, vi.arrived_at / 900000 AS quarter, count(*) AS visits
      FROM visits vi
      WHERE ${periodVisits}
        AND (@agencies IS NULL OR EXISTS (
          SELECT 1 FROM steps s JOIN services sv ON sv.id = s.service_id
          WHERE s.visit_id = vi.id AND s.queue_time IS NOT NULL AND ${inScope('sv.agency_id')}))
      GROUP BY vi.day, quarter
    )
    SELECT (CAST(strftime('%w', q.day) AS INTEGER) + 6) % 7 + 1 AS weekday,
           ((q.quarter * 900000 + o.value) / 3600000) % 24 AS hour,
           sum(q.visits) AS visits
    FROM q
    JOIN json_each(@offsets) o ON o.key = q.day
    GROUP BY weekday, hour
    ORDER BY weekday, hour`);

  const waits = db.prepare<Params, ServiceRow & {
    target_min: number; queued: number | null; called: number | null; left_waiting: number | null; within: number | null;
    p50: number | null; p90: number | null;
  }>(/* sql */ `
    WITH st AS (
      SELECT s.service_id AS grp, s.status, s.called_at,
             coalesce(sv.target_wait_min, h.target_wait_min) * 60000 AS target_ms,
             s.called_at - ${waitStart} AS v
      FROM visits vi
      JOIN steps s ON s.visit_id = vi.id
      JOIN services sv ON sv.id = s.service_id
      JOIN hubs h ON h.id = vi.hub_id
      WHERE ${periodVisits} AND s.queue_time IS NOT NULL AND ${inScope('sv.agency_id')}
    ),
    hist AS (${histogram('st', 'grp')}),
    pct AS (SELECT grp, ${percentile(500)} AS p50, ${percentile(900)} AS p90 FROM hist GROUP BY grp),
    agg AS (
      SELECT grp, count(*) AS queued, count(called_at) AS called,
             sum(status = 'cancelled' AND called_at IS NULL) AS left_waiting,
             sum(called_at IS NOT NULL AND v <= target_ms) AS within
      FROM st GROUP BY grp
    )
    SELECT sv.id AS service_id, sv.agency_id, sv.name, coalesce(sv.target_wait_min, h.target_wait_min) AS target_min,
           agg.queued, agg.called, agg.left_waiting, agg.within, pct.p50, pct.p90
    FROM services sv
    JOIN hubs h ON h.id = sv.hub_id
    LEFT JOIN agg ON agg.grp = sv.id
    LEFT JOIN pct ON pct.grp = sv.id
    WHERE sv.hub_id = @hubId AND ${inScope('sv.agency_id')} AND (sv.active = 1 OR agg.grp IS NOT NULL)
    ORDER BY sv.sort_order, sv.id`);

  // time at the desk counts only steps someone started: a guide may refer straight from "called"
  const serviceTime = /* sql */ `CASE WHEN s.status IN ('done', 'referred') AND s.started_at IS NOT NULL THEN s.ended_at - s.started_at END`;

  const services = db.prepare<Params, ServiceRow & {
    served: number | null; called: number | null; no_shows: number | null; mean: number | null; p50: number | null; p90: number | null;
  }>(/* sql */ `
    WITH st AS (
      SELECT s.service_id AS grp, s.status, s.called_at, ${serviceTime} AS v
      FROM visits vi
      JOIN steps s ON s.visit_id = vi.id
      JOIN services sv ON sv.id = s.service_id
      WHERE ${periodVisits} AND s.queue_time IS NOT NULL AND ${inScope('sv.agency_id')}
    ),
    hist AS (${histogram('st', 'grp')}),
    pct AS (SELECT grp, ${percentile(500)} AS p50, ${percentile(900)} AS p90 FROM hist GROUP BY grp),
    agg AS (
      SELECT grp, sum(status IN ('done', 'referred')) AS served, count(called_at) AS called,
             sum(status = 'no_show') AS no_shows, avg(v) AS mean
      FROM st GROUP BY grp
    )
    SELECT sv.id AS service_id, sv.agency_id, sv.name, agg.served, agg.called, agg.no_shows, agg.mean, pct.p50, pct.p90
    FROM services sv
    LEFT JOIN agg ON agg.grp = sv.id
    LEFT JOIN pct ON pct.grp = sv.id
    WHERE sv.hub_id = @hubId AND ${inScope('sv.agency_id')} AND (sv.active = 1 OR agg.grp IS NOT NULL)
    ORDER BY sv.sort_order, sv.id`);

  const desks = db.prepare<Params, {
    desk_id: number; name: string; zone: string; called: number; served: number; no_shows: number; p50: number | null;
  }>(/* sql */ `
    WITH st AS (
      SELECT s.desk_id AS grp, s.status, ${serviceTime} AS v
      FROM visits vi
      JOIN steps s ON s.visit_id = vi.id
      JOIN services sv ON sv.id = s.service_id
      WHERE ${periodVisits} AND s.desk_id IS NOT NULL AND s.called_at IS NOT NULL AND ${inScope('sv.agency_id')}
    ),
    hist AS (${histogram('st', 'grp')}),
    pct AS (SELECT grp, ${percentile(500)} AS p50 FROM hist GROUP BY grp),
    agg AS (
      SELECT grp, count(*) AS called, sum(status IN ('done', 'referred')) AS served, sum(status = 'no_show') AS no_shows
      FROM st GROUP BY grp
    )
    SELECT d.id AS desk_id, d.name, d.zone, agg.called, agg.served, agg.no_shows, pct.p50
    FROM agg
    JOIN desks d ON d.id = agg.grp
    LEFT JOIN pct ON pct.grp = agg.grp
    ORDER BY d.sort_order, d.id`);

  /**
   * Referrals made on visits of the period that the scope sends or receives. "Completed": the
   * receiving step ended as done or referred on. Hand-off: referral → called at the receiving
   * desk (for the second service of a plan this includes the time at the first).
   */
  const referralRows = /* sql */ `
    SELECT r.from_agency_id AS a, r.to_agency_id AS b, r.reason, r.visit_id,
           t.status IN ('done', 'referred') AS completed,
           t.called_at - r.created_at AS v
    FROM visits vi
    JOIN referrals r ON r.visit_id = vi.id
    JOIN steps t ON t.id = r.to_step_id
    WHERE ${periodVisits} AND (${inScope('r.from_agency_id')} OR ${inScope('r.to_agency_id')})`;

  const referralPairs = db.prepare<Params, {
    a: number; b: number; referrals: number; completed: number; reasons: string; p50: number | null;
  }>(/* sql */ `
    WITH rf AS (${referralRows}),
    hist AS (${histogram('rf', 'a, b')}),
    pct AS (SELECT a, b, ${percentile(500)} AS p50 FROM hist GROUP BY a, b),
    rs AS (SELECT a, b, reason, count(*) AS n FROM rf GROUP BY a, b, reason),
    rj AS (SELECT a, b, json_group_object(reason, n) AS reasons FROM rs GROUP BY a, b),
    agg AS (SELECT a, b, count(*) AS referrals, sum(completed) AS completed FROM rf GROUP BY a, b)
    SELECT agg.a, agg.b, agg.referrals, agg.completed, rj.reasons, pct.p50
    FROM agg
    JOIN rj ON rj.a = agg.a AND rj.b = agg.b
    LEFT JOIN pct ON pct.a = agg.a AND pct.b = agg.b
    ORDER BY agg.referrals DESC, agg.a, agg.b`);

  const referralTotals = db.prepare<Params, { referred_visits: number; p50: number | null; p90: number | null }>(/* sql */ `
    WITH rf AS (${referralRows}),
    hist AS (${histogram('rf')})
    SELECT (SELECT count(DISTINCT visit_id) FROM rf) AS referred_visits,
           (SELECT ${percentile(500)} FROM hist) AS p50,
           (SELECT ${percentile(900)} FROM hist) AS p90`);

  /**
   * "I don't know" visits: their first step is Guidance (chosen at the kiosk). What follows
   * it are the services the visitor was sent on to and reached (queue_time set).
   */
  const guidanceVisits = /* sql */ `
    g AS (
      SELECT s.visit_id, s.status, sv.agency_id AS g_agency
      FROM visits vi
      JOIN steps s ON s.visit_id = vi.id AND s.position = 1
      JOIN services sv ON sv.id = s.service_id
      WHERE ${periodVisits} AND sv.is_guidance = 1
    ),
    later AS (
      SELECT g.visit_id, s.service_id, (${inScope('g.g_agency')} OR ${inScope('sv.agency_id')}) AS visible,
             max(s.status IN ('done', 'referred')) AS served
      FROM g
      JOIN steps s ON s.visit_id = g.visit_id AND s.position > 1
      JOIN services sv ON sv.id = s.service_id
      WHERE sv.is_guidance = 0 AND s.queue_time IS NOT NULL
      GROUP BY g.visit_id, s.service_id
    )`;

  const guidanceSummary = db.prepare<Params, { visits: number; sent_on: number | null; resolved: number | null; no_shows: number | null }>(/* sql */ `
    WITH ${guidanceVisits},
    gv AS (
      SELECT g.status, g.g_agency,
             EXISTS (SELECT 1 FROM later l WHERE l.visit_id = g.visit_id) AS sent_on,
             EXISTS (SELECT 1 FROM later l WHERE l.visit_id = g.visit_id AND l.visible) AS any_visible
      FROM g
    )
    SELECT count(*) AS visits, sum(sent_on) AS sent_on,
           sum(NOT sent_on AND status = 'done') AS resolved,
           sum(NOT sent_on AND status = 'no_show') AS no_shows
    FROM gv
    WHERE ${inScope('g_agency')} OR any_visible`);

  const guidanceDestinations = db.prepare<Params, ServiceRow & { visits: number; served: number }>(/* sql */ `
    WITH ${guidanceVisits}
    SELECT sv.id AS service_id, sv.agency_id, sv.name, count(*) AS visits, sum(l.served) AS served
    FROM later l
    JOIN services sv ON sv.id = l.service_id
    WHERE l.visible
    GROUP BY sv.id
    ORDER BY visits DESC, sv.sort_order, sv.id`);

  /**
   * Visits that are over: arrival → end (a visit ends in the same transaction as its last step,
   * at the same moment, so visits.ended_at is the end of the last step), and how many agencies
   * called them (3 = three or more). The last row, grp -1, is all of them together.
   */
  const bucketColumns = [0, ...stayBucketsMin]
    .map((lo, i) => {
      const hi = stayBucketsMin[i];
      return `sum(v >= ${lo * 60000}${hi === undefined ? '' : ` AND v < ${hi * 60000}`}) AS b${i}`;
    })
    .join(', ');
  const noBuckets = [0, ...stayBucketsMin].map((_, i) => `NULL AS b${i}`).join(', ');
  const stay = db.prepare<Params, Record<string, number | null> & { grp: number; visits: number; multi: number | null; p50: number | null; p90: number | null }>(/* sql */ `
    WITH vs AS MATERIALIZED (
      SELECT vi.ended_at - vi.arrived_at AS v,
             (SELECT min(count(DISTINCT sv.agency_id), 3) FROM steps s JOIN services sv ON sv.id = s.service_id
              WHERE s.visit_id = vi.id AND s.called_at IS NOT NULL) AS grp
      FROM visits vi
      WHERE ${periodVisits} AND vi.status <> 'active' AND vi.ended_at IS NOT NULL
        AND (@agencies IS NULL OR EXISTS (
          SELECT 1 FROM steps s JOIN services sv ON sv.id = s.service_id
          WHERE s.visit_id = vi.id AND s.queue_time IS NOT NULL AND ${inScope('sv.agency_id')}))
    ),
    hg AS (${histogram('vs', 'grp')}),
    ha AS (${histogram('vs')})
    SELECT grp, sum(k) AS visits, NULL AS multi, ${percentile(500)} AS p50, ${percentile(900)} AS p90, ${noBuckets}
    FROM hg GROUP BY grp
    UNION ALL
    SELECT -1, count(*), sum(grp >= 2), (SELECT ${percentile(500)} FROM ha), (SELECT ${percentile(900)} FROM ha), ${bucketColumns}
    FROM vs
    ORDER BY 1`);

  return {
    /**
     * Visits by weekday (1 = Monday) and local hour. `offsets` gives each day's UTC offset in
     * ms (taken at midday: the clocks change at night, when a hub is closed).
     */
    reportArrivals: (s: ReportScope, offsets: Record<string, number>) =>
      arrivals.all({ ...params(s), offsets: JSON.stringify(offsets) }),

    /** Per service: joined, called, left before a call; the wait until called (ms) and within its target. */
    reportWaits: (s: ReportScope) =>
      waits.all(params(s)).map((r) => ({
        ...serviceRef(r),
        targetMin: r.target_min,
        queued: r.queued ?? 0,
        called: r.called ?? 0,
        leftWaiting: r.left_waiting ?? 0,
        withinTarget: r.within ?? 0,
        medianMs: r.p50,
        p90Ms: r.p90,
      })),

    /** Per service: served, time at the desk (ms), no-shows among those called. */
    reportServices: (s: ReportScope) =>
      services.all(params(s)).map((r) => ({
        ...serviceRef(r),
        served: r.served ?? 0,
        called: r.called ?? 0,
        noShows: r.no_shows ?? 0,
        meanMs: r.mean,
        medianMs: r.p50,
        p90Ms: r.p90,
      })),

    /** Per desk with traffic: called there, served, no-shows, median time at the desk (ms). */
    reportDesks: (s: ReportScope) =>
      desks.all(params(s)).map((r) => ({
        deskId: r.desk_id, name: r.name, zone: r.zone, called: r.called, served: r.served, noShows: r.no_shows, medianServiceMs: r.p50,
      })),

    /** From → to agency pairs: count, completed, reasons, median hand-off (ms). */
    reportReferralPairs: (s: ReportScope) =>
      referralPairs.all(params(s)).map((r) => ({
        fromAgencyId: r.a,
        toAgencyId: r.b,
        referrals: r.referrals,
        completed: r.completed,
        reasons: JSON.parse(r.reasons) as Record<string, number>,
        handoffMedianMs: r.p50,
      })),

    reportReferralTotals: (s: ReportScope) => {
      const r = referralTotals.get(params(s))!;
      return { referredVisits: r.referred_visits, handoffMedianMs: r.p50, handoffP90Ms: r.p90 };
    },

    reportGuidance: (s: ReportScope) => {
      const sum = guidanceSummary.get(params(s))!;
      return {
        visits: sum.visits,
        sentOn: sum.sent_on ?? 0,
        resolvedAtGuidance: sum.resolved ?? 0,
        noShows: sum.no_shows ?? 0,
        destinations: guidanceDestinations.all(params(s)).map((r) => ({ ...serviceRef(r), visits: r.visits, served: r.served })),
      };
    },

    /** Time in the hub (ms): overall, in `stayBucketsMin` buckets, and by agencies met (0, 1, 2, 3 = 3 or more). */
    reportStay: (s: ReportScope) => {
      const rows = stay.all(params(s));
      const t = rows.find((r) => r.grp === -1)!;
      return {
        visits: t.visits,
        multiAgency: t.multi ?? 0,
        medianMs: t.p50,
        p90Ms: t.p90,
        buckets: [0, ...stayBucketsMin].map((fromMin, i) => ({ fromMin, toMin: stayBucketsMin[i] ?? null, visits: t[`b${i}`] ?? 0 })),
        byAgencies: rows.filter((r) => r.grp >= 0).map((r) => ({ agencies: r.grp, visits: r.visits, medianMs: r.p50, p90Ms: r.p90 })),
      };
    },
  };
}
