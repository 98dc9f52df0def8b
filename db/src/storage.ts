import type { Db } from './open.js';

/**
 * SQLite's answers that mean the storage under the database is failing (full, read-only, I/O
 * errors, corrupt or gone), not that the request was wrong. Extended codes (SQLITE_IOERR_WRITE,
 * SQLITE_READONLY_DBMOVED…) start with their primary code.
 */
const storageCodes = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

export function isStorageFault(err: unknown): boolean {
  return err instanceof Error && err.name === 'SqliteError' && storageCodes.test((err as Error & { code?: string }).code ?? '');
}

/**
 * Room a command may need: an issue writes a visit, its steps and the events that carry the
 * screens' state (a few KiB across several tables and indexes), which can take new pages in
 * each of them at once.
 */
const headroomPages = 16;

/**
 * The write probe behind /api/health: commits one tiny write (a full or read-only disk fails the
 * commit), and checks the database can still grow by what one command may need (SQLite's own
 * page limit, or free pages inside the file). Throws SQLite's error when it cannot.
 */
export function storageProbe(db: Db) {
  const write = db.prepare(/* sql */ `INSERT INTO health_probe (id, at) VALUES (1, @at) ON CONFLICT (id) DO UPDATE SET at = excluded.at`);
  return (now: number): void => {
    db.transaction(() => write.run({ at: now })).immediate();
    const pages = db.pragma('page_count', { simple: true }) as number;
    const max = db.pragma('max_page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    if (max - pages + free < headroomPages) {
      throw Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
    }
  };
}
