import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, loadMigrations } from '@luukku/db';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';

describe('numbering and the database file', () => {
  const dirs: string[] = [];
  const hubs: TestHub[] = [];
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-db-'));
    dirs.push(dir);
    return join(dir, 'luukku.sqlite');
  };
  const start = async (databasePath: string, now: string) => {
    const hub = await startHub({ now, config: { databasePath } });
    hubs.push(hub);
    return hub;
  };
  const issue = async (hub: TestHub, service = 'kela') =>
    (await hub.call('POST', '/api/visits', kiosk, { services: [hub.ids.service[service]], language: 'fi', idempotencyKey: key() })).body;

  afterEach(async () => {
    for (const h of hubs.splice(0)) await h.app.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('continues the day’s numbers after a restart on the same file', async () => {
    const path = tempDb();
    const first = await start(path, '2026-11-24T09:00:00+02:00');
    expect((await issue(first)).number).toBe('K001');
    expect((await issue(first)).number).toBe('K002');
    await first.app.close();
    hubs.length = 0;

    const second = await start(path, '2026-11-24T09:30:00+02:00');
    expect((await issue(second)).number).toBe('K003');
    expect((await issue(second, 'asunnot')).number).toBe('V001');
  });

  it('does not seed the demo twice into an existing database', async () => {
    const path = tempDb();
    const first = await start(path, '2026-11-24T09:00:00+02:00');
    await first.app.close();
    hubs.length = 0;
    const second = await start(path, '2026-11-24T09:00:00+02:00');
    const services = (await second.call('GET', '/api/services', kiosk)).body;
    expect(services.services.filter((s: { code: string }) => s.code === 'kela')).toHaveLength(1);
  });

  it('restarts numbering at midnight in Helsinki, without any scheduled job', async () => {
    const hub = await start(tempDb(), '2026-11-24T23:58:00+02:00');
    expect((await issue(hub)).number).toBe('K001');
    expect((await issue(hub)).number).toBe('K002');
    hub.clock.set('2026-11-24T22:00:00Z'); // 00:00 on the 25th in Helsinki, still the 24th in UTC
    expect((await issue(hub)).number).toBe('K001');
    hub.clock.set('2026-11-25T09:00:00+02:00');
    expect((await issue(hub)).number).toBe('K002');
  });

  it('keeps the applied schema version and does not re-run migrations on reopen', () => {
    const path = tempDb();
    const db = openDatabase(path);
    const version = db.pragma('user_version', { simple: true });
    expect(version).toBe(Math.max(...loadMigrations().map((m) => m.version)));
    db.close();
    const again = openDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(version);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });

  it('refuses a second visit with the same number on the same day at the database level', () => {
    const db = openDatabase(':memory:');
    db.prepare(`INSERT INTO hubs (slug, name, created_at) VALUES ('h', '{"fi":"h"}', 0)`).run();
    const insert = db.prepare(`INSERT INTO visits (hub_id, day, number, token, language, arrived_at) VALUES (1, '2026-11-24', 'K001', ?, 'fi', 0)`);
    insert.run('token-a');
    expect(() => insert.run('token-b')).toThrow(/UNIQUE/);
    db.close();
  });
});
