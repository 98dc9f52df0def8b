import type { Db } from '../open.js';
import type { EventRecord, ReferralRecord } from '../records.js';
import type { VisitorLanguage } from '@luukku/shared';

interface ReferralRow {
  id: number; hub_id: number; visit_id: number; from_step_id: number; to_step_id: number; from_agency_id: number;
  to_agency_id: number; reason: string; placement: string; note: string | null; note_deleted_at: number | null;
  note_for_agency_id: number | null;
  by_user_id: number | null; created_at: number;
}
interface EventRow { seq: number; type: string; zone: string | null; agency_ids: string | null; visit_id: number | null; data: string; at: number }

const toReferral = (r: ReferralRow): ReferralRecord => ({
  id: r.id, hubId: r.hub_id, visitId: r.visit_id, fromStepId: r.from_step_id, toStepId: r.to_step_id,
  fromAgencyId: r.from_agency_id, toAgencyId: r.to_agency_id, reason: r.reason as ReferralRecord['reason'],
  placement: r.placement as ReferralRecord['placement'], note: r.note, noteDeletedAt: r.note_deleted_at,
  noteForAgencyId: r.note_for_agency_id,
  byUserId: r.by_user_id, createdAt: r.created_at,
});

const toEvent = (r: EventRow): EventRecord => ({
  seq: r.seq, type: r.type, zone: r.zone, agencyIds: r.agency_ids ? JSON.parse(r.agency_ids) : null,
  visitId: r.visit_id, data: JSON.parse(r.data), at: r.at,
});

/** Referrals, calls, events and the audit log: the history of the hub. */
export function historyQueries(db: Db, seqMoved: (hubId: number, lastSeq: number) => void = () => {}) {
  const insertReferral = db.prepare(/* sql */ `
    INSERT INTO referrals (hub_id, visit_id, from_step_id, to_step_id, from_agency_id, to_agency_id, reason, placement, note, note_for_agency_id, by_user_id, created_at)
    VALUES (@hubId, @visitId, @fromStepId, @toStepId, @fromAgencyId, @toAgencyId, @reason, @placement, @note, @noteForAgencyId, @byUserId, @createdAt)`);
  const referralsOfVisit = db.prepare<[number], ReferralRow>(/* sql */ `SELECT * FROM referrals WHERE visit_id = ? ORDER BY id`);
  const referralToStep = db.prepare<[number], ReferralRow>(/* sql */ `SELECT * FROM referrals WHERE to_step_id = ?`);
  const deleteNotes = db.prepare(/* sql */ `
    UPDATE referrals SET note = NULL, note_deleted_at = @now WHERE hub_id = @hubId AND note IS NOT NULL AND created_at < @before`);
  const insertCall = db.prepare(/* sql */ `
    INSERT INTO calls (hub_id, step_id, desk_id, user_id, recall, at) VALUES (@hubId, @stepId, @deskId, @userId, @recall, @at)`);
  const recentCalls = db.prepare<{ hubId: number; zone: string | null; limit: number; since: number }, {
    id: number; step_id: number; desk_id: number; recall: number; at: number; number: string; language: VisitorLanguage;
    desk_name: string; zone: string; agency_id: number; color: string;
  }>(/* sql */ `
    SELECT c.id, c.step_id, c.desk_id, c.recall, c.at, v.number, v.language, d.name AS desk_name, d.zone,
           a.id AS agency_id, a.color
    FROM calls c
    JOIN steps s ON s.id = c.step_id
    JOIN visits v ON v.id = s.visit_id
    JOIN desks d ON d.id = c.desk_id
    JOIN services sv ON sv.id = s.service_id
    JOIN agencies a ON a.id = sv.agency_id
    WHERE c.hub_id = @hubId AND c.at >= @since AND (@zone IS NULL OR d.zone = @zone)
    ORDER BY c.id DESC LIMIT @limit`);
  const bumpSeqBy = db.prepare<[number, number], { last_seq: number }>(/* sql */ `
    UPDATE hubs SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq`);
  const lastSeq = db.prepare<[number], { last_seq: number }>(/* sql */ `SELECT last_seq FROM hubs WHERE id = ?`);
  // a command's events in one INSERT: one statement per count of rows, prepared when first needed
  const eventChunk = 50;
  const insertEventRows = new Map<number, ReturnType<Db['prepare']>>();
  const insertEvents = (n: number) => {
    let st = insertEventRows.get(n);
    if (!st) {
      st = db.prepare(/* sql */ `
        INSERT INTO events (hub_id, seq, type, zone, agency_ids, visit_id, data, at)
        VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
      insertEventRows.set(n, st);
    }
    return st;
  };
  const eventsSince = db.prepare<[number, number, number], EventRow>(/* sql */ `
    SELECT seq, type, zone, agency_ids, visit_id, data, at FROM events WHERE hub_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const visitEventsSince = db.prepare<[number, number, number], EventRow>(/* sql */ `
    SELECT seq, type, zone, agency_ids, visit_id, data, at FROM events
    WHERE visit_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  // INDEXED BY: on a table without statistics the planner would walk the primary key back to `since`
  const latestOfType = (type: 'queues' | 'catalog') =>
    db.prepare<[number, number], EventRow>(/* sql */ `
      SELECT seq, type, zone, agency_ids, visit_id, data, at FROM events INDEXED BY events_${type}
      WHERE hub_id = ? AND type = '${type}' AND seq > ? ORDER BY seq DESC LIMIT 1`);
  const latestCatalog = latestOfType('catalog');
  const queuesSince = db.prepare<[number, number, number], EventRow>(/* sql */ `
    SELECT seq, type, zone, agency_ids, visit_id, data, at FROM events INDEXED BY events_queues
    WHERE hub_id = ? AND type = 'queues' AND seq > ? ORDER BY seq LIMIT ?`);
  const insertAudit = db.prepare(/* sql */ `
    INSERT INTO audit_log (hub_id, at, actor_kind, actor_id, action, subject, detail)
    VALUES (@hubId, @at, @actorKind, @actorId, @action, @subject, @detail)`);

  return {
    insertReferral: (r: Omit<ReferralRecord, 'id' | 'noteDeletedAt'>): number =>
      Number(insertReferral.run(r).lastInsertRowid),
    referralsOfVisit: (visitId: number): ReferralRecord[] => referralsOfVisit.all(visitId).map(toReferral),
    referralToStep: (stepId: number): ReferralRecord | undefined => {
      const r = referralToStep.get(stepId);
      return r && toReferral(r);
    },
    deleteNotesBefore: (hubId: number, before: number, now: number): number => deleteNotes.run({ hubId, before, now }).changes,
    insertCall: (c: { hubId: number; stepId: number; deskId: number; userId: number | null; recall: boolean; at: number }): void => {
      insertCall.run({ ...c, recall: c.recall ? 1 : 0 });
    },
    /** The newest calls since `since` (the start of the hub's day), newest first, for a display's first paint. */
    recentCalls: (hubId: number, zone: string | null, limit: number, since: number) =>
      recentCalls.all({ hubId, zone, limit, since }).map((r) => ({
        callId: r.id, stepId: r.step_id, deskId: r.desk_id, recall: r.recall === 1, at: r.at, number: r.number,
        language: r.language, deskName: r.desk_name, zone: r.zone, agencyId: r.agency_id, color: r.color,
      })),
    /**
     * Appends a command's events with consecutive sequence numbers after one bump of the hub's
     * counter (not one per event); call inside the change's transaction. Returns the seqs in order.
     */
    appendEvents: (hubId: number, events: readonly Omit<EventRecord, 'seq'>[]): number[] => {
      if (events.length === 0) return [];
      const last = bumpSeqBy.get(events.length, hubId)!.last_seq;
      seqMoved(hubId, last);
      const first = last - events.length + 1;
      const seqs = events.map((_, i) => first + i);
      for (let from = 0; from < events.length; from += eventChunk) {
        const chunk = events.slice(from, from + eventChunk);
        insertEvents(chunk.length).run(
          chunk.flatMap((e, i) => [
            hubId, seqs[from + i], e.type, e.zone, e.agencyIds ? JSON.stringify(e.agencyIds) : null, e.visitId, JSON.stringify(e.data), e.at,
          ]),
        );
      }
      return seqs;
    },
    lastSeq: (hubId: number): number => lastSeq.get(hubId)?.last_seq ?? 0,
    eventsSince: (hubId: number, since: number, limit: number): EventRecord[] => eventsSince.all(hubId, since, limit).map(toEvent),
    /** A visit's own events after `since` (only `visit` events carry a visit id). */
    visitEventsSince: (visitId: number, since: number, limit: number): EventRecord[] =>
      visitEventsSince.all(visitId, since, limit).map(toEvent),
    /**
     * What a public screen replays after `since`: every `queues` event (each carries the lines it
     * changed and the moves, so none supersedes another), up to `limit`, and the newest `catalog`
     * event (which does supersede the ones before it).
     */
    publicSince: (hubId: number, since: number, limit: number): EventRecord[] =>
      [...queuesSince.all(hubId, since, limit), latestCatalog.get(hubId, since)]
        .filter((r): r is EventRow => r !== undefined)
        .sort((x, y) => x.seq - y.seq)
        .map(toEvent),
    audit: (a: { hubId: number | null; at: number; actorKind: string; actorId: number | null; action: string; subject: string | null; detail: unknown }): void => {
      insertAudit.run({ ...a, detail: a.detail === undefined ? null : JSON.stringify(a.detail) });
    },
  };
}
