/**
 * Benchmark 2 — call-next under contention: 50 desks press "call next" at the same moment,
 * round after round, against a deep waiting line; each desk then finishes its visitor. Against
 * a bare Fastify + better-sqlite3 server doing only the claim (the same UPDATE … RETURNING) and
 * the finish.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@luukku/db';
import { startServer, type ServerProcess } from './lib/child.js';
import { Http } from './lib/http.js';
import { benchDir, fillQueueFast, openDesks, openSeeder, seedDemoHub } from './lib/seed.js';
import { fmt, ms, ratio, type BenchResult } from './lib/report.js';
import { summarize, type Summary } from './lib/stats.js';

export interface CallNextOptions {
  desks: number;
  rounds: number;
  depth: number;
  warmupRounds: number;
}
export const callNextDefaults: CallNextOptions = { desks: 50, rounds: 40, depth: 4_000, warmupRounds: 3 };
export const callNextQuick: CallNextOptions = { desks: 50, rounds: 8, depth: 1_000, warmupRounds: 1 };

interface Desk {
  call: () => Promise<{ status: number; stepId: number | null; ms: number }>;
  finish: (stepId: number) => Promise<{ status: number; ms: number }>;
}

interface Run {
  callLatency: Summary;
  finishLatency: Summary;
  /** call-next answers per second of the call phases (all desks pressing at once). */
  callsPerSecond: number;
  /** call-next + finish per second over the whole run. */
  opsPerSecond: number;
  cpuPerOp: number;
  stepIds: number[];
  failures: string[];
}

async function drive(server: ServerProcess, desks: Desk[], rounds: number, warmupRounds: number): Promise<Run> {
  const callMs: number[] = [];
  const finishMs: number[] = [];
  const stepIds: number[] = [];
  const failures: string[] = [];
  let callPhase = 0;
  let cpuBefore = 0;
  let t0 = 0;
  for (let round = -warmupRounds; round < rounds; round++) {
    if (round === 0) {
      cpuBefore = (await server.stats()).cpuMs;
      t0 = performance.now();
    }
    const start = performance.now();
    const calls = await Promise.all(desks.map((d) => d.call()));
    const end = performance.now();
    const finishes = await Promise.all(
      calls.map((c, i) => (c.stepId === null ? Promise.resolve({ status: 0, ms: 0 }) : desks[i]!.finish(c.stepId))),
    );
    for (const c of calls) if (c.status !== 200) failures.push(`call-next answered ${c.status}`);
    for (const f of finishes) if (f.status !== 200) failures.push(`finish answered ${f.status}`);
    if (round < 0) continue;
    callPhase += end - start;
    for (const c of calls) {
      callMs.push(c.ms);
      if (c.stepId !== null) stepIds.push(c.stepId);
    }
    for (const f of finishes) finishMs.push(f.ms);
  }
  const elapsed = performance.now() - t0;
  const cpu = (await server.stats()).cpuMs - cpuBefore;
  const ops = callMs.length + finishMs.length;
  return {
    callLatency: summarize(callMs),
    finishLatency: summarize(finishMs),
    callsPerSecond: callMs.length / (callPhase / 1000),
    opsPerSecond: ops / (elapsed / 1000),
    cpuPerOp: cpu / ops,
    stepIds,
    failures,
  };
}

async function luukku(o: CallNextOptions): Promise<Run & { dbChecks: { duplicateCalls: number; calls: number; done: number } }> {
  const dir = benchDir('call-next');
  const s = openSeeder(dir.databasePath);
  const demo = await seedDemoHub(s);
  const services = Object.values(demo.services);
  const agencies = Object.values(demo.agencies);
  const seeded = openDesks(s, demo.hubId, o.desks, services, agencies, 'B');
  fillQueueFast(s, demo.hubId, services, o.depth);
  s.close();
  const server = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir });
  const http = new Http(server.url, o.desks + 4);
  try {
    const desks: Desk[] = seeded.map((d) => ({
      call: async () => {
        const a = await http.send('POST', `/api/desks/${d.deskId}/call-next`, undefined, { cookie: d.cookie });
        return { status: a.status, stepId: a.status === 200 ? (a.body.step.id as number) : null, ms: a.ms };
      },
      finish: async (stepId) => {
        const a = await http.send('POST', `/api/steps/${stepId}/finish`, undefined, { cookie: d.cookie });
        return { status: a.status, ms: a.ms };
      },
    }));
    const run = await drive(server, desks, o.rounds, o.warmupRounds);
    await server.stop();
    const db = openDatabase(dir.databasePath, { readonly: true });
    try {
      const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const dbChecks = {
        duplicateCalls: one(`SELECT count(*) AS n FROM (SELECT step_id FROM calls GROUP BY step_id HAVING count(*) > 1)`),
        calls: one(`SELECT count(*) AS n FROM calls`),
        done: one(`SELECT count(*) AS n FROM steps WHERE status = 'done'`),
      };
      return { ...run, dbChecks };
    } finally {
      db.close();
    }
  } finally {
    http.close();
    await server.stop();
    dir.remove();
  }
}

async function baseline(o: CallNextOptions): Promise<Run> {
  const dir = benchDir('call-next-baseline');
  const services = [1, 2, 3, 4, 5, 6, 7];
  const server = await startServer({ kind: 'baseline', databasePath: dir.databasePath, waitingSteps: { count: o.depth, services } });
  const http = new Http(server.url, o.desks + 4);
  try {
    const desks: Desk[] = Array.from({ length: o.desks }, (_, i) => ({
      call: async () => {
        const a = await http.send('POST', `/claim/${i + 1}`, { services });
        return { status: a.status, stepId: a.status === 200 ? (a.body.id as number) : null, ms: a.ms };
      },
      finish: async (stepId) => {
        const a = await http.send('POST', `/finish/${stepId}`);
        return { status: a.status, ms: a.ms };
      },
    }));
    return await drive(server, desks, o.rounds, o.warmupRounds);
  } finally {
    http.close();
    await server.stop();
    dir.remove();
  }
}

export async function callNextBench(o: CallNextOptions): Promise<BenchResult> {
  const started = performance.now();
  const base = await baseline(o);
  const ours = await luukku(o);
  const expected = o.desks * (o.rounds + o.warmupRounds);
  const unique = new Set(ours.stepIds).size;
  const row = (name: string, r: Run) => [
    name, fmt(r.callsPerSecond, 0), ms(r.callLatency.p50), ms(r.callLatency.p99), ms(r.callLatency.max), ms(r.finishLatency.p99), fmt(r.opsPerSecond, 0), ms(r.cpuPerOp),
  ];
  return {
    id: 'call-next',
    title: `2. Call-next under contention (${o.desks} desks at once)`,
    method: [
      `${o.desks} desks, each with its own staff member and session (seeded with createQueries before the server starts), all open for the demo hub’s seven always-open services; ${fmt(o.depth, 0)} visits waiting.`,
      `Each round all ${o.desks} desks send POST /api/desks/:id/call-next at the same moment (one keep-alive connection each), then each finishes its visitor (POST /api/steps/:id/finish). ${o.warmupRounds} warm-up round(s), then ${o.rounds} measured.`,
      '“call-next/s” is call-next answers per second of the call phases (the bursts), “ops/s” call-next plus finish per second over the whole run; server CPU per operation from process.cpuUsage.',
      'Baseline: bare Fastify + better-sqlite3 (same pragmas) with the same waiting rows and the same claiming UPDATE … RETURNING, and a finish that is one UPDATE.',
      'Duplicates: every step id a desk got must be unique, and in the database no step may have two rows in `calls`; every call must end as a finished step.',
    ],
    tables: [
      {
        headers: ['', 'call-next/s', 'call p50', 'call p99', 'call max', 'finish p99', 'ops/s', 'server CPU / op'],
        rows: [
          row('baseline', base),
          row('Luukku', ours),
          [
            '**Luukku / baseline**', ratio(ours.callsPerSecond / base.callsPerSecond), ratio(ours.callLatency.p50 / base.callLatency.p50),
            ratio(ours.callLatency.p99 / base.callLatency.p99), '', ratio(ours.finishLatency.p99 / base.finishLatency.p99),
            ratio(ours.opsPerSecond / base.opsPerSecond), ratio(ours.cpuPerOp / base.cpuPerOp),
          ],
        ],
      },
    ],
    goals: [],
    checks: [
      { name: 'every call-next and finish answered 200', ok: ours.failures.length === 0, detail: ours.failures.length ? ours.failures.slice(0, 3).join('; ') : `${ours.stepIds.length} measured calls, ${expected} in all` },
      { name: 'no visitor given to two desks (answers)', ok: unique === ours.stepIds.length, detail: `${unique} distinct step ids in ${ours.stepIds.length} measured answers` },
      {
        name: 'no visitor called twice (database)',
        ok: ours.dbChecks.duplicateCalls === 0 && ours.dbChecks.calls === expected && ours.dbChecks.done === expected,
        detail: `${ours.dbChecks.duplicateCalls} steps with more than one call; ${ours.dbChecks.calls} calls and ${ours.dbChecks.done} finished steps for ${expected} presses`,
      },
      { name: 'baseline: no duplicates either', ok: new Set(base.stepIds).size === base.stepIds.length && base.failures.length === 0, detail: `${new Set(base.stepIds).size} distinct of ${base.stepIds.length}` },
    ],
    notes: [],
    seconds: (performance.now() - started) / 1000,
  };
}
