import { z } from 'zod';
import { Id, LocalizedText, StaffLanguage } from './common.js';
import { ReferralReason } from './visit.js';
import { localMoment } from '../time.js';

/**
 * Reports: what the hub achieved over a day, a week or a range of local days. A visit belongs
 * to the local day it arrived on; every figure counts visits of those days, anonymised ones too.
 * Durations are minutes, rounded to a tenth; percentiles are linear between the closest ranks
 * (as Excel's PERCENTILE.INC), so the median of 4, 6, 9, 10 is 7.5.
 */
export const reportKinds = ['arrivals', 'waits', 'services', 'desks', 'referrals', 'guidance', 'stay', 'feedback'] as const;
export const ReportKind = z.enum(reportKinds);
export type ReportKind = z.infer<typeof ReportKind>;

/** The longest range one report covers: a year, leap day included. */
export const maxReportDays = 366;

const dayMs = 24 * 3600 * 1000;
const utcOf = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const dateOf = (utc: number): string => new Date(utc).toISOString().slice(0, 10);

/** The date `n` days after `date` (YYYY-MM-DD, calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  return dateOf(utcOf(date) + n * dayMs);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(utcOf(date)).getUTCDay() + 6) % 7) + 1;
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / dayMs) + 1;
}

/** A real calendar date: 2026-02-30 is refused, not rolled over into March. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2199-12-31' && dateOf(utcOf(d)) === d, 'not a calendar date');

export const ReportQuery = z
  .object({
    /** One local day. */
    day: CalendarDate.optional(),
    /** Any day of a week: the report covers its Monday to Sunday. */
    week: CalendarDate.optional(),
    /** A range of local days, both included; give both. */
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    /** Narrow to one agency: admins any, staff one of their own. */
    agency: Id.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    /** The language of names in CSV files; the caller's own by default. */
    lang: StaffLanguage.optional(),
    /** The CSV separator; by default ";" for fi and sv (with decimal commas, as Excel there reads them), "," otherwise. */
    sep: z.enum(['comma', 'semicolon']).optional(),
  })
  .strict()
  .superRefine((q, ctx) => periodRule(q, ctx));
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One of: a day, a week, or a range from–to (both given, in order); shared by every report query. */
export function periodRule(q: { day?: string; week?: string; from?: string; to?: string }, ctx: z.RefinementCtx): void {
    const forms = [q.day !== undefined, q.week !== undefined, q.from !== undefined || q.to !== undefined].filter(Boolean).length;
    if (forms !== 1) {
      ctx.addIssue({ code: 'custom', path: ['day'], message: 'give one of: day, week, or from and to' });
      return;
    }
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.from === undefined ? 'from' : 'to'], message: 'a range needs both from and to' });
      return;
    }
    // a range longer than maxReportDays is well-formed; the server refuses it with its own code
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
}

export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
}

/** The local days a (validated) query covers. */
export function resolvePeriod(q: Pick<ReportQuery, 'day' | 'week' | 'from' | 'to'>): ReportPeriod {
  let from: string;
  let to: string;
  if (q.day) from = to = q.day;
  else if (q.week) {
    from = addDays(q.week, 1 - isoWeekday(q.week));
    to = addDays(from, 6);
  } else {
    from = q.from!;
    to = q.to!;
  }
  return { from, to, days: daysBetween(from, to) };
}

/** Every date of a period, in order. */
export function datesOf(p: ReportPeriod): string[] {
  return Array.from({ length: p.days }, (_, i) => addDays(p.from, i));
}

/**
 * Each day's UTC offset in ms (local = UTC + offset), taken at midday: clocks change at night,
 * when a hub is closed, so one offset per day places every opening hour right.
 */
export function dayOffsets(p: ReportPeriod, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const date of datesOf(p)) {
    const noonUtc = utcOf(date) + 12 * 3600 * 1000;
    const local = localMoment(new Date(noonUtc), timeZone);
    const [hh, mm] = local.time.split(':').map(Number) as [number, number];
    out[date] = utcOf(local.date) + (hh * 60 + mm) * 60_000 - noonUtc;
  }
  return out;
}

/** How many Mondays … Sundays (1 … 7) a period has. */
export function weekdayCounts(p: ReportPeriod): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const date of datesOf(p)) {
    const i = isoWeekday(date) - 1;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

const Minutes = z.number().nullable();
const Count = z.number().int().nonnegative();
/** A share 0–100 with one decimal; null when there is nothing to divide. */
const Percent = z.number().min(0).max(100).nullable();

export const ReportMeta = z.object({
  kind: ReportKind,
  from: z.string(),
  to: z.string(),
  days: z.number().int().positive(),
  timeZone: z.string(),
  /** null: the whole hub; otherwise the agencies the figures are limited to. */
  agencyIds: z.array(Id).nullable(),
  generatedAt: z.string(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

const ServiceRef = { serviceId: Id, agencyId: Id, name: LocalizedText };

/** 1. When visitors arrive: visits by weekday (1 = Monday) and local hour. */
export const ArrivalsReport = z.object({
  meta: ReportMeta,
  visits: Count,
  /** Only the non-empty cells. */
  cells: z.array(z.object({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23), visits: Count })),
  /** How many of each weekday the period has, to turn counts into a day's average. */
  weekdays: z.array(z.object({ weekday: z.number().int().min(1).max(7), days: Count, visits: Count })),
});
export type ArrivalsReport = z.infer<typeof ArrivalsReport>;

/** 2. Waiting from joining a line to being called, per service, against its target. */
export const WaitsReport = z.object({
  meta: ReportMeta,
  hubTargetMin: z.number().int(),
  services: z.array(
    z.object({
      ...ServiceRef,
      /** The service's own target, else the hub's. */
      targetMin: z.number().int(),
      queued: Count,
      called: Count,
      /** Left the line (cancelled) before anyone called them. */
      leftWaiting: Count,
      medianMin: Minutes,
      p90Min: Minutes,
      withinTarget: Count,
      /** Of those called, the share called within the target. */
      withinTargetPct: Percent,
    }),
  ),
});
export type WaitsReport = z.infer<typeof WaitsReport>;

/** 3a. Time at the desk (started → ended) per service, and visitors who did not come. */
export const ServicesReport = z.object({
  meta: ReportMeta,
  services: z.array(
    z.object({
      ...ServiceRef,
      /** Finished or referred on. */
      served: Count,
      medianMin: Minutes,
      p90Min: Minutes,
      meanMin: Minutes,
      noShows: Count,
      /** Of those called, the share who did not come. */
      noShowPct: Percent,
    }),
  ),
});
export type ServicesReport = z.infer<typeof ServicesReport>;

/** 3b. Work per desk: visitors called there, served, did not come. */
export const DesksReport = z.object({
  meta: ReportMeta,
  desks: z.array(
    z.object({ deskId: Id, name: z.string(), zone: z.string(), called: Count, served: Count, noShows: Count, medianServiceMin: Minutes }),
  ),
});
export type DesksReport = z.infer<typeof DesksReport>;

const ReasonCounts = z.object(Object.fromEntries(ReferralReason.options.map((r) => [r, Count])) as Record<ReferralReason, typeof Count>);
export type ReasonCounts = z.infer<typeof ReasonCounts>;

/** 4. Referrals between agencies: who sends whom where, why, and did the hand-off work. */
export const ReferralsReport = z.object({
  meta: ReportMeta,
  /** Every agency named in a pair, for labels and colours. */
  agencies: z.array(z.object({ id: Id, name: LocalizedText, color: z.string(), isGuidance: z.boolean() })),
  referrals: Count,
  /** Visits referred at least once. */
  referredVisits: Count,
  /** The receiving agency finished with the visitor (or sent them on): the referral reached its goal. */
  completed: Count,
  completedPct: Percent,
  /** Referral → called at the receiving desk. */
  handoffMedianMin: Minutes,
  handoffP90Min: Minutes,
  reasons: ReasonCounts,
  pairs: z.array(
    z.object({ fromAgencyId: Id, toAgencyId: Id, referrals: Count, completed: Count, handoffMedianMin: Minutes, reasons: ReasonCounts }),
  ),
});
export type ReferralsReport = z.infer<typeof ReferralsReport>;

/** 5. "I don't know" visitors: they chose Guidance at the kiosk. Where did they end up? */
export const GuidanceReport = z.object({
  meta: ReportMeta,
  visits: Count,
  /** Went on to at least one other line. */
  sentOn: Count,
  /** Finished at Guidance, nowhere else to go. */
  resolvedAtGuidance: Count,
  noShows: Count,
  /** Left, or still in the hub. */
  other: Count,
  /** Services of the steps after Guidance; a visit counts once per service. */
  destinations: z.array(z.object({ ...ServiceRef, visits: Count, served: Count })),
});
export type GuidanceReport = z.infer<typeof GuidanceReport>;

/** 6. Time in the hub per visit (arrival → end of its last step) and visits that met several agencies. */
export const StayReport = z.object({
  meta: ReportMeta,
  /** Visits that are over. */
  visits: Count,
  medianMin: Minutes,
  p90Min: Minutes,
  /** Called at two or more agencies' desks (Guidance counts as one). */
  multiAgency: Count,
  multiAgencyPct: Percent,
  /** Upper bounds in minutes; the last bucket is open (toMin null). */
  buckets: z.array(z.object({ fromMin: z.number().int(), toMin: z.number().int().nullable(), visits: Count })),
  /** By how many agencies the visitor met: 0 (left before a call), 1, 2, 3 or more. */
  byAgencies: z.array(z.object({ agencies: z.number().int(), visits: Count, medianMin: Minutes, p90Min: Minutes })),
});
export type StayReport = z.infer<typeof StayReport>;

/**
 * A group of answers smaller than this shows how many answered but not what: on a quiet day one
 * answer on a rare path would otherwise be one visitor's answer, and the visits of that day
 * are in the same database.
 */
export const feedbackMinAnswers = 5;

/** Answers of one group: counts and shares, withheld (null) below `feedbackMinAnswers`. */
const FeedbackShares = {
  answered: Count,
  yes: Count.nullable(),
  partly: Count.nullable(),
  no: Count.nullable(),
  /** "Sorted in one visit": the share that answered yes. */
  yesPct: Percent,
  partlyPct: Percent,
  noPct: Percent,
};

/**
 * 7. "Sorted in one visit": the answers to "did you get your matter sorted today?", overall, per
 * agency the visit reached, per path (the agencies in the order met) and per outcome of the
 * "I don't know" visits. Staff see answers of visits that reached their agencies.
 */
export const FeedbackReport = z.object({
  meta: ReportMeta,
  minAnswers: z.number().int(),
  /** Every agency named in a row, for labels and colours. */
  agencies: z.array(z.object({ id: Id, name: LocalizedText, color: z.string(), isGuidance: z.boolean() })),
  all: z.object(FeedbackShares),
  /** Tablet answers without a ticket (hub-wide reports only; null for an agency's). */
  unknownPath: z.object(FeedbackShares).nullable(),
  byAgency: z.array(z.object({ agencyId: Id, ...FeedbackShares })),
  /** The agencies met, in order; one agency means no referral between agencies. */
  byPath: z.array(z.object({ route: z.array(Id), ...FeedbackShares })),
  /** "I don't know" visits: sorted at Guidance, or sent on to an agency (the first after Guidance). */
  byGuidanceOutcome: z.array(z.object({ outcome: z.enum(['sorted', 'sent_on']), agencyId: Id.nullable(), ...FeedbackShares })),
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;
export type FeedbackShares = z.infer<typeof FeedbackReport>['all'];

export const reportSchemas = {
  arrivals: ArrivalsReport,
  waits: WaitsReport,
  services: ServicesReport,
  desks: DesksReport,
  referrals: ReferralsReport,
  guidance: GuidanceReport,
  stay: StayReport,
  feedback: FeedbackReport,
} as const;

export interface ReportMap {
  arrivals: ArrivalsReport;
  waits: WaitsReport;
  services: ServicesReport;
  desks: DesksReport;
  referrals: ReferralsReport;
  guidance: GuidanceReport;
  stay: StayReport;
  feedback: FeedbackReport;
}
