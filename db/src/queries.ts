import { queryCache } from './cache.js';
import type { Db } from './open.js';
import { adminQueries } from './queries/admin.js';
import { catalogQueries } from './queries/catalog.js';
import { deskQueries } from './queries/desks.js';
import { displayQueries } from './queries/display.js';
import { peopleQueries } from './queries/people.js';
import { historyQueries } from './queries/records.js';
import { reportQueries } from './queries/reports.js';
import { retentionQueries } from './queries/retention.js';
import { visitQueries } from './queries/visits.js';
import { myDayQueries } from './queries/my-day.js';
import { pushQueries } from './queries/push.js';
import { feedbackQueries } from './queries/feedback.js';
import { appointmentQueries } from './queries/appointments.js';
import { hubTemplateQueries } from './queries/hub-template.js';
import { dueStepQueries } from './queries/due-steps.js';
import { oidcQueries } from './queries/oidc.js';
import { presenceQueries } from './queries/presence.js';

/** Every statement, prepared once per database. Each test gets its own through its own Db. */
export function createQueries(db: Db) {
  const cache = queryCache(db);
  const catalog = catalogQueries(db, cache);
  return {
    ...catalog,
    ...deskQueries(db),
    ...peopleQueries(db),
    ...visitQueries(db, cache),
    ...historyQueries(db, catalog.hubSeqMoved),
    ...reportQueries(db),
    ...adminQueries(db, cache),
    ...retentionQueries(db),
    ...displayQueries(db),
    ...myDayQueries(db),
    ...pushQueries(db),
    ...feedbackQueries(db),
    ...appointmentQueries(db),
    ...hubTemplateQueries(db, cache),
    ...dueStepQueries(db),
    ...oidcQueries(db),
    ...presenceQueries(db),
    /**
     * Runs `fn` as one write transaction, taking the write lock up front (no upgrade deadlocks).
     * With the lock held it checks the cache against other connections' commits; a failed
     * transaction drops the cache, which may hold what was rolled back.
     */
    transaction: <T>(fn: () => T): T => {
      try {
        return db.transaction(() => {
          cache.look();
          return fn();
        }).immediate();
      } catch (err) {
        cache.clear();
        throw err;
      }
    },
  };
}
export type Queries = ReturnType<typeof createQueries>;
