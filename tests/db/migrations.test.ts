import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase } from '@luukku/db';

describe('migrations that rebuild a table', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps the devices, their visits and pairings when the device kinds grow, and foreign keys stay on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-migrate-'));
    dirs.push(dir);
    const path = join(dir, 'luukku.sqlite');
    // a hub's file as the previous release left it: schema 11, a kiosk that issued a visit
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    migrate(old, loadMigrations().filter((m) => m.version <= 11));
    old.exec(`
      INSERT INTO hubs (id, slug, name, created_at) VALUES (1, 'h', 'Hub', 0);
      INSERT INTO devices (id, hub_id, kind, name, token_hash, zone, speech, created_at) VALUES (7, 1, 'kiosk', 'Aula', 'x', 'lobby', '{"v":1}', 0);
      INSERT INTO visits (id, hub_id, day, number, token, language, device_id, arrived_at) VALUES (1, 1, '2026-12-01', 'A001', 't', 'fi', 7, 0);
      INSERT INTO pairings (code, secret_hash, kind, device_id, created_at, expires_at) VALUES ('ABC', 's', 'kiosk', 7, 0, 1);`);
    old.close();

    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(12);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare('SELECT id, kind, name, zone, speech FROM devices').all()).toEqual([{ id: 7, kind: 'kiosk', name: 'Aula', zone: 'lobby', speech: '{"v":1}' }]);
      expect(db.prepare('SELECT device_id FROM visits').all()).toEqual([{ device_id: 7 }]);
      expect(db.prepare('SELECT code, device_id FROM pairings').all()).toEqual([{ code: 'ABC', device_id: 7 }]);
      db.prepare(`INSERT INTO devices (hub_id, kind, name, token_hash, created_at) VALUES (1, 'feedback', 'Ovi', 'y', 0)`).run();
      expect(() => db.prepare(`INSERT INTO visits (hub_id, day, number, token, language, device_id, arrived_at) VALUES (1, 'd', 'A2', 't2', 'fi', 999, 0)`).run()).toThrow(/FOREIGN KEY/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps the users, their agencies and sessions when roles grow, and rosters each user to their home hub on any day', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-migrate-'));
    dirs.push(dir);
    const path = join(dir, 'luukku.sqlite');
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    migrate(old, loadMigrations().filter((m) => m.version <= 16));
    old.exec(`
      INSERT INTO hubs (id, slug, name, created_at) VALUES (1, 'h', 'Hub', 0);
      INSERT INTO agencies (id, hub_id, code, name) VALUES (3, 1, 'kela', '{}');
      INSERT INTO users (id, hub_id, username, display_name, password_hash, role, created_at) VALUES (5, 1, 'kela', 'Kela', 'x', 'staff', 0);
      INSERT INTO user_agencies (user_id, agency_id) VALUES (5, 3);
      INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('s', 5, 0, 1);`);
    old.close();

    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(17);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare('SELECT id, username, role FROM users').all()).toEqual([{ id: 5, username: 'kela', role: 'staff' }]);
      expect(db.prepare('SELECT user_id, agency_id FROM user_agencies').all()).toEqual([{ user_id: 5, agency_id: 3 }]);
      expect(db.prepare('SELECT user_id, hub_id, weekdays FROM user_hubs').all()).toEqual([{ user_id: 5, hub_id: 1, weekdays: null }]);
      expect(db.prepare('SELECT user_id, hub_id FROM sessions').all()).toEqual([{ user_id: 5, hub_id: 1 }]);
      db.prepare(`INSERT INTO users (hub_id, username, display_name, password_hash, role, created_at) VALUES (1, 'alue', 'Alue', 'x', 'region_admin', 0)`).run();
      expect(() => db.prepare(`INSERT INTO user_hubs (user_id, hub_id) VALUES (999, 1)`).run()).toThrow(/FOREIGN KEY/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
