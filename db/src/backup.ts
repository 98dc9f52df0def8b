import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './open.js';

/**
 * A consistent copy of a live database through SQLite's online backup API: writers go on
 * while it runs, and the copy is one moment of the database, never a torn file. Copying the
 * file by hand while the server runs is not safe in WAL mode; this is.
 */
export async function backupDatabase(db: Db, path: string): Promise<{ path: string; pages: number }> {
  mkdirSync(dirname(path), { recursive: true });
  const result = await db.backup(path);
  return { path, pages: result.totalPages };
}
