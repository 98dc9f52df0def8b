import type { Db } from './open.js';
import { adminQueries } from './queries/admin.js';
import { catalogQueries } from './queries/catalog.js';
import { deskQueries } from './queries/desks.js';
import { peopleQueries } from './queries/people.js';
import { historyQueries } from './queries/records.js';
import { reportQueries } from './queries/reports.js';
import { retentionQueries } from './queries/retention.js';
import { visitQueries } from './queries/visits.js';

/** Every statement, prepared once per database. Each test gets its own through its own Db. */
export function createQueries(db: Db) {
  return {
    ...catalogQueries(db),
    ...deskQueries(db),
    ...peopleQueries(db),
    ...visitQueries(db),
    ...historyQueries(db),
    ...reportQueries(db),
    ...adminQueries(db),
    ...retentionQueries(db),
    /** Runs `fn` as one write transaction, taking the write lock up front (no upgrade deadlocks). */
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
  };
}
export type Queries = ReturnType<typeof createQueries>;
