import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueries, openDatabase, type Queries } from '@luukku/db';
import { seedDemo } from '../../server/src/demo/seed.js';
import { openDesk } from '../../server/src/commands/desks.js';
import { randomBytes } from 'node:crypto';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./support/hub-worker.ts', import.meta.url));

/** Several processes on one database file: separate connections, real locking. */
async function inParallel(dbPath: string, jobs: object[]): Promise<unknown[][]> {
  const startAt = Date.now() + 3000; // every process is loaded by then, even on a busy machine
  const outputs = await Promise.all(
    jobs.map((job) => run(process.execPath, ['--import', 'tsx', worker, dbPath, String(startAt), JSON.stringify(job)], { timeout: 60_000 })),
  );
  return outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop()!));
}

describe('many desks and kiosks at once on one database file', () => {
  let dir: string;
  let dbPath: string;
  let q: Queries;
  let kelaService: number;
  let kioskId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luukku-race-'));
    dbPath = join(dir, 'luukku.sqlite');
    q = createQueries(openDatabase(dbPath));
    await seedDemo(q, Date.now());
    kelaService = q.services(1).find((s) => s.code === 'kela')!.id;
    kioskId = q.devices(1).find((d) => d.kind === 'kiosk')!.id;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('never issues one number twice when four kiosks issue at the same moment', async () => {
    const results = await inParallel(dbPath, [1, 2, 3, 4].map(() => ({ kind: 'issue', count: 40, serviceId: kelaService, deviceId: kioskId })));
    const numbers = results.flat() as string[];
    expect(numbers).toHaveLength(160);
    expect(new Set(numbers).size).toBe(160);
    const sorted = [...numbers].sort();
    expect(sorted[0]).toBe('K001');
    expect(sorted[159]).toBe('K160');
  });

  it('never gives two desks the same visitor when they all press "call next" at once', async () => {
    const kela = q.userByUsername('kela')!;
    const ctx = { q, now: () => new Date(), publish: () => {}, newToken: () => randomBytes(16).toString('base64url') };
    const desks = q.desks(1).slice(0, 4);
    const jobs = desks.map((desk, i) => {
      const userId = i === 0 ? kela.id : q.insertUser({ ...kela, username: `kela${i}`, agencyIds: kela.agencyIds }, Date.now());
      openDesk(ctx, q.user(userId)!, desk.id, [kelaService]);
      return { kind: 'call', userId, deskId: desk.id, rounds: 40, tickMs: 40 };
    });
    const waiting = q.waitingCounts(1).find((c) => c.serviceId === kelaService)!.waiting;
    expect(waiting).toBe(160);

    const claimed = (await inParallel(dbPath, jobs)).map((r) => r as number[]);
    const all = claimed.flat();
    expect(all).toHaveLength(160);
    expect(new Set(all).size).toBe(160);
    // each round every desk got someone: the claims were contested, and nobody was turned away
    for (const c of claimed) expect(c).toHaveLength(40);
    expect(q.waitingCounts(1).find((c) => c.serviceId === kelaService)).toBeUndefined();
  });
});
