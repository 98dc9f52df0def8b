/**
 * Benchmark 4 — a day of the busiest hub, replayed: a simulator plays a day like that of Espoo's
 * Iso Omena hub (6,000 visits, 10 agencies plus Guidance, 40 desks, 30 % referred, 15 % "I don't
 * know" → Guidance) end to end through the HTTP API, compressed as fast as the server goes.
 * Then 20 such hubs at once in one server's database.
 */
import { performance } from 'node:perf_hooks';
import { statSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import { openDatabase } from '@luukku/db';
import type { VisitorLanguage } from '@luukku/shared';
import { startServer, type ServerProcess } from './lib/child.js';
import { Http } from './lib/http.js';
import { closeClients, openClients } from './lib/sockets.js';
import { benchDir, busyAgencies, fillQueueFast, guidanceDesks, openSeeder, seedBusyHub, type BusyHub } from './lib/seed.js';
import { fmt, mib, ms, ratio, type BenchResult, type Table } from './lib/report.js';
import { Gate, pickWeighted, rng, summarize } from './lib/stats.js';

export interface HubDayOptions {
  visits: number;
  hubs: number;
  /** Wall-clock budget for the many-hubs run; the day is scaled down to fit it. */
  manyHubsBudgetSeconds: number;
  kiosks: number;
  /** Most visitors waiting at once in one hub (the kiosks pause while the lobby is this full). */
  lobby: number;
  /** Opening hours of the real day, the average lobby, and how long each reload is measured. */
  openHours: number;
  averageWaiting: number;
  reloadSeconds: number;
  /** Requests in flight at once, all hubs together (see the method). */
  inFlight: number;
  /** Visits played on a separate hub before each measured run. */
  warmupVisits: number;
  /** Hard limit for any one run. */
  limitSeconds: number;
}
export const hubDayDefaults: HubDayOptions = { visits: 6_000, hubs: 20, manyHubsBudgetSeconds: 120, kiosks: 3, lobby: 150, openHours: 10, averageWaiting: 60, reloadSeconds: 4, inFlight: 64, warmupVisits: 300, limitSeconds: 300 };
export const hubDayQuick: HubDayOptions = { visits: 600, hubs: 4, manyHubsBudgetSeconds: 20, kiosks: 3, lobby: 150, openHours: 10, averageWaiting: 60, reloadSeconds: 2, inFlight: 64, warmupVisits: 100, limitSeconds: 120 };

/** Shares from the issue: 15 % don't know (Guidance), 30 % of all visits referred at least once. */
const guidanceShare = 0.15;
const guidanceReferred = 0.8; // the rest are helped at the info desk itself
const referredShare = 0.3;
const directReferred = (referredShare - guidanceShare * guidanceReferred) / (1 - guidanceShare);
const languages: [VisitorLanguage, number][] = [
  ['fi', 62], ['sv', 4], ['en', 12], ['ru', 5], ['uk', 5], ['et', 3], ['ar', 4], ['so', 2], ['fa', 2], ['fi-x-easy', 1],
];
const phoneShare = 0.25;
const busyDesks = () => guidanceDesks + busyAgencies.reduce((n, a) => n + a.desks, 0);

interface Plan {
  guidance: boolean;
  /** Index into busyAgencies for a direct visit. */
  agency: number;
  /** Index into busyAgencies of the referral, or null. */
  referTo: number | null;
  language: VisitorLanguage;
  interpreter: boolean;
  phone: boolean;
}

export function planDay(visits: number, seed: number): Plan[] {
  const random = rng(seed);
  const weights = busyAgencies.map((a) => a.weight);
  return Array.from({ length: visits }, () => {
    const guidance = random() < guidanceShare;
    const agency = pickWeighted(random, weights);
    let referTo: number | null = null;
    if (guidance ? random() < guidanceReferred : random() < directReferred) {
      referTo = pickWeighted(random, weights);
      if (!guidance && referTo === agency) referTo = (agency + 1 + Math.floor(random() * (busyAgencies.length - 1))) % busyAgencies.length;
    }
    const language = languages[pickWeighted(random, languages.map((l) => l[1]))]![0];
    return { guidance, agency, referTo, language, interpreter: language !== 'fi' && language !== 'sv' && random() < 0.3, phone: random() < phoneShare };
  });
}

type Op = 'issue' | 'phone' | 'call-next' | 'start' | 'finish' | 'refer' | 'empty';

interface HubRun {
  seconds: number;
  requests: number;
  latency: Record<Op, number[]>;
  referrals: number;
  displayCalls: number;
  calls: number;
}

/**
 * What the staff consoles show: how many wait in each line. A desk presses call-next only when
 * it sees someone waiting that no other desk has gone for, as staff watching the live line
 * would; otherwise it waits until someone joins (at most 2 s, then looks again).
 */
class Lines {
  private count = new Map<number, number>();
  private waiters = new Map<number, (() => void)[]>();

  add(serviceId: number): void {
    this.count.set(serviceId, (this.count.get(serviceId) ?? 0) + 1);
    this.waiters.get(serviceId)?.shift()?.();
  }
  /** A desk takes the next one it sees waiting (before its call-next is answered). */
  reserve(serviceId: number): boolean {
    const c = this.count.get(serviceId) ?? 0;
    if (c <= 0) return false;
    this.count.set(serviceId, c - 1);
    return true;
  }
  waiting(): number {
    let n = 0;
    for (const c of this.count.values()) n += c;
    return n;
  }
  wakeAll(): void {
    for (const w of this.waiters.values()) for (const f of w.splice(0)) f();
  }
  /** Resolves when someone joins the line, or after ms. */
  next(serviceId: number, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(serviceId) ?? [];
      this.waiters.set(serviceId, list);
      const done = () => {
        clearTimeout(timer);
        const i = list.indexOf(done);
        if (i >= 0) list.splice(i, 1);
        resolve();
      };
      const timer = setTimeout(done, ms);
      list.push(done);
    });
  }
}

/** Wakes one waiting kiosk when the lobby has room again. */
class Signal {
  private waiters: (() => void)[] = [];
  notify(): void {
    this.waiters.shift()?.();
  }
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const i = this.waiters.indexOf(done);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.push(done);
    });
  }
}

/** Plays one hub's day against the server; resolves when every visit has ended. */
async function playHub(http: Http, gate: Gate, hub: BusyHub, plans: Plan[], o: HubDayOptions, display: Socket | null, deadline: number): Promise<HubRun> {
  const latency: Record<Op, number[]> = { issue: [], phone: [], 'call-next': [], start: [], finish: [], refer: [], empty: [] };
  const lines = new Lines();
  const byVisit = new Map<number, Plan>();
  const planWaiters = new Map<number, (p: Plan) => void>();
  const kiosk = { authorization: `Bearer ${hub.kioskToken}` };
  let next = 0;
  let ended = 0;
  let referrals = 0;
  let calls = 0;
  let requests = 0;
  let failure: Error | null = null;
  let displayCalls = 0;
  display?.on('call', () => displayCalls++);
  const started = performance.now();
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));

  const fail = (err: unknown) => {
    failure ??= err instanceof Error ? err : new Error(String(err));
    lines.wakeAll();
    finished();
  };
  const over = () => failure !== null || ended === plans.length || performance.now() > deadline;
  const post = async (op: Op, path: string, body: unknown, headers: Record<string, string>, ok = [200, 201]) => {
    const a = await gate.run(() => http.send('POST', path, body, headers));
    requests++;
    if (!ok.includes(a.status)) throw new Error(`${hub.slug}: POST ${path} → ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    latency[a.status === 409 && op === 'call-next' ? 'empty' : op].push(a.ms);
    return a;
  };
  const planFor = (visitId: number): Promise<Plan> => {
    const p = byVisit.get(visitId);
    if (p) return Promise.resolve(p);
    // the call can overtake the kiosk's answer on another connection: wait for the kiosk
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${hub.slug}: no plan for visit ${visitId}`)), 10_000);
      planWaiters.set(visitId, (plan) => {
        clearTimeout(timer);
        resolve(plan);
      });
    });
  };

  // the lobby: kiosks wait while it is full, so the waiting lines have a real hub's depth
  const lobby = new Signal();
  const kioskLoop = async () => {
    const phones: Promise<void>[] = [];
    while (!over() && next < plans.length) {
      if (lines.waiting() >= o.lobby) {
        await lobby.wait(100);
        continue;
      }
      const i = next++;
      const plan = plans[i]!;
      const body = {
        ...(plan.guidance ? { guidance: true } : { services: [hub.serviceIds[plan.agency]] }),
        language: plan.language,
        needs: { interpreter: plan.interpreter, accessible: false, accompanied: false },
        idempotencyKey: `${hub.slug}-visit-${i}`,
      };
      const a = await post('issue', '/api/visits', body, kiosk);
      const visitId = a.body.visitId as number;
      byVisit.set(visitId, plan);
      planWaiters.get(visitId)?.(plan);
      planWaiters.delete(visitId);
      lines.add(plan.guidance ? hub.guidanceServiceId : hub.serviceIds[plan.agency]!);
      if (plan.phone) {
        // the visitor opens the phone page from the ticket's QR code
        phones.push(
          gate.run(() => http.send('GET', `/api/visits/${a.body.token}`)).then((p) => {
            requests++;
            if (p.status !== 200) throw new Error(`${hub.slug}: phone page → ${p.status}`);
            latency.phone.push(p.ms);
          }).catch(fail),
        );
      }
    }
    await Promise.all(phones);
  };

  const deskLoop = async (desk: BusyHub['desks'][number]) => {
    const staff = { cookie: desk.cookie };
    const serviceId = desk.serviceIds[0]!;
    while (!over()) {
      if (!lines.reserve(serviceId)) {
        await lines.next(serviceId, 2_000);
        continue;
      }
      const c = await post('call-next', `/api/desks/${desk.deskId}/call-next`, undefined, staff, [200, 409]);
      if (c.status === 409) {
        if (c.body?.error?.code !== 'QUEUE_EMPTY') throw new Error(`${hub.slug}: call-next → ${JSON.stringify(c.body)}`);
        continue;
      }
      calls++;
      lobby.notify();
      const step = c.body.step as { id: number; visitId: number; position: number };
      const plan = await planFor(step.visitId);
      await post('start', `/api/steps/${step.id}/start`, undefined, staff);
      if (step.position === 1 && plan.referTo !== null) {
        const to = hub.serviceIds[plan.referTo]!;
        const note = plan.guidance ? 'Asiakas tarvitsee apua hakemuksen kanssa; tulkki varattu.' : undefined;
        await post('refer', `/api/steps/${step.id}/refer`, { services: [to], reason: 'needs_other_service', ...(note ? { note } : {}) }, staff);
        referrals++;
        lines.add(to);
      } else {
        await post('finish', `/api/steps/${step.id}/finish`, undefined, staff);
        ended++;
        if (ended === plans.length) {
          lines.wakeAll();
          finished();
        }
      }
    }
  };

  const loops = [
    ...Array.from({ length: o.kiosks }, () => kioskLoop().catch(fail)),
    ...hub.desks.map((d) => deskLoop(d).catch(fail)),
  ];
  const guard = setTimeout(() => fail(new Error(`${hub.slug}: the day did not end within the time limit`)), Math.max(0, deadline - performance.now()));
  await allDone;
  clearTimeout(guard);
  lines.wakeAll();
  await Promise.all(loops);
  const seconds = (performance.now() - started) / 1000;
  if (failure) throw failure;
  return { seconds, requests, latency, referrals, displayCalls, calls };
}

interface DayResult {
  hubs: number;
  visitsPerHub: number;
  seconds: number;
  hubDaysPerMinute: number;
  requestsPerSecond: number;
  rssEnd: number;
  heapEnd: number;
  cpuSeconds: number;
  dbBytes: number;
  runs: HubRun[];
  unended: number;
  referredShare: number;
  guidanceShare: number;
  duplicateNumbers: number;
  displaysOk: boolean;
}

export async function playDay(hubs: number, visitsPerHub: number, o: HubDayOptions): Promise<DayResult> {
  const dir = benchDir('hub-day');
  const s = openSeeder(dir.databasePath);
  const warmHub = seedBusyHub(s, 0);
  const seeded = Array.from({ length: hubs }, (_, i) => seedBusyHub(s, i + 1));
  s.close();
  const server: ServerProcess = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir });
  let displays: Socket[] = [];
  let https: Http[] = [];
  try {
    // one wall display per hub, listening to every zone: it must hear every call, once
    displays = await openClients(server.url, seeded.map((h) => ({ auth: { token: h.displayToken, zone: 'all' } })), 20);
    // every hub's kiosks, desks and phones get their own keep-alive connections, opened before
    // the clock starts, as devices that have been on since the morning
    const perHub = o.kiosks + seeded[0]!.desks.length + 8;
    https = [warmHub, ...seeded].map(() => new Http(server.url, perHub));
    for (const h of https) await h.warm(perHub);
    // warm the server (JIT, statement and page caches) on a hub of its own before the clock starts
    const gate = new Gate(o.inFlight);
    await playHub(https[0]!, gate, warmHub, planDay(o.warmupVisits, 999), o, null, performance.now() + 60_000);
    const cpuBefore = (await server.stats()).cpuMs;
    const t0 = performance.now();
    const deadline = t0 + o.limitSeconds * 1000;
    const runs = await Promise.all(seeded.map((h, i) => playHub(https[i + 1]!, gate, h, planDay(visitsPerHub, 1000 + i), o, displays[i]!, deadline)));
    const seconds = (performance.now() - t0) / 1000;
    const st = await server.stats();
    // let the last broadcasts land before counting what the displays heard
    await new Promise((r) => setTimeout(r, 200));
    const displaysOk = runs.every((r) => r.displayCalls === r.calls);
    closeClients(displays);
    displays = [];
    await server.stop();
    const db = openDatabase(dir.databasePath, { readonly: true });
    let checks: { unended: number; referred: number; guidance: number; visits: number; dupes: number };
    try {
      const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      checks = {
        unended: one(`SELECT count(*) AS n FROM visits WHERE status = 'active'`),
        referred: one(`SELECT count(DISTINCT visit_id) AS n FROM referrals`),
        guidance: one(`SELECT count(*) AS n FROM steps s JOIN services v ON v.id = s.service_id WHERE v.is_guidance = 1 AND s.position = 1`),
        visits: one(`SELECT count(*) AS n FROM visits`),
        dupes: one(`SELECT count(*) AS n FROM (SELECT hub_id, day, number FROM visits GROUP BY hub_id, day, number HAVING count(*) > 1)`),
      };
    } finally {
      db.close();
    }
    const dbBytes = ['luukku.sqlite', 'luukku.sqlite-wal'].reduce((sum, f) => {
      try {
        return sum + statSync(`${dir.dir}/${f}`).size;
      } catch {
        return sum;
      }
    }, 0);
    const requests = runs.reduce((sum, r) => sum + r.requests, 0);
    return {
      hubs,
      visitsPerHub,
      seconds,
      hubDaysPerMinute: ((hubs * visitsPerHub) / o.visits) / (seconds / 60),
      requestsPerSecond: requests / seconds,
      rssEnd: st.rss,
      heapEnd: st.heapUsed,
      cpuSeconds: (st.cpuMs - cpuBefore) / 1000,
      dbBytes,
      runs,
      unended: checks.unended,
      referredShare: checks.referred / checks.visits,
      guidanceShare: checks.guidance / checks.visits,
      duplicateNumbers: checks.dupes,
      displaysOk,
    };
  } finally {
    for (const h of https) h.close();
    closeClients(displays);
    await server.stop();
    dir.remove();
  }
}

/**
 * What the live screens cost between the writes. At a hub's real pace every change sends a
 * `queues` event to every socket of the hub, and on each event a staff console reloads its
 * view (GET /api/services, /api/desks, /api/queues, /api/printers; staff-ui/src/data/staff-data.ts)
 * and an open phone page reloads its visit (GET /api/visits/:token; display-ui/src/phone).
 * Measured as server CPU per reload on a hub with a realistic lobby, so the day's figures can be
 * turned into how many hubs a server carries at real pace.
 */
interface Reloads {
  consoleCpuMs: number;
  phoneCpuMs: number;
  kioskCpuMs: number;
  consolePerSecond: number;
  phonePerSecond: number;
}

async function measureReloads(o: HubDayOptions, seconds: number): Promise<Reloads> {
  const dir = benchDir('reloads');
  const s = openSeeder(dir.databasePath);
  const hub = seedBusyHub(s, 1);
  fillQueueFast(s, hub.hubId, [hub.guidanceServiceId, ...hub.serviceIds], o.lobby);
  const tokens = (s.db.prepare(`SELECT token FROM visits WHERE hub_id = ? LIMIT 40`).all(hub.hubId) as { token: string }[]).map((r) => r.token);
  s.close();
  const server = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir });
  const http = new Http(server.url, 16);
  try {
    await http.warm(16);
    const loops = async (count: number, one: (i: number) => Promise<void>): Promise<{ n: number; cpuMs: number; seconds: number }> => {
      // warm the routes, then measure
      for (let i = 0; i < 20; i++) await one(i);
      const before = (await server.stats()).cpuMs;
      const t0 = performance.now();
      let n = 0;
      await Promise.all(
        Array.from({ length: count }, async (_, k) => {
          while (performance.now() - t0 < seconds * 1000 && n < 100_000) {
            await one(k + n);
            n++;
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      return { n, cpuMs: (await server.stats()).cpuMs - before, seconds: elapsed };
    };
    const consoles = await loops(8, async (i) => {
      const cookie = { cookie: hub.desks[i % hub.desks.length]!.cookie };
      await Promise.all(['/api/services', '/api/desks', '/api/queues', '/api/printers'].map((path) => http.must('GET', path, undefined, cookie)));
    });
    const phones = await loops(8, async (i) => {
      await http.must('GET', `/api/visits/${tokens[i % tokens.length]}`);
    });
    const kiosks = await loops(8, async () => {
      await http.must('GET', '/api/kiosk/menu?lang=fi', undefined, { authorization: `Bearer ${hub.kioskToken}` });
    });
    return {
      consoleCpuMs: consoles.cpuMs / consoles.n,
      phoneCpuMs: phones.cpuMs / phones.n,
      kioskCpuMs: kiosks.cpuMs / kiosks.n,
      consolePerSecond: consoles.n / consoles.seconds,
      phonePerSecond: phones.n / phones.seconds,
    };
  } finally {
    http.close();
    await server.stop();
    dir.remove();
  }
}

export async function hubDayBench(o: HubDayOptions): Promise<BenchResult> {
  const started = performance.now();
  const one = await playDay(1, o.visits, o);
  // 20 full days would take 20× as long on one server process: scale the day to the budget
  const scale = Math.min(1, o.manyHubsBudgetSeconds / (o.hubs * one.seconds));
  const scaledVisits = Math.max(100, Math.round((o.visits * scale) / 10) * 10);
  const oneScaled = scaledVisits === o.visits ? one : await playDay(1, scaledVisits, o);
  const many = await playDay(o.hubs, scaledVisits, o);
  const reloads = await measureReloads(o, o.reloadSeconds);

  // the day at its real pace: what the writes and the screens' reloads cost one hub
  const writeOps: Op[] = ['issue', 'call-next', 'start', 'finish', 'refer'];
  const writesPerDay = one.runs.reduce((sum, r) => sum + writeOps.reduce((n, op) => n + r.latency[op].length, 0), 0);
  const requestsPerDay = one.runs.reduce((sum, r) => sum + r.requests, 0);
  const cpuPerRequestMs = (one.cpuSeconds * 1000) / requestsPerDay;
  const writesPerSecond = writesPerDay / (o.openHours * 3600);
  const consoles = one.runs.length * busyDesks();
  const phonesOpen = Math.round(phoneShare * o.averageWaiting);
  const pace = [
    { what: 'the day’s requests (writes and phone opens)', perSecond: requestsPerDay / (o.openHours * 3600), cpuMs: cpuPerRequestMs },
    { what: `staff console reloads (${consoles} consoles × every change)`, perSecond: writesPerSecond * consoles, cpuMs: reloads.consoleCpuMs },
    { what: `phone page reloads (${phonesOpen} open × every change)`, perSecond: writesPerSecond * phonesOpen, cpuMs: reloads.phoneCpuMs },
    { what: `kiosk menu reloads (${o.kiosks} kiosks × every change)`, perSecond: writesPerSecond * o.kiosks, cpuMs: reloads.kioskCpuMs },
  ];
  const share = (x: { perSecond: number; cpuMs: number }) => (x.perSecond * x.cpuMs) / 1000;
  const total = pace.reduce((sum, x) => sum + share(x), 0);

  const all = (d: DayResult, op: Op) => summarize(d.runs.flatMap((r) => r.latency[op]));
  const opRows = (d: DayResult, name: string) =>
    (['issue', 'call-next', 'start', 'refer', 'finish', 'phone'] as Op[]).map((op) => {
      const x = all(d, op);
      return [`${name}: ${op}`, fmt(x.n, 0), ms(x.p50), ms(x.p99), ms(x.max)];
    });
  const dayRow = (name: string, d: DayResult) => [
    name, fmt(d.hubs, 0), fmt(d.visitsPerHub, 0), `${d.seconds.toFixed(1)} s`, fmt(d.hubDaysPerMinute, 2), fmt(d.requestsPerSecond, 0),
    `${(d.cpuSeconds / d.seconds * 100).toFixed(0)} %`, mib(d.rssEnd), mib(d.dbBytes),
  ];
  const table: Table = {
    headers: ['', 'hubs', 'visits / hub', 'wall time', 'hub-days / min', 'req/s', 'server CPU', 'server RSS at end', 'database'],
    rows: [
      dayRow('one hub, full day', one),
      ...(oneScaled === one ? [] : [dayRow(`one hub, ${(scaledVisits / o.visits * 100).toFixed(0)} % day`, oneScaled)]),
      dayRow(`${o.hubs} hubs at once, ${(scaledVisits / o.visits * 100).toFixed(0)} % day`, many),
      [`**${o.hubs} hubs / one hub** (same day size)`, '', '', '', ratio(many.hubDaysPerMinute / oneScaled.hubDaysPerMinute), ratio(many.requestsPerSecond / oneScaled.requestsPerSecond), '', ratio(many.rssEnd / oneScaled.rssEnd), ''],
    ],
  };
  const checks = [one, ...(oneScaled === one ? [] : [oneScaled]), many].flatMap((d) => {
    const label = `${d.hubs} hub(s) × ${fmt(d.visitsPerHub, 0)}`;
    return [
      { name: `${label}: every visit ended`, ok: d.unended === 0, detail: `${d.unended} visits still active` },
      { name: `${label}: no number issued twice`, ok: d.duplicateNumbers === 0, detail: `${d.duplicateNumbers} duplicate numbers` },
      { name: `${label}: each display heard every call once`, ok: d.displaysOk, detail: d.runs.map((r) => `${r.displayCalls}/${r.calls}`).slice(0, 4).join(', ') + (d.runs.length > 4 ? ', …' : '') },
      {
        name: `${label}: the day's mix`,
        ok: Math.abs(d.referredShare - referredShare) < 0.05 && Math.abs(d.guidanceShare - guidanceShare) < 0.04,
        detail: `${(d.referredShare * 100).toFixed(1)} % referred, ${(d.guidanceShare * 100).toFixed(1)} % started at Guidance`,
      },
    ];
  });
  return {
    id: 'hub-day',
    title: '4. A day of the busiest hub, replayed',
    method: [
      `The hub: 10 agencies modelled on Iso Omena’s (Kela, the city’s service point, employment services, police permits, tax, social counselling, immigrant services, DVV, rental housing, Ohjaamo) plus Guidance; 40 desks (3 at Guidance), one staff member each; one kiosk device and one wall display. Seeded with createQueries (sessions inserted directly: a login is one scrypt and not part of the day). Before each measured run the server plays ${o.warmupVisits} visits on a hub of its own (warm-up).`,
      `The day: ${fmt(o.visits, 0)} visits from a fixed-seed plan: 15 % “I don’t know” → Guidance, of whom 80 % are referred on with a note; ${(directReferred * 100).toFixed(1)} % of direct visits are referred to another agency, so 30 % of all visits are referred; ten visitor languages; a quarter open the phone page once (GET /api/visits/:token).`,
      `Played end to end over HTTP as fast as the server goes: ${o.kiosks} kiosk loops issue the visits in order (POST /api/visits); each of the 40 desks loops call-next → start → refer or finish. The lobby holds at most ${o.lobby} waiting visitors per hub (a busy hub at its peak): the kiosks pause while it is full, so the compressed day has the waiting lines of a real one instead of the whole day’s visitors waiting at once. A desk presses call-next only when it sees someone waiting in its line whom no other desk has gone for (as its console’s live line would show), and otherwise waits until someone joins; an empty press would count as a request. No think time, no service time: the day is compressed to what the server can do.`,
      `The load generator keeps at most ${o.inFlight} requests in flight, all hubs together; the rest wait their turn in the client. One hub’s 43 loops stay under that. Without the cap, 20 hubs put ~900 requests in flight at once; a saturated Node process (the bare baseline of benchmark 1 as much as Luukku) then leaves some connections unread for 10–30 s and the run fails on timeouts, which measures the harness, not the server.`,
      `Many hubs: ${o.hubs} such hubs in one database and one server process, each with its own kiosk, desks and display, played at once. ${fmt(o.hubs, 0)} full days would take about ${fmt(o.hubs * one.seconds / 60, 1)} minutes here, so each hub plays ${(scaledVisits / o.visits * 100).toFixed(0)} % of the day (${fmt(scaledVisits, 0)} visits, the same mix); the ratio compares it with one hub playing the same shortened day. Hub-days per minute count a shortened day as that fraction of a day.`,
      `Real pace: the one-hub day’s requests and server CPU per request, spread over a ${o.openHours}-hour opening day; every change sends a queue-count event to every socket of its hub, on which each staff console reloads its view (4 GETs: services, desks, queues, printers — staff-ui/src/data/staff-data.ts, debounced 60 ms, which at real pace is every change), each open phone page reloads its visit (display-ui/src/phone), and each kiosk on its start screen reloads its menu (kiosk-ui, debounced 300 ms). Their server CPU per reload is measured on a fresh hub with ${o.lobby} waiting, 8 loops each for ${o.reloadSeconds} s; ${(phoneShare * 100).toFixed(0)} % of an average ${o.averageWaiting} waiting visitors are taken to have the phone page open. Only server CPU is counted; at real pace the fsync waits are idle time for the CPU.`,
      'Server CPU is the server process’s CPU time over wall time (100 % = one core; the server is one Node process). RSS and database size (file + WAL) at the end of the day.',
    ],
    tables: [
      table,
      {
        title: `At the real pace: one such hub over a ${o.openHours}-hour day (server CPU measured per request; the reloads on a hub with ${o.lobby} waiting)`,
        headers: ['', 'per second', 'server CPU each', 'share of one core'],
        rows: [
          ...pace.map((x) => [x.what, fmt(x.perSecond, 2), ms(x.cpuMs), `${(share(x) * 100).toFixed(1)} %`]),
          ['**all together → hubs one server process carries at real pace**', '', '', `${(total * 100).toFixed(1)} % → **${fmt(1 / total, 0)} hubs**`],
          ['(for scale: reloads per second one server process answers flat out)', `consoles ${fmt(reloads.consolePerSecond, 0)}, phones ${fmt(reloads.phonePerSecond, 0)}`, '', ''],
        ],
      },
      { title: 'Latency by request (one hub, full day, and the many-hubs run)', headers: ['', 'requests', 'p50', 'p99', 'max'], rows: [...opRows(one, 'one hub'), ...opRows(many, `${o.hubs} hubs`)] },
    ],
    goals: [],
    checks,
    notes: [
      `Empty presses of call-next (a desk whose lines were empty): ${fmt(all(one, 'empty').n, 0)} in the one-hub day, ${fmt(all(many, 'empty').n, 0)} in the many-hubs run.`,
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
