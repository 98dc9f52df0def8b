import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, openDatabase } from '@luukku/db';
import { key, kiosk, startHub } from '../support/app.js';

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a backup while kiosks keep issuing, and the restored copy has every visit answered before it began', async () => {
    const hub = await startHub({ config: { databasePath: join(dir, 'live.sqlite'), dataDir: dir } });
    const answered: { number: string; at: number }[] = [];
    const issue = async () => {
      const res = await hub.call('POST', '/api/visits', kiosk, { services: [hub.ids.service.kela], language: 'fi', idempotencyKey: key() });
      expect(res.status).toBe(201);
      answered.push({ number: res.body.number, at: performance.now() });
    };
    // steady load before and during the backup
    for (let i = 0; i < 50; i++) await issue();
    const load = (async () => {
      for (let i = 0; i < 100; i++) await issue();
    })();
    const started = performance.now();
    const { pages } = await backupDatabase(hub.app.db, join(dir, 'backup.sqlite'));
    await load;
    await hub.app.close();
    expect(pages).toBeGreaterThan(0);

    // restore = open the copy as the database
    const restored = openDatabase(join(dir, 'backup.sqlite'));
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const numbers = new Set(restored.prepare('SELECT number FROM visits').pluck().all() as string[]);
    const before = answered.filter((a) => a.at < started);
    expect(before.length).toBeGreaterThanOrEqual(50);
    for (const a of before) expect(numbers.has(a.number), a.number).toBe(true);
    // and nothing the live database never had
    expect(numbers.size).toBeLessThanOrEqual(answered.length);
    restored.close();
  });
});
