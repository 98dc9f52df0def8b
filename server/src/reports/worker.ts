/**
 * The report worker: a thread with its own read-only connection, so a year-long report runs
 * beside the event loop instead of on it. It answers one message at a time, in order; the
 * runner (runner.ts) sends the next only when this one is answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createQueries, openDatabase } from '@luukku/db';
import { DomainError } from '@luukku/shared';
import { runReport, type ReportJob } from '../views/reports/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

const port = parentPort!;
const { databasePath } = workerData as { databasePath: string };
const q = createQueries(openDatabase(databasePath, { readonly: true }));
const send = (m: FromWorker) => port.postMessage(m);

port.on('message', ({ id, job }: ToWorker) => {
  try {
    send({ id, ok: true, outcome: runReport(q, job as ReportJob) });
  } catch (err) {
    send({
      id,
      ok: false,
      error: err instanceof DomainError ? { code: err.code, message: err.message, details: err.details } : { message: err instanceof Error ? err.message : String(err) },
    });
  }
});
send({ ready: true });
