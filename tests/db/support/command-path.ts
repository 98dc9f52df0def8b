import { randomBytes } from 'node:crypto';
import { createQueries, openDatabase, type Db, type Queries } from '@luukku/db';
import { seedDemo } from '../../../server/src/demo/seed.js';
import type { CommandContext, StoredEvent } from '../../../server/src/commands/context.js';
import { tuesdayMorning } from '../../support/app.js';
import { testClock } from '../../support/clock.js';

/**
 * Counts the SQL statements run through prepared statements (run/get/all/iterate), by text.
 * Installed before `createQueries`, so every statement the queries prepare is counted; pragmas
 * and BEGIN/COMMIT are not statements of ours and are left out.
 */
export function countStatements(db: Db) {
  const bySql = new Map<string, number>();
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const st = prepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['run', 'get', 'all', 'iterate']) {
      const original = st[m]!.bind(st);
      st[m] = (...a: unknown[]) => {
        bySql.set(sql, (bySql.get(sql) ?? 0) + 1);
        return original(...a);
      };
    }
    return st;
  };
  return {
    /** Runs `fn` and returns how many statements it ran, and which. */
    during(fn: () => void): { total: number; bySql: Map<string, number> } {
      bySql.clear();
      fn();
      const snapshot = new Map(bySql);
      return { total: [...snapshot.values()].reduce((a, b) => a + b, 0), bySql: snapshot };
    },
  };
}

export interface CommandHub {
  db: Db;
  q: Queries;
  ctx: CommandContext;
  published: StoredEvent[];
  clock: ReturnType<typeof testClock>;
  counter: ReturnType<typeof countStatements>;
  service: (code: string) => number;
}

/** The demo hub on a real SQLite file (or memory), driven through the commands, no HTTP. */
export async function commandHub(path = ':memory:'): Promise<CommandHub> {
  const db = openDatabase(path);
  const counter = countStatements(db);
  const q = createQueries(db);
  const clock = testClock(tuesdayMorning);
  await seedDemo(q, clock.now().getTime(), 10);
  const published: StoredEvent[] = [];
  const ctx: CommandContext = {
    q, now: clock.now, publish: (e) => published.push(...e), newToken: () => randomBytes(16).toString('base64url'),
  };
  const service = (code: string) => q.services(1).find((s) => s.code === code)!.id;
  return { db, q, ctx, published, clock, counter, service };
}
