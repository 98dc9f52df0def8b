import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from './open.js';

/**
 * A consistent copy of a live database through SQLite's online backup API: writers go on
 * while it runs, and the copy is one moment of the database, never a torn file. Copying the
 * file by hand while the server runs is not safe in WAL mode; this is.
 *
 * A backup holds what the database holds (today's notes, needs, phone links), so it is written
 * 0600, and a folder it creates 0700: the file exists with that mode before SQLite writes to it.
 */
export async function backupDatabase(db: Db, path: string): Promise<{ path: string; pages: number }> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'w', 0o600));
  chmodSync(path, 0o600);
  const result = await db.backup(path);
  return { path, pages: result.totalPages };
}

/** luukku-YYYYMMDD-HHMMSS.sqlite (UTC): names that sort in the order the backups were taken. */
const backupName = /^luukku-\d{8}-\d{6}\.sqlite$/;

export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `luukku-${stamp}.sqlite`;
}

/**
 * Keeps the newest `keep` backups in `dir` and deletes the older ones, so data deleted from the
 * database is gone from the backups too after `keep` backups. Only files named by
 * backupFileName are touched. Returns the names deleted.
 */
export function rotateBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir).filter((n) => backupName.test(n)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const n of old) {
    // a backup that was restored and reopened may have left its journal files beside it
    for (const f of [n, `${n}-wal`, `${n}-shm`, `${n}-journal`]) rmSync(join(dir, f), { force: true });
  }
  return old;
}
