import type { Db } from './open.js';
import type { AgencyRecord, HubRecord, KioskQuestionRecord, ServiceRecord } from './records.js';

/** Every hub's catalogue as one immutable snapshot: replaced whole, never patched. */
export interface CatalogSnapshot {
  hubs: HubRecord[];
  hubById: Map<number, HubRecord>;
  hubBySlug: Map<string, HubRecord>;
  agencies: Map<number, AgencyRecord[]>;
  services: Map<number, ServiceRecord[]>;
  serviceById: Map<number, ServiceRecord>;
  questions: Map<number, KioskQuestionRecord[]>;
}

/** The last finished durations of a service, newest first, as `recentServiceDurations` reads them. */
export interface Durations {
  limit: number;
  /** ended_at, duration; ordered as the query orders them (ended_at DESC, the newer row first on a tie). */
  rows: { endedAt: number; d: number }[];
}

/**
 * What the queries of one connection keep in memory instead of reading again: the catalogue
 * (hubs, agencies, services with parsed schedules and labels, kiosk questions) and each
 * service's recent durations. Both are dropped when a transaction fails (it may have changed
 * them before rolling back) and when another connection has committed (another process on
 * the same file), which SQLite's data_version tells; both are rebuilt on the next read.
 */
export function queryCache(db: Db) {
  const dataVersion = db.prepare<[], number>(/* sql */ `PRAGMA data_version`).pluck();
  let seen: number | undefined;
  let checked = false;
  const cache = {
    catalog: null as CatalogSnapshot | null,
    durations: new Map<number, Durations>(),
    clear(): void {
      cache.catalog = null;
      cache.durations.clear();
    },
    /** Drops the cache if another connection has committed since the last look. */
    look(): void {
      const v = dataVersion.get()!;
      if (v !== seen) {
        if (seen !== undefined) cache.clear();
        seen = v;
      }
    },
    /**
     * Before a read from the cache. Inside a transaction the look was taken when it began (with
     * the write lock held); outside, one look per synchronous run of code, so the many catalogue
     * reads of one request cost one look.
     */
    fresh(): void {
      if (db.inTransaction || checked) return;
      checked = true;
      queueMicrotask(() => (checked = false));
      cache.look();
    },
  };
  return cache;
}
export type QueryCache = ReturnType<typeof queryCache>;
