import { createHash } from 'node:crypto';
import type { Db } from '@luukku/db';

/** Tables only ever appended to: their row count and highest key say whether they changed. */
const appendOnly: Record<string, string> = { events: 'seq', audit_log: 'id' };

/**
 * Everything in the database, as one comparable value: per table a row count and a hash of
 * every row (append-only logs by count and last key, which is cheaper and just as telling).
 * Two equal states mean a request changed nothing — not a visit, a step, a referral, an event,
 * a session, a desk, nor `hubs.last_seq`.
 */
export function dbState(db: Db): Record<string, string> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const state: Record<string, string> = {};
  for (const t of tables) {
    const key = appendOnly[t];
    if (key) {
      const r = db.prepare(`SELECT count(*) AS n, max(${key}) AS top FROM "${t}"`).get() as { n: number; top: number | null };
      state[t] = `${r.n} rows, last ${r.top}`;
      continue;
    }
    const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all();
    state[t] = `${rows.length} rows, ${createHash('sha1').update(JSON.stringify(rows)).digest('hex')}`;
  }
  return state;
}

/** The counts the brief names, for messages people can read. */
export function dbCounts(db: Db): { visits: number; steps: number; referrals: number; events: number; lastSeq: number } {
  const n = (sql: string) => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  return {
    visits: n('SELECT count(*) FROM visits'),
    steps: n('SELECT count(*) FROM steps'),
    referrals: n('SELECT count(*) FROM referrals'),
    events: n('SELECT count(*) FROM events'),
    lastSeq: n('SELECT max(last_seq) FROM hubs'),
  };
}
