import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Queries } from '@luukku/db';
import { DomainError } from '@luukku/shared';
import { runReport, type ReportJob, type ReportOutcome } from '../views/reports/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** Where reports run: inline on the main thread, or in the report worker. */
export interface ReportRunner {
  run: (job: ReportJob) => Promise<ReportOutcome>;
  close: () => Promise<void>;
}

/**
 * On the main thread, for an in-memory database, which a worker cannot open. better-sqlite3 is
 * synchronous, so this blocks the event loop for as long as the report takes.
 */
export function inlineReports(q: Queries): ReportRunner {
  return { run: async (job) => runReport(q, job), close: async () => {} };
}

export interface WorkerOptions {
  databasePath: string;
  timeoutMs: number;
  /** How many may wait behind the running report. */
  queue: number;
  log: FastifyBaseLogger;
}

interface Pending {
  job: ReportJob;
  resolve: (o: ReportOutcome) => void;
  reject: (e: Error) => void;
}

/**
 * Under vitest and tsx the code runs from src/ as TypeScript, which a bare worker thread cannot
 * load: it registers tsx first. From dist/ the worker is plain JavaScript and inherits the
 * process's --conditions, so it resolves the workspace packages to dist/ too.
 */
function startWorker(databasePath: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData: { databasePath } });
  // tsx's ES module entry (its CommonJS one cannot be imported into a worker): read from its exports
  const manifest = createRequire(here).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  const entry = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: { databasePath } });
}

/**
 * Reports in a worker thread, one at a time: a year of a busy hub takes seconds of SQLite, and
 * the event loop must keep calling visitors meanwhile. Callers wait in a queue of `queue`
 * places; beyond it they are told REPORTS_BUSY at once. A report running past `timeoutMs` is
 * answered REPORT_TIMEOUT and its worker terminated (SQLite cannot be interrupted from here);
 * the next report starts a fresh one. The worker starts with the first report and then stays.
 */
export function workerReports(o: WorkerOptions): ReportRunner {
  const waiting: Pending[] = [];
  let running: (Pending & { id: number; timer?: NodeJS.Timeout }) | null = null;
  let worker: Worker | null = null;
  let ready = false;
  let nextId = 0;
  let closed = false;

  function spawn(): Worker {
    const w = startWorker(o.databasePath);
    ready = false;
    w.on('message', (m: FromWorker) => {
      if (w !== worker) return;
      if ('ready' in m) {
        o.log.info({ threadId: w.threadId }, 'report worker started');
        ready = true;
        dispatch();
        return;
      }
      const r = running;
      if (!r || r.id !== m.id) return;
      clearTimeout(r.timer);
      running = null;
      if (m.ok) r.resolve(m.outcome);
      else r.reject(m.error.code ? new DomainError(m.error.code, m.error.message, m.error.details) : new Error(`report failed: ${m.error.message}`));
      pump();
    });
    w.on('error', (err) => {
      if (w !== worker) return;
      o.log.error({ err }, 'report worker failed');
      lost(err);
    });
    w.on('exit', (code) => {
      if (w !== worker) return;
      o.log.error({ code }, 'report worker exited');
      lost(new Error(`report worker exited with code ${code}`));
    });
    return w;
  }

  /** The worker is gone: the report it held fails; the next one gets a new worker. */
  function lost(err: Error): void {
    worker = null;
    ready = false;
    const r = running;
    running = null;
    if (r) {
      clearTimeout(r.timer);
      r.reject(err);
    }
    pump();
  }

  function pump(): void {
    if (closed || running || waiting.length === 0) return;
    running = { ...waiting.shift()!, id: ++nextId };
    worker ??= spawn();
    dispatch();
  }

  /** Sends the running report once the worker is ready; its time starts then, not at start-up. */
  function dispatch(): void {
    const r = running;
    if (!r || !ready || !worker || r.timer) return;
    const w = worker;
    r.timer = setTimeout(() => {
      if (running !== r) return;
      o.log.warn({ kind: r.job.kind, from: r.job.period.from, to: r.job.period.to, timeoutMs: o.timeoutMs }, 'report timed out; restarting the report worker');
      worker = null;
      running = null;
      void w.terminate();
      r.reject(new DomainError('REPORT_TIMEOUT', `The report took longer than ${o.timeoutMs} ms and was stopped; try a shorter period`));
      pump();
    }, o.timeoutMs);
    w.postMessage({ id: r.id, job: r.job } satisfies ToWorker);
  }

  return {
    run: (job) =>
      new Promise<ReportOutcome>((resolve, reject) => {
        if (closed) return reject(new DomainError('REPORTS_BUSY', 'The server is shutting down'));
        if (running && waiting.length >= o.queue) {
          return reject(new DomainError('REPORTS_BUSY', `${waiting.length} reports are already waiting; try again in a moment`, { waiting: waiting.length }));
        }
        waiting.push({ job, resolve, reject });
        pump();
      }),
    close: async () => {
      closed = true;
      const w = worker;
      worker = null;
      const stopped = new DomainError('REPORTS_BUSY', 'The server is shutting down');
      for (const p of waiting.splice(0)) p.reject(stopped);
      if (running) {
        clearTimeout(running.timer);
        running.reject(stopped);
        running = null;
      }
      if (w) await w.terminate();
    },
  };
}
