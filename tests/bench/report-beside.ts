/**
 * A year report beside the kiosks: the issue p99 at a steady rate with no report running, and
 * with year reports running back to back beside it — in the report worker (the default) and,
 * for comparison, inline on the main thread (LUUKKU_REPORT_WORKER=0, how reports ran before).
 * The history is a week played through the real commands (demo:history), copied onto every
 * weekday of a year up to the wanted visits a day (tests/support/history-copy.ts).
 */
import { performance } from 'node:perf_hooks';
import { addDays, isoWeekday, localMoment, reportKinds } from '@luukku/shared';
import { seedHistory } from '../../server/src/demo/history.js';
import { copyDays, type DayCopy } from '../support/history-copy.js';
import { startServer } from './lib/child.js';
import { Http } from './lib/http.js';
import { closedLoop, openLoop, type RequestSpec } from './lib/load.js';
import { fmt, ms, ratio, upperGoal, type BenchResult } from './lib/report.js';
import { benchDir, openSeeder, seedDemoHub, session } from './lib/seed.js';
import { median, summarize } from './lib/stats.js';

export interface ReportBesideOptions {
  visitsPerDay: number;
  /** Issues per second, open loop. */
  rate: number;
  seconds: number;
  rounds: number;
  /** Also measure reports on the main thread (slow at full size: each year report blocks for seconds). */
  inline: boolean;
}

export const reportBesideDefaults: ReportBesideOptions = { visitsPerDay: 4_500, rate: 100, seconds: 10, rounds: 2, inline: true };
export const reportBesideQuick: ReportBesideOptions = { visitsPerDay: 500, rate: 50, seconds: 3, rounds: 1, inline: true };

let keys = 0;
const runId = Date.now().toString(36);

export async function reportBesideBench(o: ReportBesideOptions): Promise<BenchResult> {
  const started = performance.now();
  const dir = benchDir('report');
  const s = openSeeder(dir.databasePath);
  const demo = await seedDemoHub(s);
  const now = new Date();
  const today = localMoment(now, s.q.hub(demo.hubId)!.timeZone).date;
  const week = seedHistory(s.q, { weeks: 1, seed: 5, now });
  const byWeekday = new Map(week.days.map((d) => [isoWeekday(d), d]));
  const copies = Math.max(1, Math.round((o.visitsPerDay * week.days.length) / week.visits));
  const from = addDays(today, -365);
  const to = addDays(today, -1);
  const plan: DayCopy[] = [];
  for (let date = from; date < week.days[0]!; date = addDays(date, 1)) {
    const src = byWeekday.get(isoWeekday(date));
    for (let copy = 1; src && copy <= copies; copy++) plan.push({ src, dst: date, copy });
  }
  const seedStarted = performance.now();
  const visits = copyDays(s.db, plan);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const cookie = session(s.q, s.q.userByUsername('admin')!.id);
  s.close();

  const services = Object.values(demo.services);
  const issue: RequestSpec = {
    method: 'POST',
    path: '/api/visits',
    headers: { authorization: 'Bearer demo-kiosk' },
    body: () => ({ services: [services[++keys % services.length]], language: 'fi', idempotencyKey: `bench-report-${runId}-${keys}` }),
  };

  type Mode = 'worker' | 'inline';
  const p99: Record<'none' | Mode, number[]> = { none: [], worker: [], inline: [] };
  const reportMs: Record<Mode, number[]> = { worker: [], inline: [] };
  const failed: Record<Mode, number> = { worker: 0, inline: 0 };
  const sent: Record<Mode, number> = { worker: 0, inline: 0 };
  const modes: Mode[] = o.inline ? ['worker', 'inline'] : ['worker'];
  try {
    for (const mode of modes) {
      const server = await startServer({ kind: 'luukku', databasePath: dir.databasePath, dataDir: dir.dir, uiDir: dir.dir, reportWorker: mode === 'worker' });
      const http = new Http(server.url, 4, 600_000);
      try {
        await closedLoop(server.url, issue, { connections: 2, seconds: 1 });
        // the worker starts with the first report; start it before measuring
        await http.send('GET', `/api/reports/arrivals?day=${to}`, undefined, { cookie });
        for (let round = 0; round < o.rounds; round++) {
          if (mode === 'worker') p99.none.push((await openLoop(server.url, issue, { rate: o.rate, seconds: o.seconds })).latency.p99);
          let running = true;
          const reports = (async () => {
            while (running) {
              for (const kind of reportKinds) {
                const t0 = performance.now();
                const a = await http.send('GET', `/api/reports/${kind}?from=${from}&to=${to}`, undefined, { cookie });
                if (a.status !== 200) throw new Error(`year report ${kind}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
                reportMs[mode].push(performance.now() - t0);
                if (!running) break;
              }
            }
          })();
          const r = await openLoop(server.url, issue, { rate: o.rate, seconds: o.seconds });
          running = false;
          await reports;
          // inline, the kiosks' requests may time out (10 s) behind a report: that is the figure
          if (mode === 'worker' && r.non2xx + r.errors > 0) throw new Error(`issue beside a worker report: ${r.non2xx} non-2xx, ${r.errors} errors`);
          failed[mode] += r.non2xx + r.errors;
          sent[mode] += r.ok + r.non2xx + r.errors;
          p99[mode].push(r.latency.p99);
        }
      } finally {
        http.close();
        await server.stop();
      }
    }
  } finally {
    dir.remove();
  }

  const none = median(p99.none);
  const worker = median(p99.worker);
  const inline = median(p99.inline);
  const rs = (mode: Mode) => summarize(reportMs[mode]);
  return {
    id: 'report',
    title: '6. A year report beside the kiosks',
    method: [
      `History: the demo hub, one week played through the real commands, copied onto every weekday of the year before today ${copies} time(s) a day (SQL copies; ${fmt(visits, 0)} visits, about ${fmt(visits / Math.max(1, plan.length / copies), 0)} a weekday; copying took ${fmt(seedSeconds, 1)} s).`,
      `Issue load: an open loop of ${o.rate} POST /api/visits a second for ${o.seconds} s as the demo kiosk, latency counted from the scheduled moment; ${o.rounds} round(s), figures are medians over rounds.`,
      `Beside it: one admin asks for the seven reports over the year (${from} to ${to}) one after another, from before the first issue to after the last.`,
      'Worker: reports run in the report worker thread on its own read-only connection (the default). Inline: LUUKKU_REPORT_WORKER=0, the main thread runs them, as before the worker.',
    ],
    tables: [
      {
        title: `Issue p99 at ${o.rate} req/s`,
        headers: ['', 'issue p99 (answered)', 'vs. no report', 'issues not answered in 10 s', 'year reports answered', 'report p50', 'report max'],
        rows: [
          ['no report', ms(none), '', '', '', '', ''],
          ['year reports in the worker', ms(worker), ratio(worker / none), `${failed.worker} of ${sent.worker}`, reportMs.worker.length, ms(rs('worker').p50), ms(rs('worker').max)],
          ...(o.inline
            ? [['year reports inline (before)', ms(inline), ratio(inline / none), `${failed.inline} of ${sent.inline}`, reportMs.inline.length, ms(rs('inline').p50), ms(rs('inline').max)]]
            : []),
        ],
      },
    ],
    goals: [upperGoal('issue p99 beside a year report, vs. without', worker / none, 1.5, ratio)],
    checks: [],
    notes: [],
    seconds: (performance.now() - started) / 1000,
  };
}
