/**
 * One process acting on a shared database file, as a second server or a busy desk would.
 * Usage: node --import tsx hub-worker.ts <dbPath> <startAtMs> <json job>
 * Prints one JSON line with what it got.
 */
import { createQueries, openDatabase } from '@luukku/db';
import { DomainError } from '@luukku/shared';
import { randomBytes } from 'node:crypto';
import { callNext } from '../../../server/src/commands/desks.js';
import { issueVisit } from '../../../server/src/commands/issue-visit.js';
import { transitionStep } from '../../../server/src/commands/steps.js';

type Job = { kind: 'call'; userId: number; deskId: number; rounds: number; tickMs: number } | { kind: 'issue'; count: number; serviceId: number; deviceId: number };

const [dbPath, startAt, jobJson] = process.argv.slice(2);
const job = JSON.parse(jobJson!) as Job;
const q = createQueries(openDatabase(dbPath!));
const ctx = { q, now: () => new Date(), publish: () => {}, newToken: () => randomBytes(16).toString('base64url') };

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps (without burning the CPU the other processes need) until the given moment. */
function until(at: number): void {
  const wait = at - Date.now();
  if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
}

// start together, to make the collisions real
until(Number(startAt));

const got: (number | string)[] = [];
if (job.kind === 'call') {
  const user = q.user(job.userId)!;
  // every round, all desks press "call next" at the same moment
  for (let round = 0; round < job.rounds; round++) {
    until(Number(startAt) + round * job.tickMs);
    try {
      const step = callNext(ctx, user, job.deskId);
      got.push(step.id);
      transitionStep(ctx, user, step.id, 'finish');
    } catch (e) {
      if (e instanceof DomainError && e.code === 'QUEUE_EMPTY') break;
      throw e;
    }
  }
} else {
  const device = q.device(job.deviceId)!;
  for (let i = 0; i < job.count; i++) {
    const { visitId } = issueVisit(ctx, { kind: 'device', hubId: device.hubId, device }, {
      services: [job.serviceId],
      language: 'fi',
      needs: { interpreter: false, accessible: false, accompanied: false },
      idempotencyKey: `w${process.pid}-${i}-${randomBytes(4).toString('hex')}`,
    });
    got.push(q.visit(visitId)!.number);
  }
}
process.stdout.write(JSON.stringify(got) + '\n');
