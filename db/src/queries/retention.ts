import type { Db } from '../open.js';

/** What the nightly purge needs beyond the tables' own queries: emptying the write-ahead log. */
export function retentionQueries(db: Db) {
  return {
    /**
     * Copies the WAL into the main file and truncates it to nothing. A WAL is reused from its
     * start, not shortened, so without TRUNCATE old frames (with a deleted note in them) stay
     * in the -wal file. Returns false when a reader kept part of the log from being copied.
     */
    checkpoint: (): boolean => {
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      return r === undefined || r.busy === 0;
    },
  };
}
