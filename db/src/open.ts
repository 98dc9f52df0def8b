import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

// Works from src/ (tests, tsx) and dist/ (npm start) alike: both sit next to migrations/.
const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(dir + f, 'utf8') }));
}

/**
 * Opens (or creates) the database and brings its schema up to date. WAL lets displays and
 * reports read while a desk writes; synchronous=FULL makes every committed ticket survive a
 * power cut, not only a process crash (rule 3). The busy timeout lets several processes share
 * one file without failing on a momentary lock. secure_delete overwrites deleted rows and freed
 * pages with zeros, so a deleted note is gone from the file and not merely unlinked (rule 6).
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) ownerOnly(path);
  const db = new Database(path, { readonly: options.readonly ?? false });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  if (!options.readonly) migrate(db);
  return db;
}

/**
 * The database holds visitors' needs and notes: only the server's own user may read it. SQLite
 * gives the -wal and -shm files the mode of the database file, so creating that file 0600
 * before SQLite does covers all three; files left readable by an older version are tightened.
 */
function ownerOnly(path: string): void {
  if (path === '' || path === ':memory:' || path.startsWith('file:')) return;
  closeSync(openSync(path, 'a', 0o600));
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * A migration that rebuilds a table others refer to starts with this line: SQLite's documented
 * procedure for schema changes ALTER TABLE cannot make runs with foreign keys off (the pragma
 * is ignored inside a transaction, so it is set around it) and checks them before committing.
 */
const foreignKeysOff = '-- luukku:foreign-keys-off';

export function migrate(db: Db, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    const rebuild = m.sql.startsWith(foreignKeysOff);
    const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
    if (rebuild) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (rebuild) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`Migration ${m.name} would break ${broken.length} foreign keys`);
        }
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (rebuild && enforced) db.pragma('foreign_keys = ON');
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}
