/**
 * Issue 9 §2, storage faults: with the disk full, issue and login answered a generic 500 while
 * /api/health said ok. A full database is made for real here: SQLite's max_page_count caps the
 * file, the hub issues visits until SQLite answers SQLITE_FULL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type TestHub } from '../support/app.js';
import { expectError, issueBody } from '../api/helpers.js';
import { kiosk } from '../support/app.js';
import { probeOkMs, probeRetryMs } from '../../server/src/routes/health.js';

let hub: TestHub | undefined;
let dir: string | undefined;

afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function fileHub(): Promise<TestHub> {
  dir = mkdtempSync(join(tmpdir(), 'luukku-storage-'));
  hub = await startHub({ config: { dataDir: dir, databasePath: join(dir, 'luukku.sqlite') } });
  return hub;
}

/** Lets the database grow by only a few pages more, then issues until it is full. */
async function fillDatabase(h: TestHub): Promise<{ status: number; body: any }> {
  const pages = h.app.db.pragma('page_count', { simple: true }) as number;
  h.app.db.pragma(`max_page_count = ${pages + 3}`);
  for (let i = 0; i < 2000; i++) {
    const res = await h.call('POST', '/api/visits', kiosk, issueBody(h, ['kela']));
    if (res.status !== 201) return res;
  }
  throw new Error('the database never filled up');
}

describe('a full disk', () => {
  it('answers an issue with 503 STORAGE_UNAVAILABLE, not a generic 500', async () => {
    const h = await fileHub();
    const refused = await fillDatabase(h);
    expectError(refused, 503, 'STORAGE_UNAVAILABLE');
  });

  it('makes /api/health answer 503 by a real write probe, and ok again once there is room', async () => {
    const h = await fileHub();
    expect((await h.call('GET', '/api/health')).status).toBe(200);
    await fillDatabase(h);
    // a healthy probe is trusted for a few seconds; the next one after that finds the full disk
    h.clock.advanceMs(probeOkMs);
    expectError(await h.call('GET', '/api/health'), 503, 'STORAGE_UNAVAILABLE');
    h.app.db.pragma('max_page_count = 1073741823');
    // a failed probe is retried sooner
    h.clock.advanceMs(probeRetryMs);
    expect((await h.call('GET', '/api/health')).status).toBe(200);
  });

  it('answers 503 STORAGE_UNAVAILABLE when the database file has become read-only', async () => {
    const h = await fileHub();
    // what SQLite says when the file is replaced or remounted read-only under a running server
    h.app.db.pragma('query_only = ON');
    const res = await h.call('POST', '/api/visits', kiosk, issueBody(h, ['kela']));
    expectError(res, 503, 'STORAGE_UNAVAILABLE');
    expectError(await h.call('GET', '/api/health'), 503, 'STORAGE_UNAVAILABLE');
  });
});

describe('the health probe', () => {
  /** Rows this connection has written since it opened: each probe write adds one. */
  const changes = (h: TestHub) => (h.app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  it('writes to the disk at most once every few seconds however fast /api/health is polled', async () => {
    const h = await fileHub();
    const before = changes(h);
    for (let i = 0; i < 50; i++) {
      expect((await h.call('GET', '/api/health')).status).toBe(200);
      h.clock.advanceMs(50);
    }
    // 50 calls over 2.5 s: one probe write, at most two
    const writes = changes(h) - before;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(2);
    // once the last probe is older than the interval, the next call writes again
    h.clock.advanceMs(probeOkMs);
    expect((await h.call('GET', '/api/health')).status).toBe(200);
    expect(changes(h) - before).toBe(writes + 1);
  });

  it('retries a failed probe on the next call after the shorter retry interval, not before', async () => {
    const h = await fileHub();
    h.app.db.pragma('query_only = ON');
    expectError(await h.call('GET', '/api/health'), 503, 'STORAGE_UNAVAILABLE');
    h.app.db.pragma('query_only = OFF');
    // within the retry interval the failure stands; after it, the disk is tried again
    expectError(await h.call('GET', '/api/health'), 503, 'STORAGE_UNAVAILABLE');
    h.clock.advanceMs(probeRetryMs);
    expect((await h.call('GET', '/api/health')).status).toBe(200);
  });
});

describe('the disk gauge', () => {
  it('reports the free bytes of the data folder in /metrics', async () => {
    const h = await fileHub();
    const res = await h.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    const line = res.body.split('\n').find((l) => l.startsWith('luukku_data_dir_free_bytes '));
    expect(line, res.body.slice(-600)).toBeDefined();
    const reported = Number(line!.split(' ')[1]);
    const s = statfsSync(dir!);
    const now = s.bavail * s.bsize;
    // the disk is shared with other tests: same order of magnitude, not the same byte
    expect(reported).toBeGreaterThan(0);
    expect(Math.abs(reported - now) / now).toBeLessThan(0.1);
    expect(res.body).toContain('# TYPE luukku_data_dir_free_bytes gauge');
  });
});
