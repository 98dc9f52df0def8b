/**
 * Benchmark 7 — the cost of issuing one visit by the depth of the waiting line (issue 10): the
 * same issue with 100 and with 10,000 visitors waiting in the hub, in the same run, as a ratio
 * (goal ≤ 1.2×). Measured twice:
 *
 *   in-process       the issue command plus the visit view, as benchmark 1's depth table (so
 *                    the figures compare with its 5.4×), but each batch rolled back so the
 *                    line stays exactly at its depth, and the depths alternated batch by batch
 *   through the server  POST /api/visits to a server process per depth, alternating, as server
 *                    CPU time per issue; after each slice a desk takes as many off the line
 *                    (call-next + no-show) so the depth holds
 *
 * It measures only; it changes nothing in the server.
 */
import { performance } from 'node:perf_hooks';
import { issueVisit } from '../../server/src/commands/issue-visit.js';
import { publicVisit } from '../../server/src/views/visits.js';
import { openDesk } from '../../server/src/commands/desks.js';
import { startServer, type ServerProcess } from './lib/child.js';
import { Http } from './lib/http.js';
import { addStaff, benchDir, fillQueueFast, openSeeder, seedDemoHub, session, type BenchDir, type Seeder } from './lib/seed.js';
import { fmt, ms, ratio, upperGoal, type BenchResult } from './lib/report.js';
import { median } from './lib/stats.js';

export interface DepthOptions {
  /** Waiting visitors; the first is the reference, the goal compares the last with it. */
  depths: number[];
  /** In-process: alternating rounds, and issues per batch (one rolled-back transaction). */
  rounds: number;
  batch: number;
  /** Through the server: alternating slices, issues per slice, and requests in flight. */
  slices: number;
  perSlice: number;
  concurrency: number;
}
export const depthDefaults: DepthOptions = { depths: [100, 1_000, 10_000], rounds: 15, batch: 50, slices: 7, perSlice: 100, concurrency: 4 };
export const depthQuick: DepthOptions = { depths: [100, 10_000], rounds: 3, batch: 20, slices: 2, perSlice: 40, concurrency: 4 };

const runId = Date.now().toString(36);
let keys = 0;
const key = () => `depth-${runId}-${++keys}`;

interface Hub {
  depth: number;
  dir: BenchDir;
  s: Seeder;
  hubId: number;
  services: number[];
  deskId: number;
  cookie: string;
}

/** The demo hub with `depth` visitors waiting (spread over its services) and one desk that serves every line. */
async function seedDepth(depth: number): Promise<Hub> {
  const dir = benchDir('depth');
  const s = openSeeder(dir.databasePath);
  const demo = await seedDemoHub(s);
  const services = Object.values(demo.services);
  fillQueueFast(s, demo.hubId, services, depth);
  let deskId = 0;
  let cookie = '';
  s.q.transaction(() => {
    deskId = s.q.insertDesk({ hubId: demo.hubId, name: 'Z1', zone: 'a', sortOrder: 999 });
    const userId = addStaff(s.q, demo.hubId, `drain-${demo.hubId}`, Object.values(demo.agencies), 'admin');
    openDesk(s.ctx, s.q.user(userId)!, deskId, services);
    cookie = session(s.q, userId);
  });
  return { depth, dir, s, hubId: demo.hubId, services, deskId, cookie };
}

interface Cost {
  /** This process's CPU time per issue (process.cpuUsage), ms: what the neighbours move least. */
  cpu: number;
  /** Wall time per issue, ms. */
  wall: number;
}

/** In-process: cost per issue (command + visit view), each batch inside a transaction that is rolled back. */
function inProcess(hubs: Hub[], o: DepthOptions): Map<number, Cost[]> {
  const out = new Map<number, Cost[]>(hubs.map((h) => [h.depth, []]));
  const batch = (h: Hub): Cost => {
    const device = h.s.q.devices(h.hubId).find((d) => d.kind === 'kiosk')!;
    const actor = { kind: 'device' as const, hubId: h.hubId, device };
    h.s.db.exec('BEGIN');
    try {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < o.batch; i++) {
        const { visitId } = issueVisit(h.s.ctx, actor, {
          services: [h.services[i % h.services.length]!],
          language: 'fi',
          needs: { interpreter: false, accessible: false, accompanied: false },
          idempotencyKey: key(),
        });
        const v = h.s.q.visit(visitId)!;
        publicVisit(h.s.q, h.s.q.hub(v.hubId)!, v, Date.now());
      }
      const wall = (performance.now() - t0) / o.batch;
      const c = process.cpuUsage(c0);
      return { cpu: (c.user + c.system) / 1000 / o.batch, wall };
    } finally {
      h.s.db.exec('ROLLBACK');
    }
  };
  // warm the JIT and the statement caches on every hub
  for (let i = 0; i < 5; i++) for (const h of hubs) batch(h);
  for (let r = 0; r < o.rounds; r++) {
    // alternate the order too, so neither depth always runs first
    const order = r % 2 === 0 ? hubs : [...hubs].reverse();
    for (const h of order) out.get(h.depth)!.push(batch(h));
  }
  return out;
}

interface Served {
  hub: Hub;
  server: ServerProcess;
  http: Http;
}

async function issueSlice(x: Served, o: DepthOptions, n: number): Promise<{ cpuMs: number; wallMs: number }> {
  const before = await x.server.stats();
  const t0 = performance.now();
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const body = i % 7 === 6
        ? { guidance: true, language: 'fi', idempotencyKey: key() }
        : { services: [x.hub.services[i % x.hub.services.length]], language: 'fi', idempotencyKey: key() };
      await x.http.must('POST', '/api/visits', body, { authorization: 'Bearer demo-kiosk' }, [201]);
      sent++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const wallMs = performance.now() - t0;
  const after = await x.server.stats();
  return { cpuMs: (after.cpuMs - before.cpuMs) / sent, wallMs: wallMs / sent };
}

/** Takes `n` visitors off the line (call-next, no-show), so the depth is back where it was. */
async function drain(x: Served, n: number): Promise<void> {
  const staff = { cookie: x.hub.cookie };
  for (let i = 0; i < n; i++) {
    const c = await x.http.must('POST', `/api/desks/${x.hub.deskId}/call-next`, undefined, staff);
    await x.http.must('POST', `/api/steps/${(c.body as { step: { id: number } }).step.id}/no-show`, undefined, staff);
  }
}

async function waitingOverHttp(x: Served): Promise<number> {
  const a = await x.http.must('GET', '/api/queues', undefined, { cookie: x.hub.cookie });
  return (a.body as { queues: { waiting: number }[] }).queues.reduce((sum, q) => sum + q.waiting, 0);
}

export async function depthBench(o: DepthOptions): Promise<BenchResult> {
  const started = performance.now();
  const hubs: Hub[] = [];
  const served: Served[] = [];
  let local = new Map<number, Cost[]>();
  const cpu = new Map<number, number[]>(o.depths.map((d) => [d, []]));
  const wall = new Map<number, number[]>(o.depths.map((d) => [d, []]));
  const held: { depth: number; before: number; after: number }[] = [];
  try {
    for (const d of o.depths) hubs.push(await seedDepth(d));
    local = inProcess(hubs, o);
    // the seeders let go of the files before the servers open them
    for (const h of hubs) h.s.close();
    for (const h of hubs) {
      const server = await startServer({ kind: 'luukku', databasePath: h.dir.databasePath, dataDir: h.dir.dir, uiDir: h.dir.dir });
      served.push({ hub: h, server, http: new Http(server.url, o.concurrency + 1) });
    }
    for (const x of served) {
      const before = await waitingOverHttp(x);
      // warm-up: a slice and its drain, not counted
      await issueSlice(x, o, o.perSlice);
      await drain(x, o.perSlice);
      held.push({ depth: x.hub.depth, before, after: Number.NaN });
    }
    for (let r = 0; r < o.slices; r++) {
      const order = r % 2 === 0 ? served : [...served].reverse();
      for (const x of order) {
        const slice = await issueSlice(x, o, o.perSlice);
        cpu.get(x.hub.depth)!.push(slice.cpuMs);
        wall.get(x.hub.depth)!.push(slice.wallMs);
        await drain(x, o.perSlice);
      }
    }
    for (const [i, x] of served.entries()) held[i]!.after = await waitingOverHttp(x);
  } finally {
    for (const x of served) {
      x.http.close();
      await x.server.stop();
    }
    for (const h of hubs) {
      try {
        h.s.close();
      } catch {
        // closed already
      }
      h.dir.remove();
    }
  }
  const ref = o.depths[0]!;
  const deepest = o.depths[o.depths.length - 1]!;
  const localMed = (d: number) => median(local.get(d)!.map((c) => c.cpu));
  const localWall = (d: number) => median(local.get(d)!.map((c) => c.wall));
  const cpuMed = (d: number) => median(cpu.get(d)!);
  const wallMed = (d: number) => median(wall.get(d)!);
  // the spread of the in-process ratio: per round, deepest over the reference
  const roundRatios = local.get(deepest)!.map((x, i) => x.cpu / local.get(ref)![i]!.cpu);
  return {
    id: 'depth',
    title: '7. Cost of one issue by waiting-line depth',
    method: [
      `Each depth is its own database: the demo hub with ${o.depths.map((d) => fmt(d, 0)).join(' / ')} visitors waiting, spread over its always-open services (inserted directly, as benchmark 1’s depth table does).`,
      `In-process: the issue command plus the visit view (issueVisit + publicVisit, no HTTP, synchronous off), ${o.batch} issues per batch inside one transaction that is then rolled back, so the line stays at its depth; after 5 warm-up batches per depth, ${o.rounds} rounds, each one batch per depth, the order reversed every other round. Figures are medians over the batches of this process’s CPU time per issue (process.cpuUsage; the goal row), and of the wall time beside it, which a loaded machine inflates (the process waits for a core). Benchmark 1’s depth table measures the same work in wall time without the rollback (its lines grow by 100 during a depth).`,
      'The two measurements answer different questions: in-process is the command’s own cost, so it shows how that grows with the line; through the server the same growth sits on a fixed cost per request (HTTP, schemas, auth, the answer), so the ratio is smaller for the same extra milliseconds.',
      `Through the server: one server process per depth (WAL, synchronous=FULL), both up at once; slices of ${o.perSlice} POST /api/visits (${o.concurrency} in flight; one in seven asks for Guidance, as benchmark 1) alternate between them, ${o.slices} per depth after one warm-up slice each. After each slice a desk open for every line takes ${o.perSlice} visitors off it (call-next, then no-show), so the depth is back where it was. “Server CPU per issue” is the server process’s CPU time (process.cpuUsage) over the slice divided by its issues; wall time per issue includes the fsync.`,
    ],
    tables: [
      {
        title: 'Cost of one issue by visitors waiting',
        headers: ['visits waiting', 'in-process CPU / issue', 'vs. first', 'in-process wall / issue', 'vs. first', 'server CPU / issue', 'vs. first', 'server wall / issue', 'line held (before → after)'],
        rows: o.depths.map((d, i) => [
          fmt(d, 0),
          ms(localMed(d)),
          ratio(localMed(d) / localMed(ref)),
          ms(localWall(d)),
          ratio(localWall(d) / localWall(ref)),
          ms(cpuMed(d)),
          ratio(cpuMed(d) / cpuMed(ref)),
          ms(wallMed(d)),
          `${fmt(held[i]!.before, 0)} → ${fmt(held[i]!.after, 0)}`,
        ]),
      },
    ],
    goals: [
      upperGoal(`issue with ${fmt(deepest, 0)} waiting / with ${fmt(ref, 0)} (in-process, CPU time)`, localMed(deepest) / localMed(ref), 1.2, ratio),
      upperGoal(`issue with ${fmt(deepest, 0)} waiting / with ${fmt(ref, 0)} (server CPU per POST /api/visits)`, cpuMed(deepest) / cpuMed(ref), 1.2, ratio),
    ],
    checks: [
      {
        name: 'the lines held their depth through the server runs',
        ok: held.every((h) => h.before === h.depth && h.after === h.depth),
        detail: held.map((h) => `${fmt(h.depth, 0)}: ${fmt(h.before, 0)} → ${fmt(h.after, 0)}`).join(', '),
      },
    ],
    notes: [
      `In-process CPU-time ratio ${fmt(deepest, 0)} / ${fmt(ref, 0)} round by round: min ${ratio(Math.min(...roundRatios))}, median ${ratio(median(roundRatios))}, max ${ratio(Math.max(...roundRatios))}.`,
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
