import type { Db } from '../open.js';

/**
 * The deletions of rule 6 beyond notes and sessions: events past the replay window, idempotency
 * keys past any retry, and everything an anonymised visit left in other tables.
 */
export function retentionQueries(db: Db) {
  const firstEvent = db.prepare<[number], { seq: number }>(/* sql */ `
    SELECT seq FROM events WHERE hub_id = ? ORDER BY seq LIMIT 1`);
  // walks from the oldest event and stops at the first one to keep: pruned days are not read again
  const firstEventFrom = db.prepare<[number, number], { seq: number }>(/* sql */ `
    SELECT seq FROM events WHERE hub_id = ? AND at >= ? ORDER BY seq LIMIT 1`);
  const lastSeq = db.prepare<[number], { last_seq: number }>(/* sql */ `SELECT last_seq FROM hubs WHERE id = ?`);
  const deleteEvents = db.prepare(/* sql */ `DELETE FROM events WHERE hub_id = @hubId AND seq >= @from AND seq < @to`);
  const deleteKeys = db.prepare(/* sql */ `DELETE FROM idempotency_keys WHERE created_at < ?`);
  const anonymise = db.prepare<{ hubId: number; before: number; now: number }, { id: number }>(/* sql */ `
    UPDATE visits SET needs = '{}', token = 'anon-' || id, feedback_given = 0, anonymised_at = @now
    WHERE hub_id = @hubId AND arrived_at < @before AND anonymised_at IS NULL AND status != 'active'
    RETURNING id`);
  const visitNotes = db.prepare(/* sql */ `
    UPDATE referrals SET note = NULL, note_deleted_at = coalesce(note_deleted_at, @now)
    WHERE visit_id IN (SELECT value FROM json_each(@ids)) AND note IS NOT NULL`);
  const visitCalls = db.prepare(/* sql */ `
    DELETE FROM calls WHERE step_id IN (SELECT id FROM steps WHERE visit_id IN (SELECT value FROM json_each(@ids)))`);
  const visitAudit = db.prepare(/* sql */ `
    UPDATE audit_log SET detail = NULL
    WHERE detail IS NOT NULL AND subject IN (
      SELECT 'step:' || id FROM steps WHERE visit_id IN (SELECT value FROM json_each(@ids))
      UNION ALL SELECT 'visit:' || value FROM json_each(@ids))`);
  const visitEvents = db.prepare(/* sql */ `
    DELETE FROM events WHERE hub_id = @hubId AND visit_id IN (SELECT value FROM json_each(@ids))`);
  const visitKeys = db.prepare(/* sql */ `DELETE FROM idempotency_keys WHERE visit_id IN (SELECT value FROM json_each(@ids))`);

  return {
    /**
     * The seq range [from, to) of a hub's events written before `before`: everything older
     * than the first event to keep. Empty (from === to) when there is nothing to prune.
     */
    eventsToPrune: (hubId: number, before: number): { from: number; to: number } => {
      const first = firstEvent.get(hubId)?.seq;
      if (first === undefined) return { from: 0, to: 0 };
      const to = firstEventFrom.get(hubId, before)?.seq ?? lastSeq.get(hubId)!.last_seq + 1;
      return { from: first, to: Math.max(first, to) };
    },
    deleteEvents: (hubId: number, from: number, to: number): number => deleteEvents.run({ hubId, from, to }).changes,
    deleteIdempotencyKeysBefore: (before: number): number => deleteKeys.run(before).changes,
    /**
     * Anonymises a hub's ended visits that arrived before `before`: the token (the phone link)
     * and needs go, and so does what names the visit elsewhere. Numbers, times, language,
     * steps and referral reasons stay for the reports. Returns how many visits.
     */
    anonymiseVisitsBefore: (hubId: number, before: number, now: number): number => {
      const ids = anonymise.all({ hubId, before, now }).map((r) => r.id);
      if (ids.length === 0) return 0;
      const json = JSON.stringify(ids);
      visitNotes.run({ ids: json, now });
      visitCalls.run({ ids: json });
      visitAudit.run({ ids: json });
      visitEvents.run({ hubId, ids: json });
      visitKeys.run({ ids: json });
      return ids.length;
    },
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
