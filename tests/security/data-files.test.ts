import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@luukku/db';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { expectOk, issue } from '../api/helpers.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every file and folder under `dir`, with its mode, relative to `dir`. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = mode(path);
  }
  return out;
}

describe('the files Luukku writes are for the server alone', () => {
  const dirs: string[] = [];
  let hub: TestHub | undefined;
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'luukku-files-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    await hub?.app.close();
    hub = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps the data folder 0700 and the database, its WAL and shared memory 0600', async () => {
    const dataDir = join(tempDir(), 'data');
    hub = await startHub({ config: { dataDir, databasePath: join(dataDir, 'luukku.sqlite') } });
    await issue(hub, ['kela']);
    expect(mode(dataDir)).toBe('700');
    expect(modes(dataDir)).toEqual({ 'luukku.sqlite': '600', 'luukku.sqlite-wal': '600', 'luukku.sqlite-shm': '600' });
  });

  it('tightens a data folder and database that were left readable to others', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    openDatabase(join(dataDir, 'luukku.sqlite')).close();
    chmodSync(join(dataDir, 'luukku.sqlite'), 0o644);
    hub = await startHub({ config: { dataDir, databasePath: join(dataDir, 'luukku.sqlite') } });
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'luukku.sqlite'))).toBe('600');
  });

  it('writes ticket previews 0600 and deletes them with the notes, at the end of their day', async () => {
    const dataDir = tempDir();
    hub = await startHub({ now: '2026-11-24T15:00:00+02:00', config: { dataDir } });
    const visit = await issue(hub, ['kela']);
    const printed = expectOk(await hub.call('POST', '/api/kiosk/print', kiosk, { token: visit.token }));
    expect(printed.previewPath).toMatch(/^prints\//);
    expect(modes(join(dataDir, 'prints'))).toEqual({
      '2026-11-24': '700',
      [printed.previewPath.slice('prints/'.length)]: '600',
      [printed.previewPath.slice('prints/'.length).replace(/\.png$/, '.bin')]: '600',
    });
    expect(mode(join(dataDir, 'prints'))).toBe('700');

    hub.clock.set('2026-11-24T23:55:00+02:00');
    purgeExpired(hub.app.commands, 0, { dataDir });
    expect(existsSync(join(dataDir, printed.previewPath))).toBe(true);

    hub.clock.set('2026-11-25T00:05:00+02:00');
    purgeExpired(hub.app.commands, 0, { dataDir });
    expect(readdirSync(join(dataDir, 'prints'))).toEqual([]);
  });

  it('keeps ticket previews as long as notes when notes are kept longer', async () => {
    const dataDir = tempDir();
    hub = await startHub({ now: '2026-11-24T15:00:00+02:00', config: { dataDir, notesKeepDays: 1 } });
    const visit = await issue(hub, ['kela']);
    const printed = expectOk(await hub.call('POST', '/api/kiosk/print', kiosk, { token: visit.token }));
    hub.clock.set('2026-11-25T12:00:00+02:00');
    purgeExpired(hub.app.commands, 1, { dataDir });
    expect(existsSync(join(dataDir, printed.previewPath))).toBe(true);
    hub.clock.set('2026-11-26T00:05:00+02:00');
    purgeExpired(hub.app.commands, 1, { dataDir });
    expect(existsSync(join(dataDir, printed.previewPath))).toBe(false);
  });

  it('writes backups 0600 in a 0700 folder and keeps only the newest LUUKKU_BACKUP_KEEP', async () => {
    const dataDir = tempDir();
    openDatabase(join(dataDir, 'luukku.sqlite')).close();
    const backups = join(dataDir, 'backups');
    mkdirSync(backups);
    // three earlier nightly backups, and a file of the operator's own that rotation leaves alone
    const older = ['luukku-20261120-020000.sqlite', 'luukku-20261121-020000.sqlite', 'luukku-20261122-020000.sqlite'];
    for (const f of [...older, 'notes.txt']) writeFileSync(join(backups, f), 'x');

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'backup'], {
      cwd: root,
      env: { ...process.env, LUUKKU_DATA_DIR: dataDir, LUUKKU_BACKUP_KEEP: '2', LOG_LEVEL: 'silent' },
    });
    const written = stdout.match(/luukku-\d{8}-\d{6}\.sqlite/)?.[0];
    expect(written).toBeDefined();
    expect(mode(backups)).toBe('700');
    expect(mode(join(backups, written!))).toBe('600');
    expect(readdirSync(backups).sort()).toEqual([older[2]!, written!, 'notes.txt'].sort());
    const copy = openDatabase(join(backups, written!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});
