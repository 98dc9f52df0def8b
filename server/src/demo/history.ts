import type { DeviceRecord, HubRecord, Queries, StepRecord, UserRecord } from '@luukku/db';
import { DomainError, addDays, dayOffsets, isoWeekday, localMoment, type ReferralReason, type VisitorLanguage } from '@luukku/shared';
import { newToken } from '../auth/secrets.js';
import type { CommandContext } from '../commands/context.js';
import { callNext, closeDesk, openDesk } from '../commands/desks.js';
import { issueVisit } from '../commands/issue-visit.js';
import { referStep, transitionStep } from '../commands/steps.js';
import { giveFeedback } from '../commands/feedback.js';

/**
 * A few weeks of made-up but believable traffic for the demo hub, so the reports have
 * something to show. Every visit goes through the same commands as the API (issue, call,
 * start, finish, refer, no-show, cancel) with a simulated clock, so the history has the same
 * shape as real use: numbers per day, events, referrals, calls.
 *
 * A small town hall: 70–110 visits on a weekday, arrivals peaking mid-morning and after lunch;
 * about 15 % choose "I don't know" (Guidance), about 30 % are referred on, a few do not come
 * when called or give up waiting. Each agency's member of staff works one desk; Ohjaamo and the
 * police share desk 6 on alternate days, and the health pop-up is at the municipality's desk
 * on Tuesdays. Only past weekdays are written, so today's numbering is never touched.
 */

export interface HistoryOptions {
  /** How many weeks back from yesterday. */
  weeks: number;
  /** The same seed gives the same traffic. */
  seed: number;
  /** "Today": history ends the day before. */
  now: Date;
  onDay?: (day: string, visits: number) => void;
}

export interface HistoryResult {
  days: string[];
  skipped: string[];
  visits: number;
}

type Code = 'neuvonta' | 'kela' | 'kunta' | 'asunnot' | 'ohjaamo' | 'tyo' | 'poliisi' | 'terveys';

/** Median minutes at the desk; the simulation spreads them log-normally. */
const serviceMinutes: Record<Code, number> = { neuvonta: 4, kela: 8, kunta: 7, asunnot: 9, ohjaamo: 14, tyo: 10, poliisi: 8, terveys: 12 };

/** What visitors choose at the kiosk, besides Guidance. */
const kioskChoice: Partial<Record<Code, number>> = { kela: 22, kunta: 19, asunnot: 15, tyo: 16, ohjaamo: 10, poliisi: 14, terveys: 4 };

/** Where Guidance sends visitors on. */
const fromGuidance: Partial<Record<Code, number>> = { kela: 26, asunnot: 20, tyo: 20, kunta: 16, ohjaamo: 10, poliisi: 7, terveys: 3 };

/** Where each agency's staff refer on, when they do. */
const onward: Partial<Record<Code, Partial<Record<Code, number>>>> = {
  kela: { asunnot: 40, tyo: 30, kunta: 20, ohjaamo: 10 },
  asunnot: { kela: 60, kunta: 40 },
  tyo: { kela: 50, ohjaamo: 30, kunta: 20 },
  ohjaamo: { tyo: 50, kela: 35, asunnot: 15 },
  kunta: { kela: 50, asunnot: 30, terveys: 20 },
  poliisi: { kunta: 60, kela: 40 },
  terveys: { kunta: 50, ohjaamo: 50 },
};

const reasons: Partial<Record<ReferralReason, number>> = { needs_other_service: 65, wrong_queue: 12, visitor_request: 10, planned_visit: 8, other: 5 };

const languages: Partial<Record<VisitorLanguage, number>> = { fi: 78, sv: 6, en: 5, ru: 3, uk: 3, ar: 2, so: 1, et: 1, fa: 1 };

/** Visits on an average Monday … Friday. */
const visitsPerWeekday = [105, 95, 85, 90, 75];

/** Who works where on weekday 1–5. */
function staffing(weekday: number): { desk: string; user: string; services: Code[] }[] {
  return [
    { desk: '1', user: 'neuvonta', services: ['neuvonta'] },
    { desk: '2', user: 'kela', services: ['kela'] },
    { desk: '3', user: 'kunta', services: weekday === 2 ? ['kunta', 'terveys'] : ['kunta'] },
    { desk: '4', user: 'asunnot', services: ['asunnot'] },
    { desk: '5', user: 'tyo', services: ['tyo'] },
    weekday === 2 || weekday === 4 ? { desk: '6', user: 'poliisi', services: ['poliisi'] } : { desk: '6', user: 'ohjaamo', services: ['ohjaamo'] },
  ];
}

/** mulberry32: small, fast, and the same numbers for the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    normal,
    /** Log-normal around a median; sigma 0.45 gives the long right tail of real service times. */
    around: (median: number, sigma = 0.45) => median * Math.exp(sigma * normal()),
    pick: <K extends string>(weights: Partial<Record<K, number>>, allowed: (k: K) => boolean = () => true): K | undefined => {
      const entries = (Object.entries(weights) as [K, number][]).filter(([k]) => allowed(k));
      const total = entries.reduce((n, [, w]) => n + w, 0);
      let x = next() * total;
      for (const [k, w] of entries) if ((x -= w) < 0) return k;
      return entries.at(-1)?.[0];
    },
  };
}
type Random = ReturnType<typeof random>;

/**
 * The end-of-visit question: about a third of finished visits answer, most on the phone, some
 * on the tablet (half of those show their ticket). Guidance that sorts a matter on the spot
 * gets the most yeses; every referral between agencies makes a yes less likely.
 */
const answerRate = 0.35;
function feedbackAnswer(r: Random, path: { referrals: number; guidanceSorted: boolean }) {
  const yes = path.guidanceSorted ? 0.86 : [0.78, 0.62, 0.45][Math.min(path.referrals, 2)]!;
  const partly = (1 - yes) * 0.6;
  const x = r.next();
  return x < yes ? ('yes' as const) : x < yes + partly ? ('partly' as const) : ('no' as const);
}

const minute = 60_000;

/** Minutes after local midnight of arrivals: a morning peak, an after-lunch peak, a trickle. */
function arrivalMinutes(r: Random, n: number): number[] {
  const open = 8 * 60 + 55;
  const last = 15 * 60 + 50;
  const out: number[] = [];
  while (out.length < n) {
    const x = r.next();
    const m = x < 0.3 ? r.between(open, last) : x < 0.68 ? 10 * 60 + 15 + 45 * r.normal() : 13 * 60 + 10 + 40 * r.normal();
    if (m >= open && m <= last) out.push(m);
  }
  return out.sort((a, b) => a - b);
}

interface Desk {
  name: string;
  id: number;
  user: UserRecord;
  services: Code[];
  busy: boolean;
  lunchFrom: number;
  lunchTaken: boolean;
  backAt: number;
}

interface Pending {
  at: number;
  order: number;
  run: () => void;
}

export class HistoryRefused extends Error {}

/** Seeds the past weekdays that have no visits yet; days with visits are left alone. */
export function seedHistory(q: Queries, options: HistoryOptions): HistoryResult {
  const hub = q.hubs()[0];
  if (!hub) throw new HistoryRefused('No hub in the database: start the demo once, or run this on an empty data folder.');
  const users = new Map<string, UserRecord>();
  for (const name of ['neuvonta', 'kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi']) {
    const u = q.userByUsername(name);
    if (!u || u.hubId !== hub.id) throw new HistoryRefused(`This is not the demo hub (no user ${name}); history is for the demo only.`);
    users.set(name, u);
  }
  const codes = new Map(q.services(hub.id).map((s) => [s.code, s]));
  const kiosk = q.devices(hub.id).find((d) => d.kind === 'kiosk' && d.revokedAt === null);
  if (!kiosk || !Object.keys(serviceMinutes).every((c) => codes.has(c))) {
    throw new HistoryRefused('This is not the demo hub (services or kiosk missing); history is for the demo only.');
  }
  // "call next" takes any waiting visitor, so a live line would be served by the past
  if (q.desks(hub.id).some((d) => d.status !== 'closed') || q.waitingCounts(hub.id).length > 0 || q.activeSteps(hub.id).length > 0) {
    throw new HistoryRefused('Desks are open or visitors are in line: close the desks and empty the lines first (or seed before starting the server).');
  }

  const today = localMoment(options.now, hub.timeZone).date;
  const result: HistoryResult = { days: [], skipped: [], visits: 0 };
  for (let back = options.weeks * 7; back >= 1; back--) {
    const date = addDays(today, -back);
    const weekday = isoWeekday(date);
    if (weekday > 5) continue;
    const existing = q.reportArrivals({ hubId: hub.id, from: date, to: date, agencyIds: null }, { [date]: 0 });
    if (existing.length > 0) {
      result.skipped.push(date);
      continue;
    }
    const visits = simulateDay(q, hub, kiosk, users, codes, date, weekday, random(options.seed * 7919 + back));
    result.days.push(date);
    result.visits += visits;
    options.onDay?.(date, visits);
  }
  return result;
}

function simulateDay(
  q: Queries,
  hub: HubRecord,
  kiosk: DeviceRecord,
  users: Map<string, UserRecord>,
  codes: Map<string, { id: number; code: string }>,
  date: string,
  weekday: number,
  r: Random,
): number {
  const offset = dayOffsets({ from: date, to: date, days: 1 }, hub.timeZone)[date]!;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = (minutes: number) => Date.UTC(y, m - 1, d) + Math.round(minutes * minute) - offset;
  let clock = at(8 * 60 + 50);
  const ctx: CommandContext = { q, now: () => new Date(clock), publish: () => undefined, newToken: () => newToken(16) };

  const serviceId = (c: Code) => codes.get(c)!.id;
  const codeOf = new Map([...codes.values()].map((s) => [s.id, s.code as Code]));
  const plan = staffing(weekday);
  const staffed = new Set(plan.flatMap((p) => p.services));
  const desks: Desk[] = plan.map((p, i) => ({
    name: p.desk,
    id: q.desks(hub.id).find((x) => x.name === p.desk)!.id,
    user: users.get(p.user)!,
    services: p.services,
    busy: false,
    // lunch in turns, so some desks are always open
    lunchFrom: at(11 * 60 + (i % 3) * 35),
    lunchTaken: false,
    backAt: 0,
  }));
  const deskOf = (serviceCode: Code) => desks.find((x) => x.services.includes(serviceCode))!;
  const allAccessible = desks.every((x) => q.desk(x.id)!.accessible);

  const queue: Pending[] = [];
  let order = 0;
  const later = (when: number, run: () => void) => {
    const p = { at: when, order: order++, run };
    let i = queue.length;
    while (i > 0 && (queue[i - 1]!.at > p.at || (queue[i - 1]!.at === p.at && queue[i - 1]!.order > p.order))) i--;
    queue.splice(i, 0, p);
  };
  let closing = false;
  const referralsOf = new Map<number, number>();
  const visitIds: number[] = [];

  function tryCall(desk: Desk): void {
    if (desk.busy || closing || clock < desk.backAt) return;
    if (!desk.lunchTaken && clock >= desk.lunchFrom) {
      desk.lunchTaken = true;
      desk.backAt = clock + r.between(28, 35) * minute;
      later(desk.backAt, () => tryCall(desk));
      return;
    }
    let step: StepRecord;
    try {
      step = callNext(ctx, desk.user, desk.id);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'QUEUE_EMPTY') return;
      throw err;
    }
    desk.busy = true;
    const code = codeOf.get(step.serviceId)!;
    if (r.chance(code === 'neuvonta' ? 0.02 : 0.04)) {
      later(clock + r.between(2, 4) * minute, () => {
        transitionStep(ctx, desk.user, step.id, 'no-show');
        free(desk);
      });
      return;
    }
    const startAt = clock + r.between(0.3, 1.5) * minute;
    later(startAt, () => {
      transitionStep(ctx, desk.user, step.id, 'start');
      const onwardTo = decideOnward(code, step);
      const wrongQueue = onwardTo?.reason === 'wrong_queue';
      const minutes = wrongQueue ? r.between(1, 3) : Math.min(60, Math.max(1.5, r.around(serviceMinutes[code])));
      later(startAt + minutes * minute, () => {
        if (onwardTo) {
          referStep(ctx, desk.user, step.id, { services: onwardTo.services.map(serviceId), reason: onwardTo.reason });
          referralsOf.set(step.visitId, (referralsOf.get(step.visitId) ?? 0) + 1);
        } else {
          transitionStep(ctx, desk.user, step.id, 'finish');
        }
        free(desk);
      });
    });
  }

  /** Whether this visitor is sent on from here, and where; services seen already are left out. */
  function decideOnward(code: Code, step: StepRecord): { services: Code[]; reason: ReferralReason } | null {
    const seen = new Set(q.stepsOfVisit(step.visitId).map((s) => codeOf.get(s.serviceId)));
    const open = (c: Code) => staffed.has(c) && !seen.has(c) && c !== 'neuvonta';
    if (code === 'neuvonta') {
      if (r.chance(0.15)) return null;
      const first = r.pick(fromGuidance, open);
      if (!first) return null;
      const second = r.chance(0.2) ? r.pick(fromGuidance, (c) => open(c) && c !== first) : undefined;
      return { services: second ? [first, second] : [first], reason: r.chance(0.4) ? 'planned_visit' : 'needs_other_service' };
    }
    if ((referralsOf.get(step.visitId) ?? 0) >= 2 || !r.chance(0.22)) return null;
    const to = r.pick(onward[code] ?? {}, open);
    return to ? { services: [to], reason: r.pick(reasons)! } : null;
  }

  function free(desk: Desk): void {
    later(clock + r.between(0.2, 1) * minute, () => {
      desk.busy = false;
      tryCall(desk);
    });
    for (const other of desks) if (other !== desk && !other.busy) tryCall(other);
  }

  function arrive(n: number): void {
    const guidance = r.chance(0.15);
    let services: Code[] = [];
    if (!guidance) {
      const first = r.pick(kioskChoice, (c) => staffed.has(c))!;
      services = [first];
      // the kiosk's guided answers suggest two services in order now and then
      if (first === 'tyo' && r.chance(0.15)) services.push('kela');
      if (first === 'asunnot' && r.chance(0.15)) services.push('kela');
    }
    const language = r.pick(languages)!;
    const needs = {
      interpreter: language !== 'fi' && language !== 'sv' && r.chance(0.25),
      // an accessible desk is asked for only where every staffed desk is one: the simulated
      // staff never move desks, so anyone else would wait all day (the draw stays, so the
      // simulated days stay the same)
      accessible: r.chance(0.04) && allAccessible,
      accompanied: r.chance(0.03),
    };
    const body = guidance
      ? { guidance: true as const, language, needs, idempotencyKey: `history-${date}-${n}` }
      : { services: services.map(serviceId), language, needs, idempotencyKey: `history-${date}-${n}` };
    const { visitId } = issueVisit(ctx, { kind: 'device', hubId: hub.id, device: kiosk }, body);
    visitIds.push(visitId);
    // some give up when the line is long; staff cancel their ticket
    const patience = r.around(75, 0.4) * minute;
    later(clock + patience, () => {
      const first = q.stepsOfVisit(visitId)[0]!;
      if (first.status === 'waiting') transitionStep(ctx, deskOf(codeOf.get(first.serviceId)!).user, first.id, 'cancel');
    });
    for (const desk of desks) tryCall(desk);
  }

  for (const desk of desks) openDesk(ctx, desk.user, desk.id, desk.services.map(serviceId));
  const n = Math.round(visitsPerWeekday[weekday - 1]! * r.between(0.88, 1.12));
  arrivalMinutes(r, n).forEach((minutes, i) => later(at(minutes), () => arrive(i + 1)));
  // the doors close at 16:30; whoever is still in line then is sent home
  later(at(16 * 60 + 30), () => {
    closing = true;
  });

  while (queue.length > 0) {
    const next = queue.shift()!;
    clock = Math.max(clock, next.at);
    next.run();
  }
  for (const line of q.waitingCounts(hub.id)) {
    for (const w of q.waitingOfService(line.serviceId, clock)) transitionStep(ctx, deskOf(codeOf.get(line.serviceId)!).user, w.step.id, 'cancel');
  }
  for (const desk of desks) closeDesk(ctx, desk.user, desk.id);
  answerQuestion(ctx, hub, date, visitIds, referralsOf, codeOf, r);
  return n;
}

/** The day's answers to the end-of-visit question, given after the visits ended. */
function answerQuestion(ctx: CommandContext, hub: HubRecord, date: string, visitIds: number[], referralsOf: Map<number, number>, codeOf: Map<number, Code>, r: Random): void {
  for (const id of visitIds) {
    const visit = ctx.q.visit(id)!;
    if (visit.status !== 'done' || !r.chance(answerRate)) continue;
    const steps = ctx.q.stepsOfVisit(id).filter((s) => s.calledAt !== null);
    const guidanceSorted = steps.length === 1 && codeOf.get(steps[0]!.serviceId) === 'neuvonta';
    const answer = feedbackAnswer(r, { referrals: referralsOf.get(id) ?? 0, guidanceSorted });
    const tablet = r.chance(0.3);
    // a tablet answer without the ticket counts for the hub, not for the visit's path
    const withTicket = !tablet || r.chance(0.5);
    giveFeedback(ctx, { hubId: hub.id, answer, source: tablet ? 'tablet' : 'phone', visit: withTicket ? visit : null, day: date });
  }
}
