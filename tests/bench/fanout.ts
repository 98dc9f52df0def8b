/**
 * Benchmark 3 — fan-out: 1,000 socket.io clients on loopback (wall displays, staff consoles,
 * phone pages); the time from call-next returning until every display has the call, against a
 * bare socket.io server broadcasting the same payload to the same number of clients.
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { nowMs, startCaller, startServer, type Caller, type ServerProcess } from './lib/child.js';
import { closeClients, openClients, type ClientSpec } from './lib/sockets.js';
import { addStaff, benchDir, fillQueue, openDesks, openSeeder, seedDemoHub, session } from './lib/seed.js';
import { ms, ratio, upperGoal, type BenchResult } from './lib/report.js';
import { sleep, summarize, within, type Summary } from './lib/stats.js';

export interface FanoutOptions {
  displays: number;
  staff: number;
  phones: number;
  /** Calls per side, in alternating blocks. */
  calls: number;
  block: number;
}
export const fanoutDefaults: FanoutOptions = { displays: 900, staff: 50, phones: 50, calls: 120, block: 10 };
export const fanoutQuick: FanoutOptions = { displays: 300, staff: 20, phones: 20, calls: 20, block: 5 };

/**
 * Counts, per announced call, how many display sockets got it and when the first and the last
 * did. Calls are announced one at a time, so the tally is armed for "the next call" before the
 * request is sent (a display may hear it before the HTTP answer is back) and learns its id from
 * the first arrival.
 */
class Tally {
  private current: { id: number | null; count: number; first: number; last: number; done: () => void } | null = null;
  duplicates = 0;
  strays = 0;
  readonly size: number;

  constructor(sockets: Socket[], idOf: (payload: any) => number) {
    this.size = sockets.length;
    for (const s of sockets) {
      let lastId = -1;
      s.on('call', (payload: unknown) => {
        const at = nowMs();
        const id = idOf(payload);
        if (id === lastId) {
          this.duplicates++;
          return;
        }
        lastId = id;
        const c = this.current;
        if (c && c.id === null) c.id = id;
        if (!c || c.id !== id) {
          this.strays++;
          return;
        }
        if (c.count === 0) c.first = at;
        c.count++;
        c.last = at;
        if (c.count === this.size) c.done();
      });
    }
  }

  /** Resolves with the id and the first and last arrival once every display has the next call. */
  expectNext(timeoutMs = 10_000): Promise<{ id: number; first: number; last: number }> {
    return within(
      timeoutMs,
      `a call reaching all ${this.size} displays`,
      new Promise((resolve) => {
        const c: NonNullable<Tally['current']> = { id: null, count: 0, first: 0, last: 0, done: () => resolve({ id: c.id!, first: c.first, last: c.last }) };
        this.current = c;
      }),
    );
  }
}

interface Side {
  name: string;
  server: ServerProcess;
  sockets: Socket[];
  tally: Tally;
  /** Announces one call; resolves when the HTTP answer is back, with its id and times. */
  announce: () => Promise<{ id: number; sent: number; returned: number }>;
  /** After a call: let its consequences (finish, queue counts) reach everyone before the next. */
  settle: (id: number) => Promise<void>;
  afterReturn: number[];
  fromPress: number[];
  firstAfterPress: number[];
  cleanup: () => Promise<void>;
}

async function luukkuSide(o: FanoutOptions, caller: Caller): Promise<Side> {
  const dir = benchDir('fanout');
  const s = openSeeder(dir.databasePath);
  const demo = await seedDemoHub(s);
  const services = Object.values(demo.services);
  const agencies = Object.values(demo.agencies);
  const [desk] = openDesks(s, demo.hubId, 1, services, agencies, 'F', 'a');
  const kiosk = s.q.devices(demo.hubId).find((d) => d.kind === 'kiosk')!;
  const visitIds = fillQueue(s, demo.hubId, kiosk.id, o.calls + 20, services);
  const phoneTokens = visitIds.slice(0, o.phones).map((id) => s.q.visit(id)!.token);
  const staffCookies = Array.from({ length: o.staff }, (_, i) => session(s.q, addStaff(s.q, demo.hubId, `fanout-staff-${i}`, [agencies[i % agencies.length]!])));
  s.close();

  const server = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir }).catch((err: unknown) => {
    dir.remove();
    throw err;
  });
  const must = async (path: string) => {
    const a = await caller.send(server.url, 'POST', path, undefined, headers);
    if (a.status !== 200) throw new Error(`POST ${path}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    return a;
  };
  const displaySpecs: ClientSpec[] = Array.from({ length: o.displays }, (_, i) => ({ auth: i % 2 ? { token: 'demo-display', zone: 'a' } : { token: 'demo-display' } }));
  const others: ClientSpec[] = [...staffCookies.map((cookie) => ({ auth: {}, cookie })), ...phoneTokens.map((visit) => ({ auth: { visit } }))];
  let sockets: Socket[] = [];
  let rest: Socket[] = [];
  try {
    sockets = await openClients(server.url, displaySpecs);
    rest = await openClients(server.url, others);
  } catch (err) {
    closeClients(sockets);
    await server.stop();
    dir.remove();
    throw err;
  }
  const tally = new Tally(sockets, (p: { data: { stepId: number } }) => p.data.stepId);
  // the displays' newest queue-count seq, to know when a finish has reached all of them
  const queueSeq = new Map<Socket, number>();
  for (const d of sockets) d.on('queues', (p: { seq: number }) => queueSeq.set(d, p.seq));
  let lastCallSeq = 0;
  for (const d of sockets.slice(0, 1)) d.on('call', (p: { seq: number }) => (lastCallSeq = p.seq));
  const headers = { cookie: desk!.cookie };
  let lastStep = 0;
  return {
    name: 'Luukku',
    server,
    sockets: [...sockets, ...rest],
    tally,
    announce: async () => {
      const a = await must(`/api/desks/${desk!.deskId}/call-next`);
      lastStep = a.body.step.id as number;
      return { id: lastStep, sent: a.sent, returned: a.returned };
    },
    settle: async () => {
      const seq = lastCallSeq;
      await must(`/api/steps/${lastStep}/finish`);
      const deadline = performance.now() + 10_000;
      while (sockets.some((d) => (queueSeq.get(d) ?? 0) <= seq)) {
        if (performance.now() > deadline) throw new Error('the queue counts after a finish did not reach every display within 10 s');
        await sleep(2);
      }
    },
    afterReturn: [],
    fromPress: [],
    firstAfterPress: [],
    cleanup: async () => {
      closeClients([...sockets, ...rest]);
      await server.stop();
      dir.remove();
    },
  };
}

async function rawSide(o: FanoutOptions, caller: Caller): Promise<Side> {
  const server = await startServer({ kind: 'raw-io' });
  let sockets: Socket[] = [];
  let rest: Socket[] = [];
  try {
    sockets = await openClients(server.url, Array.from({ length: o.displays }, () => ({ auth: { room: 'displays' } })));
    rest = await openClients(server.url, Array.from({ length: o.staff + o.phones }, () => ({ auth: { room: 'others' } })));
  } catch (err) {
    closeClients(sockets);
    await server.stop();
    throw err;
  }
  const tally = new Tally(sockets, (p: { data: { stepId: number } }) => p.data.stepId);
  let id = 0;
  return {
    name: 'raw socket.io',
    server,
    sockets: [...sockets, ...rest],
    tally,
    announce: async () => {
      id++;
      // the same shape and size as Luukku's call event
      const payload = {
        seq: 1000 + id, type: 'call', at: new Date().toISOString(),
        data: { stepId: id, number: `K${String(id).padStart(3, '0')}`, deskId: 7, deskName: 'F1', zone: 'a', agencyId: 2, color: '#0b6e8a', language: 'fi', recall: false },
      };
      const a = await caller.send(server.url, 'POST', '/broadcast', payload);
      if (a.status !== 200) throw new Error(`broadcast: ${a.status}`);
      return { id, sent: a.sent, returned: a.returned };
    },
    settle: async () => {},
    afterReturn: [],
    fromPress: [],
    firstAfterPress: [],
    cleanup: async () => {
      closeClients([...sockets, ...rest]);
      await server.stop();
    },
  };
}

async function oneCall(side: Side): Promise<void> {
  const arrival = side.tally.expectNext();
  const { id, sent, returned } = await side.announce();
  const a = await arrival;
  if (a.id !== id) throw new Error(`${side.name}: displays got call ${a.id}, the server answered ${id}`);
  side.afterReturn.push(a.last - returned);
  side.fromPress.push(a.last - sent);
  side.firstAfterPress.push(a.first - sent);
  await side.settle(id);
  await sleep(5);
}

export async function fanoutBench(o: FanoutOptions): Promise<BenchResult> {
  const started = performance.now();
  const caller = await startCaller();
  let raw: Side;
  let ours: Side;
  try {
    raw = await rawSide(o, caller);
  } catch (err) {
    await caller.stop();
    throw err;
  }
  try {
    ours = await luukkuSide(o, caller);
  } catch (err) {
    await raw.cleanup();
    await caller.stop();
    throw err;
  }
  let rss: { luukku: number; raw: number } = { luukku: 0, raw: 0 };
  try {
    // warm both, then alternate blocks so a noisy neighbour hurts both alike
    for (const side of [raw, ours]) for (let i = 0; i < 3; i++) await oneCall(side);
    for (const side of [raw, ours]) {
      side.afterReturn.length = 0;
      side.fromPress.length = 0;
      side.firstAfterPress.length = 0;
    }
    for (let done = 0; done < o.calls; done += o.block) {
      for (const side of [raw, ours]) for (let i = 0; i < Math.min(o.block, o.calls - done); i++) await oneCall(side);
    }
    rss = { luukku: (await ours.server.stats()).rss, raw: (await raw.server.stats()).rss };
  } finally {
    await ours.cleanup();
    await raw.cleanup();
    await caller.stop();
  }
  const s = (xs: number[]): Summary => summarize(xs);
  const r = { after: s(raw.afterReturn), press: s(raw.fromPress), first: s(raw.firstAfterPress) };
  const l = { after: s(ours.afterReturn), press: s(ours.fromPress), first: s(ours.firstAfterPress) };
  const clients = o.displays + o.staff + o.phones;
  return {
    id: 'fanout',
    title: `3. Fan-out to ${clients.toLocaleString('en-US')} socket.io clients`,
    method: [
      `${clients} socket.io clients (socket.io-client, websocket transport) in the bench process on 127.0.0.1: ${o.displays} wall displays (demo-display; half for zone a, half for all zones), ${o.staff} staff consoles (their own sessions) and ${o.phones} phone pages (visit tokens). Opened in batches of 50, all closed at the end.`,
      `Luukku: one desk in zone a presses call-next; the time until the last of the ${o.displays} displays has the call event is taken from the moment the desk has its HTTP answer (“after return”; negative when every display had it first) and from the press. The desk is a separate process, so its answer does not queue behind the displays’ messages; moments are compared on the system’s monotonic clock. The desk then finishes the visitor and the next call waits until every display has the resulting queue counts.`,
      `Raw: a bare Fastify + socket.io server with the same number of clients (${o.displays} in one room) broadcasts a payload of the same shape from an HTTP route; timed the same way.`,
      `${o.calls} calls per side in alternating blocks of ${o.block}, after 3 warm-up calls each. Both servers run in their own processes; all clients share one process, so part of every figure is the clients’ own parsing (the raw side measures that floor).`,
    ],
    tables: [
      {
        headers: ['', 'after return p50', 'after return p99', 'from press p50', 'from press p99', 'first display p50', 'server RSS'],
        rows: [
          ['raw socket.io', ms(r.after.p50), ms(r.after.p99), ms(r.press.p50), ms(r.press.p99), ms(r.first.p50), `${(rss.raw / 2 ** 20).toFixed(0)} MiB`],
          ['Luukku', ms(l.after.p50), ms(l.after.p99), ms(l.press.p50), ms(l.press.p99), ms(l.first.p50), `${(rss.luukku / 2 ** 20).toFixed(0)} MiB`],
          ['**Luukku / raw**', ratio(l.after.p50 / r.after.p50), ratio(l.after.p99 / r.after.p99), ratio(l.press.p50 / r.press.p50), ratio(l.press.p99 / r.press.p99), ratio(l.first.p50 / r.first.p50), ratio(rss.luukku / rss.raw)],
        ],
      },
    ],
    goals: [upperGoal('every display has the call, p99 after call-next returns', l.after.p99, 100, ms), upperGoal('… and p99 from the press', l.press.p99, 100, ms)],
    checks: [
      { name: 'every display got every call exactly once', ok: ours.tally.duplicates + ours.tally.strays === 0, detail: `${ours.tally.duplicates} duplicates, ${ours.tally.strays} unexpected calls over ${o.calls + 3} calls × ${o.displays} displays` },
    ],
    notes: [],
    seconds: (performance.now() - started) / 1000,
  };
}
