/**
 * The people and screens of one busy hub for the hubs benchmark (hubs.ts): its seeding (a hub
 * mid-morning: visitors waiting, every desk serving), visitors arriving at the kiosks, and staff
 * working from their consoles. The screens themselves are the models in lib/models/; this file
 * only presses their buttons, so a change in what a UI requests is a change there, not here.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { CallData, IssueVisitBody } from '@luukku/shared';
import { issueVisit } from '../../../server/src/commands/issue-visit.js';
import { callNext } from '../../../server/src/commands/desks.js';
import { transitionStep } from '../../../server/src/commands/steps.js';
import { addDevice, busyAgencies, guidanceDesks, seedBusyHub, type BusyHub, type Seeder } from './seed.js';
import { rng } from './stats.js';
import type { planDay } from '../hub-day.js';
import { StaffConsole } from './models/console.js';
import { PhonePage } from './models/phone.js';
import { KioskScreen } from './models/kiosk.js';
import { WallDisplay } from './models/display.js';
import type { ModelEnv } from './models/net.js';

export interface HubsOptions {
  /** Hub counts to try, in order; the ladder stops early when the server or the generator saturates. */
  ladder: number[];
  /**
   * Before the window: the desks start mid-service, so finishes run from the first second, calls
   * after the paperwork, starts after the walk — about 40 s until every command runs at the day's rate.
   */
  warmupSeconds: number;
  windowSeconds: number;
  /** Time compression: 1 = the real pace; k = arrivals and every human delay k times faster. */
  pace: number;
  visitsPerDay: number;
  openHours: number;
  phones: number;
  kiosks: number;
  /** Visitors already waiting when the run starts (mid-morning, not an empty lobby). */
  lobbyAtStart: number;
  /** How busy the desks are: each agency's mean desk cycle is chosen to serve its share of the day at this load. */
  utilisation: number;
  walkSeconds: number;
  wrapSeconds: number;
  chooseSeconds: number;
  ticketSeconds: number;
  /** The goal's limits. */
  serverShareLimit: number;
  callP99LimitMs: number;
  /** Stop climbing past these. */
  stopServerShare: number;
  stopCallP99Ms: number;
  stopGeneratorShare: number;
}

export type Plan = ReturnType<typeof planDay>[number];

/** Sleeps that end early when the run stops, so nothing outlives it. */
export class Clock {
  stopped = false;
  private wake = new Set<() => void>();
  readonly stopping: Promise<void>;
  private stopNow!: () => void;
  constructor() {
    this.stopping = new Promise((resolve) => (this.stopNow = resolve));
  }
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (this.stopped) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.add(done);
    });
  stop(): void {
    this.stopped = true;
    this.stopNow();
    for (const w of [...this.wake]) w();
  }
}

export const expo = (random: () => number, mean: number) => -Math.log(1 - random()) * mean;

export interface SeededHub extends BusyHub {
  kioskTokens: string[];
  /** The visitors already waiting, with their plans and phone tokens. */
  lobby: { visitId: number; token: string; plan: Plan }[];
  /** Per desk (same order as desks), the visitor it is serving when the run starts. */
  serving: { visitId: number; position: number }[];
}

function issueBody(hub: BusyHub, plan: Plan, key: string): IssueVisitBody {
  return {
    ...(plan.guidance ? { guidance: true as const } : { services: [hub.serviceIds[plan.agency]!] }),
    language: plan.language,
    needs: { interpreter: plan.interpreter, accessible: false, accompanied: false },
    idempotencyKey: key,
  };
}

export function seedHub(s: Seeder, index: number, o: HubsOptions, plans: Plan[]): SeededHub {
  const hub = seedBusyHub(s, index);
  const kioskTokens = [hub.kioskToken];
  const lobby: SeededHub['lobby'] = [];
  const serving: SeededHub['serving'] = [];
  s.q.transaction(() => {
    for (let k = 1; k < o.kiosks; k++) {
      const token = `${hub.kioskToken}-${k + 1}`;
      addDevice(s.q, hub.hubId, 'kiosk', token);
      kioskTokens.push(token);
    }
    const device = s.q.devices(hub.hubId).find((d) => d.kind === 'kiosk')!;
    // every desk is mid-service when the run starts (service times are exponential, so the time
    // left is too): the day runs at its steady rate from the first second, not after a cycle
    hub.desks.forEach((d, i) => {
      const agency = d.guidance ? 0 : hub.serviceIds.indexOf(d.serviceIds[0]!);
      const plan: Plan = { ...plans[i]!, guidance: d.guidance, agency, referTo: null };
      const { visitId } = issueVisit(s.ctx, { kind: 'device', hubId: hub.hubId, device }, issueBody(hub, plan, `serving-${index}-${i}-${randomBytes(4).toString('hex')}`));
      const user = s.q.user(d.userId)!;
      const step = callNext(s.ctx, user, d.deskId);
      if (step.visitId !== visitId) throw new Error(`seeding desk ${d.deskId}: called visit ${step.visitId}, not ${visitId}`);
      transitionStep(s.ctx, user, step.id, 'start');
      serving.push({ visitId, position: step.position });
    });
    for (let i = 0; i < o.lobbyAtStart; i++) {
      const plan = plans[i % plans.length]!;
      const { visitId } = issueVisit(s.ctx, { kind: 'device', hubId: hub.hubId, device }, issueBody(hub, plan, `lobby-${index}-${i}-${randomBytes(4).toString('hex')}`));
      lobby.push({ visitId, token: s.q.visit(visitId)!.token, plan });
    }
  });
  return { ...hub, kioskTokens, lobby, serving };
}

/**
 * Mean desk cycle (call to next call, real ms) per service: the desks of each line serve the
 * day's steps of that line (first steps and referrals, from the day's plan) at `utilisation`.
 */
function deskCycles(hub: BusyHub, plans: Plan[], o: HubsOptions): Map<number, number> {
  const steps = new Map<number, number>();
  const add = (serviceId: number) => steps.set(serviceId, (steps.get(serviceId) ?? 0) + 1);
  for (const p of plans) {
    add(p.guidance ? hub.guidanceServiceId : hub.serviceIds[p.agency]!);
    if (p.referTo !== null) add(hub.serviceIds[p.referTo]!);
  }
  const dayMs = o.openHours * 3600_000;
  const desks = new Map<number, number>([[hub.guidanceServiceId, guidanceDesks]]);
  busyAgencies.forEach((a, i) => desks.set(hub.serviceIds[i]!, a.desks));
  const out = new Map<number, number>();
  for (const [serviceId, n] of steps) out.set(serviceId, ((desks.get(serviceId) ?? 1) * o.utilisation * dayMs) / n);
  return out;
}

interface Counters {
  commands: number;
  emptyPresses: number;
}

/** One hub's screens and people. */
export class HubSim {
  consoles: StaffConsole[] = [];
  kiosks: KioskScreen[] = [];
  display: WallDisplay | null = null;
  /** Open phone pages by visit; null while one is opening. */
  phones = new Map<number, PhonePage | null>();
  plans = new Map<number, Plan>();
  /** Every call-next that called someone: when the staff member pressed it. */
  calls: { stepId: number; pressed: number }[] = [];
  /** When the hub's display heard each step's call. */
  heard = new Map<number, number>();
  counters: Counters = { commands: 0, emptyPresses: 0 };
  private loops: Promise<void>[] = [];
  private freeKiosks: KioskScreen[] = [];
  private kioskQueue: ((k: KioskScreen) => void)[] = [];
  private nextPlan: number;
  private readonly random: () => number;
  private readonly cycles: Map<number, number>;

  constructor(
    private readonly env: ModelEnv,
    private readonly hub: SeededHub,
    private readonly dayPlans: Plan[],
    private readonly o: HubsOptions,
    private readonly clock: Clock,
    seed: number,
  ) {
    this.random = rng(seed);
    this.nextPlan = hub.lobby.length;
    this.cycles = deskCycles(hub, dayPlans, o);
    for (const v of hub.lobby) this.plans.set(v.visitId, v.plan);
    for (const v of hub.serving) this.plans.set(v.visitId, { ...dayPlans[0]!, referTo: null });
  }

  async open(): Promise<void> {
    this.display = await WallDisplay.open(this.env, this.hub.displayToken, null, (call: CallData, at: number) => {
      if (!this.heard.has(call.stepId)) this.heard.set(call.stepId, at);
    });
    for (let i = 0; i < this.hub.desks.length; i += 10) {
      this.consoles.push(...(await Promise.all(this.hub.desks.slice(i, i + 10).map((d) => StaffConsole.open(this.env, d.cookie)))));
    }
    this.kiosks = await Promise.all(this.hub.kioskTokens.map((t) => KioskScreen.open(this.env, t)));
    this.freeKiosks = [...this.kiosks];
    for (const v of this.hub.lobby.slice(0, this.o.phones)) this.phones.set(v.visitId, await PhonePage.open(this.env, v.token));
  }

  start(fail: (err: unknown) => void): void {
    this.loops.push(this.arrivals(fail).catch(fail));
    this.hub.desks.forEach((d, i) => this.loops.push(this.desk(this.consoles[i]!, d.serviceIds[0]!, this.hub.serving[i]!).catch(fail)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.loops);
  }

  close(): void {
    this.display?.close();
    for (const c of this.consoles) c.close();
    for (const k of this.kiosks) k.close();
    for (const p of this.phones.values()) p?.close();
    this.phones.clear();
  }

  private async arrivals(fail: (err: unknown) => void): Promise<void> {
    const meanGap = (this.o.openHours * 3600_000) / this.o.visitsPerDay / this.o.pace;
    const visitors: Promise<void>[] = [];
    for (;;) {
      await this.clock.sleep(expo(this.random, meanGap));
      if (this.clock.stopped) break;
      const i = this.nextPlan++;
      visitors.push(this.visitor(this.dayPlans[i % this.dayPlans.length]!, i).catch(fail));
    }
    await Promise.all(visitors);
  }

  private async visitor(plan: Plan, i: number): Promise<void> {
    const kiosk = this.freeKiosks.pop() ?? (await new Promise<KioskScreen>((resolve) => this.kioskQueue.push(resolve)));
    try {
      if (this.clock.stopped) return;
      await kiosk.serve(
        {
          body: issueBody(this.hub, plan, `${this.hub.slug}-${i}-${randomBytes(4).toString('hex')}`),
          chooseMs: (this.o.chooseSeconds * 1000) / this.o.pace,
          ticketMs: (this.o.ticketSeconds * 1000) / this.o.pace,
          onTicket: (t) => {
            this.counters.commands++;
            this.plans.set(t.visitId, plan);
            // the visitor opens the phone page from the ticket's QR code, while fewer than `phones` are open
            if (this.phones.size < this.o.phones && !this.clock.stopped) {
              this.phones.set(t.visitId, null);
              void PhonePage.open(this.env, t.token).then(
                (p) => (this.phones.has(t.visitId) && !this.clock.stopped ? this.phones.set(t.visitId, p) : p.close()),
                (err: unknown) => {
                  this.phones.delete(t.visitId);
                  this.env.traffic.fail(`phone page: ${String(err)}`);
                },
              );
            }
          },
        },
        this.clock.sleep,
      );
    } finally {
      const waiting = this.kioskQueue.shift();
      if (waiting) waiting(kiosk);
      else this.freeKiosks.push(kiosk);
    }
  }

  private endVisit(visitId: number): void {
    const p = this.phones.get(visitId);
    this.phones.delete(visitId);
    p?.close();
  }

  /** One desk's staff member, working from the console: call when the line shows someone, serve, refer or finish. */
  private async desk(c: StaffConsole, serviceId: number, initial: { visitId: number; position: number }): Promise<void> {
    const cycle = this.cycles.get(serviceId) ?? 600_000;
    const walk = this.o.walkSeconds * 1000;
    const wrap = this.o.wrapSeconds * 1000;
    const look = () => Promise.race([c.changed(10_000), this.clock.stopping]);
    let serving: { visitId: number; position: number } | null = initial;
    // a refused action is a failure; one that got no answer was counted as such already
    const refused = (what: string) => c.errorCode !== 'NETWORK' && this.env.traffic.fail(`${what}: ${c.errorCode || 'no current step'} ${c.error}`);
    while (!this.clock.stopped) {
      if (!serving) {
        if (c.waiting(serviceId) === 0) {
          await look();
          continue;
        }
        const pressed = performance.now();
        const r = await c.callNext();
        if (!r) {
          if (c.errorCode === 'QUEUE_EMPTY') this.counters.emptyPresses++;
          else refused('call-next');
          await look();
          continue;
        }
        this.counters.commands++;
        this.calls.push({ stepId: r.step.id, pressed });
        await this.clock.sleep(walk / this.o.pace);
        if (this.clock.stopped) break;
        if (!(await c.act('start'))) refused('start');
        else this.counters.commands++;
        serving = { visitId: r.step.visitId, position: r.step.position };
      }
      await this.clock.sleep(expo(this.random, Math.max(30_000, cycle - walk - wrap)) / this.o.pace);
      if (this.clock.stopped) break;
      const plan = this.plans.get(serving.visitId);
      if (serving.position === 1 && plan && plan.referTo !== null) {
        const note = plan.guidance ? 'Asiakas tarvitsee apua hakemuksen kanssa; tulkki varattu.' : undefined;
        const done = await c.refer({ services: [this.hub.serviceIds[plan.referTo]!], reason: 'needs_other_service', ...(note ? { note } : {}) });
        if (!done) refused('refer');
        else this.counters.commands++;
      } else {
        if (!(await c.act('finish'))) refused('finish');
        else this.counters.commands++;
        this.endVisit(serving.visitId);
      }
      serving = null;
      await this.clock.sleep(wrap / this.o.pace);
    }
  }
}
