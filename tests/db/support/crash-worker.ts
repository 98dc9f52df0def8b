/**
 * Dies in the middle of a write, as a power cut or kill -9 would. Usage:
 * node --import tsx crash-worker.ts <dbPath> <serviceId> <deviceId>
 * Commits one visit, then issues three more inside one transaction, prints "ready" and waits
 * to be killed without committing.
 */
import { writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createQueries, openDatabase } from '@luukku/db';
import { issueVisit } from '../../../server/src/commands/issue-visit.js';

const [dbPath, serviceId, deviceId] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number];
const q = createQueries(openDatabase(dbPath));
const ctx = { q, now: () => new Date('2026-11-24T10:30:00+02:00'), publish: () => {}, newToken: () => randomBytes(16).toString('base64url') };
const device = q.device(deviceId)!;
const issue = () =>
  issueVisit(ctx, { kind: 'device', hubId: 1, device }, { idempotencyKey: randomBytes(9).toString('base64url'), language: 'fi', needs: {}, services: [serviceId] } as never);

issue();
q.transaction(() => {
  issue();
  issue();
  issue();
  writeSync(1, 'ready\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
