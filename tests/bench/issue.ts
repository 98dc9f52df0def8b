/**
 * Benchmark 1 — issuing a number: POST /api/visits through the real server on 127.0.0.1,
 * against a bare Fastify route that inserts one row in better-sqlite3 with the same pragmas.
 */
import { performance } from 'node:perf_hooks';
import { startServer, type ServerProcess } from './lib/child.js';
import { closedLoop, openLoop, type LoadResult, type RequestSpec } from './lib/load.js';
import { benchDir, fillQueueFast, openSeeder, seedDemoHub } from './lib/seed.js';
import { fmt, ms, ratio, upperGoal, lowerGoal, type BenchResult } from './lib/report.js';
import { median, summarize } from './lib/stats.js';
import { createQueries, openDatabase } from '@luukku/db';
import { issueVisit } from '../../server/src/commands/issue-visit.js';
import { publicVisit } from '../../server/src/views/visits.js';

export interface IssueOptions {
  rounds: number;
  warmupSeconds: number;
  seconds: number;
  connections: number;
  rate: number;
  /** Fixed-rate slices per server, alternating. */
  rateSlices: number;
  rateSliceSeconds: number;
  depths: number[];
}

export const issueDefaults: IssueOptions = {
  rounds: 3, warmupSeconds: 1, seconds: 5, connections: 10, rate: 200, rateSlices: 2, rateSliceSeconds: 5, depths: [100, 1_000, 10_000],
};
export const issueQuick: IssueOptions = {
  rounds: 1, warmupSeconds: 1, seconds: 2, connections: 10, rate: 200, rateSlices: 1, rateSliceSeconds: 2, depths: [100, 1_000],
};

let keys = 0;
const runId = Date.now().toString(36);
const key = () => `bench-${runId}-${++keys}`;

interface Target {
  name: 'luukku' | 'baseline' | 'baseline-normal';
  server: ServerProcess;
  spec: RequestSpec;
  waiting: () => number;
  stop: () => Promise<void>;
}

async function luukkuTarget(): Promise<Target> {
  const dir = benchDir('issue');
  const s = openSeeder(dir.databasePath);
  const demo = await seedDemoHub(s);
  s.close();
  const services = Object.values(demo.services);
  let n = 0;
  const server = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir });
  return {
    name: 'luukku',
    server,
    spec: {
      method: 'POST',
      path: '/api/visits',
      headers: { authorization: 'Bearer demo-kiosk' },
      // every seventh visitor does not know what they need; the rest pick a service
      body: () =>
        ++n % 7 === 0
          ? { guidance: true, language: 'fi', idempotencyKey: key() }
          : { services: [services[n % services.length]], language: 'fi', idempotencyKey: key() },
    },
    waiting: () => {
      const db = openDatabase(dir.databasePath, { readonly: true });
      try {
        return createQueries(db).waitingCounts(demo.hubId).reduce((sum, c) => sum + c.waiting, 0);
      } finally {
        db.close();
      }
    },
    stop: async () => {
      await server.stop();
      dir.remove();
    },
  };
}

async function baselineTarget(synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<Target> {
  const dir = benchDir('issue-baseline');
  const server = await startServer({ kind: 'baseline', databasePath: dir.databasePath, synchronous });
  let n = 0;
  return {
    name: synchronous === 'FULL' ? 'baseline' : 'baseline-normal',
    server,
    spec: {
      method: 'POST',
      path: '/visits',
      headers: { authorization: 'Bearer demo-kiosk' },
      body: () => ({ services: [1 + (++n % 7)], language: 'fi', idempotencyKey: key() }),
    },
    waiting: () => Number.NaN,
    stop: async () => {
      await server.stop();
      dir.remove();
    },
  };
}

function assertClean(what: string, r: LoadResult): void {
  if (r.non2xx + r.errors > 0) throw new Error(`${what}: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
}

interface Slice extends LoadResult {
  /** Server CPU time (user + system) per answered request, ms. */
  cpuPerRequest: number;
}

async function measured(t: Target, run: () => Promise<LoadResult>): Promise<Slice> {
  const before = await t.server.stats();
  const r = await run();
  const after = await t.server.stats();
  assertClean(t.name, r);
  return { ...r, cpuPerRequest: (after.cpuMs - before.cpuMs) / Math.max(1, r.ok) };
}

/** In-process (no HTTP, synchronous off): what one issue costs as the waiting line grows. */
async function costByDepth(depths: number[]): Promise<{ depth: number; ms: number }[]> {
  const dir = benchDir('issue-depth');
  const s = openSeeder(dir.databasePath);
  try {
    const demo = await seedDemoHub(s);
    const services = Object.values(demo.services);
    const device = s.q.devices(demo.hubId).find((d) => d.kind === 'kiosk')!;
    const actor = { kind: 'device' as const, hubId: demo.hubId, device };
    const one = (i: number) => {
      const { visitId } = issueVisit(s.ctx, actor, {
        services: [services[i % services.length]!],
        language: 'fi',
        needs: { interpreter: false, accessible: false, accompanied: false },
        idempotencyKey: key(),
      });
      const v = s.q.visit(visitId)!;
      publicVisit(s.q, s.q.hub(v.hubId)!, v, Date.now());
    };
    for (let i = 0; i < 200; i++) one(i); // warm the JIT
    const out: { depth: number; ms: number }[] = [];
    for (const depth of depths) {
      const have = s.q.waitingCounts(demo.hubId).reduce((sum, c) => sum + c.waiting, 0);
      if (depth > have) fillQueueFast(s, demo.hubId, services, depth - have);
      const batches: number[] = [];
      for (let b = 0; b < 5; b++) {
        const t0 = performance.now();
        for (let i = 0; i < 20; i++) one(i);
        batches.push((performance.now() - t0) / 20);
      }
      out.push({ depth, ms: median(batches) });
    }
    return out;
  } finally {
    s.close();
    dir.remove();
  }
}

export async function issueBench(o: IssueOptions): Promise<BenchResult> {
  const started = performance.now();
  const full: Record<Target['name'], Slice[]> = { luukku: [], baseline: [], 'baseline-normal': [] };
  const waitingAfter: number[] = [];
  // rounds alternate the two, each on a fresh database in a fresh process, so a noisy neighbour
  // (this machine is shared) hurts both alike; figures are medians over rounds
  for (let round = 0; round < o.rounds; round++) {
    for (const make of [() => baselineTarget(), luukkuTarget, () => baselineTarget('NORMAL')]) {
      const t = await make();
      try {
        assertClean(`${t.name} warm-up`, await closedLoop(t.server.url, t.spec, { connections: o.connections, seconds: o.warmupSeconds }));
        full[t.name].push(await measured(t, () => closedLoop(t.server.url, t.spec, { connections: o.connections, seconds: o.seconds })));
        if (t.name === 'luukku') waitingAfter.push(t.waiting());
      } finally {
        await t.stop();
      }
    }
  }

  // a steady rate: what a kiosk sees on a busy but not saturated server
  const paced: Record<'luukku' | 'baseline', { latencies: number[]; slices: Slice[] }> = { luukku: { latencies: [], slices: [] }, baseline: { latencies: [], slices: [] } };
  const targets = [await baselineTarget(), await luukkuTarget()];
  try {
    for (const t of targets) assertClean(`${t.name} warm-up`, await closedLoop(t.server.url, t.spec, { connections: 2, seconds: 1 }));
    for (let i = 0; i < o.rateSlices; i++) {
      for (const t of targets) {
        const r = await measured(t, () => openLoop(t.server.url, t.spec, { rate: o.rate, seconds: o.rateSliceSeconds }));
        const p = paced[t.name === 'luukku' ? 'luukku' : 'baseline'];
        p.slices.push(r);
        p.latencies.push(...r.samples);
      }
    }
  } finally {
    for (const t of targets) await t.stop();
  }
  const depth = await costByDepth(o.depths);

  const med = (rs: Slice[], f: (r: Slice) => number) => median(rs.map(f));
  const sum = (rs: Slice[]) => ({
    rps: med(rs, (r) => r.rps),
    p50: med(rs, (r) => r.latency.p50),
    p99: med(rs, (r) => r.latency.p99),
    cpu: med(rs, (r) => r.cpuPerRequest),
  });
  const ours = sum(full.luukku);
  const base = sum(full.baseline);
  const normal = sum(full['baseline-normal']);
  const po = summarize(paced.luukku.latencies);
  const pb = summarize(paced.baseline.latencies);
  const pr = (x: { slices: Slice[] }) => x.slices.reduce((s, r) => s + r.ok, 0) / x.slices.reduce((s, r) => s + r.seconds, 0);
  const cpuPaced = (x: { slices: Slice[] }) => median(x.slices.map((r) => r.cpuPerRequest));

  const row = (name: string, r: Slice) => [name, fmt(r.rps, 0), ms(r.latency.p50), ms(r.latency.p99), ms(r.latency.max), ms(r.cpuPerRequest), r.ok];
  return {
    id: 'issue',
    title: '1. Issue throughput and latency (POST /api/visits)',
    method: [
      `Full speed: autocannon in the parent process, ${o.connections} keep-alive connections, ${o.warmupSeconds} s warm-up then ${o.seconds} s measured; ${o.rounds} round(s), each round the baseline then Luukku, each on a fresh database file (WAL, synchronous=FULL) in a fresh server process. Figures are medians over rounds.`,
      'Every request has a unique idempotency key; one in seven asks for Guidance, the rest name one of the demo hub’s always-open services, as the demo kiosk (Bearer demo-kiosk, kiosk rate limit off). Nobody is called, so the waiting line grows during the run.',
      'Baseline: bare Fastify (no schemas, no auth, no logger) whose route inserts the JSON body as one row in better-sqlite3 with the same pragmas: one commit and one fsync per request, as in Luukku. For scale only, the same baseline with synchronous=NORMAL (no fsync at commit) runs third in each round.',
      `Fixed rate: an open-loop loader sends one request every ${fmt(1000 / o.rate, 1)} ms (${o.rate} req/s) on a fixed schedule, in ${o.rateSlices} slice(s) of ${o.rateSliceSeconds} s per server, alternating; latency counts from the scheduled moment (no coordinated omission).`,
      '“Server CPU / req” is the server process’s user + system CPU time (process.cpuUsage) over the slice divided by the requests answered: unlike req/s it hardly moves when a neighbour takes the CPU, and it leaves out the time spent waiting for fsync.',
      `Cost by depth: the issue command plus the visit view in-process (no HTTP, synchronous off), median of 5 batches of 20, with ${o.depths.map((d) => fmt(d, 0)).join(' / ')} visits already waiting.`,
    ],
    tables: [
      {
        title: `Full speed (${o.connections} connections)`,
        headers: ['', 'req/s', 'p50', 'p99', 'max', 'server CPU / req', 'requests'],
        rows: [
          ...full.baseline.map((r, i) => row(`baseline, round ${i + 1}`, r)),
          ...full.luukku.map((r, i) => row(`Luukku, round ${i + 1}`, r)),
          ['**Luukku / baseline** (medians)', ratio(ours.rps / base.rps), ratio(ours.p50 / base.p50), ratio(ours.p99 / base.p99), '', ratio(ours.cpu / base.cpu), ''],
          ...full['baseline-normal'].map((r, i) => row(`baseline with synchronous=NORMAL, round ${i + 1}`, r)),
          ['baseline FULL / NORMAL (what the fsync per commit costs)', ratio(base.rps / normal.rps), ratio(base.p50 / normal.p50), ratio(base.p99 / normal.p99), '', ratio(base.cpu / normal.cpu), ''],
        ],
      },
      {
        title: `Fixed rate, ${o.rate} req/s`,
        headers: ['', 'achieved req/s', 'p50', 'p99', 'max', 'server CPU / req'],
        rows: [
          ['baseline', fmt(pr(paced.baseline), 0), ms(pb.p50), ms(pb.p99), ms(pb.max), ms(cpuPaced(paced.baseline))],
          ['Luukku', fmt(pr(paced.luukku), 0), ms(po.p50), ms(po.p99), ms(po.max), ms(cpuPaced(paced.luukku))],
          ['**Luukku / baseline**', '', ratio(po.p50 / pb.p50), ratio(po.p99 / pb.p99), '', ratio(cpuPaced(paced.luukku) / cpuPaced(paced.baseline))],
        ],
      },
      {
        title: 'Cost of one issue by waiting-line depth (in-process)',
        headers: ['visits waiting', 'ms per issue', 'vs. 100 waiting'],
        rows: depth.map((d) => [fmt(d.depth, 0), ms(d.ms), ratio(d.ms / depth[0]!.ms)]),
      },
    ],
    goals: [
      lowerGoal('issue req/s ≥ 0.5 of the baseline', ours.rps / base.rps, 0.5, ratio),
      upperGoal(`issue p99 at ${o.rate} req/s`, po.p99, 15, ms),
    ],
    checks: [
      {
        name: 'every issue answered 201',
        ok: true,
        detail: `${[...full.luukku, ...paced.luukku.slices].reduce((s, r) => s + r.ok, 0)} visits issued with no error and no non-2xx answer`,
      },
    ],
    notes: [`At the end of the full-speed rounds ${waitingAfter.map((w) => fmt(w, 0)).join(' / ')} visits were waiting (nobody is called here).`],
    seconds: (performance.now() - started) / 1000,
  };
}
