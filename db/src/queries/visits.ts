import type { QueryCache } from '../cache.js';
import type { Db } from '../open.js';
import type { StepRecord, VisitRecord } from '../records.js';
import type { VisitorLanguage } from '@luukku/shared';

interface VisitRow {
  id: number; hub_id: number; day: string; number: string; token: string; language: VisitorLanguage; needs: string;
  status: string; arrived_at: number; ended_at: number | null;
  feedback_given: number;
}
interface StepRow {
  id: number; hub_id: number; visit_id: number; service_id: number; position: number; status: string;
  queue_time: number | null; priority: number; desk_id: number | null; user_id: number | null;
  created_at: number; called_at: number | null; started_at: number | null; ended_at: number | null;
}

const toVisit = (r: VisitRow): VisitRecord => ({
  id: r.id, hubId: r.hub_id, day: r.day, number: r.number, token: r.token, language: r.language,
  needs: JSON.parse(r.needs), status: r.status as VisitRecord['status'], arrivedAt: r.arrived_at, endedAt: r.ended_at,
  feedbackGiven: r.feedback_given === 1,
});

export const toStep = (r: StepRow): StepRecord => ({
  id: r.id, hubId: r.hub_id, visitId: r.visit_id, serviceId: r.service_id, position: r.position,
  status: r.status as StepRecord['status'], queueTime: r.queue_time, priority: r.priority, deskId: r.desk_id,
  userId: r.user_id, createdAt: r.created_at, calledAt: r.called_at, startedAt: r.started_at, endedAt: r.ended_at,
});

/** The fields a transition may change; the rest stay as they are. */
export interface StepChanges {
  status: StepRecord['status'];
  queueTime?: number | null;
  priority?: number;
  deskId?: number | null;
  userId?: number | null;
  calledAt?: number | null;
  startedAt?: number | null;
  endedAt?: number | null;
}

export function visitQueries(db: Db, cache: QueryCache) {
  const nextNumber = db.prepare<[number, string, string], { last: number }>(/* sql */ `
    INSERT INTO day_counters (hub_id, day, prefix, last) VALUES (?, ?, ?, 1)
    ON CONFLICT (hub_id, day, prefix) DO UPDATE SET last = last + 1
    RETURNING last`);
  const idempotency = db.prepare<[number, string], { visit_id: number; request_hash: string }>(/* sql */ `
    SELECT visit_id, request_hash FROM idempotency_keys WHERE hub_id = ? AND key = ?`);
  const insertIdempotency = db.prepare(/* sql */ `
    INSERT INTO idempotency_keys (hub_id, key, visit_id, request_hash, created_at) VALUES (@hubId, @key, @visitId, @requestHash, @now)`);
  const insertVisit = db.prepare(/* sql */ `
    INSERT INTO visits (hub_id, day, number, token, language, needs, device_id, issued_by_user_id, arrived_at)
    VALUES (@hubId, @day, @number, @token, @language, @needs, @deviceId, @userId, @arrivedAt)`);
  const visitById = db.prepare<[number], VisitRow>(/* sql */ `SELECT * FROM visits WHERE id = ?`);
  const visitByToken = db.prepare<[string], VisitRow>(/* sql */ `SELECT * FROM visits WHERE token = ?`);
  const endVisit = db.prepare(/* sql */ `
    UPDATE visits SET status = @status, ended_at = @now WHERE id = @id AND status = 'active'`);
  const insertStep = db.prepare(/* sql */ `
    INSERT INTO steps (hub_id, visit_id, service_id, position, status, queue_time, priority, placement, created_at)
    VALUES (@hubId, @visitId, @serviceId, @position, @status, @queueTime, @priority, @placement, @now)`);
  const stepById = db.prepare<[number], StepRow>(/* sql */ `SELECT * FROM steps WHERE id = ?`);
  const stepsOfVisit = db.prepare<[number], StepRow>(/* sql */ `SELECT * FROM steps WHERE visit_id = ? ORDER BY position`);
  const maxPosition = db.prepare<[number], { p: number | null }>(/* sql */ `SELECT max(position) AS p FROM steps WHERE visit_id = ?`);
  // Every transition names the status it expects: if another desk got there first, nothing changes.
  const updateStep = db.prepare(/* sql */ `
    UPDATE steps SET status = @status, queue_time = @queueTime, priority = @priority, desk_id = @deskId,
      user_id = @userId, called_at = @calledAt, started_at = @startedAt, ended_at = @endedAt
    WHERE id = @id AND status = @expected`);
  // The line's order (shared/src/lines.ts compareLinePlaces says the same): everyone already
  // due (queue time now or past) by priority, queue time and step; then those whose queue time
  // is still ahead (an appointment checked in early), in the same order. So an early arrival
  // waits its turn, and is called early only when nobody due is waiting. A desk that is not
  // accessible passes over visitors who asked for one (issue 11 §1).
  const fits = /* sql */ `(@deskAccessible = 1 OR NOT EXISTS (
          SELECT 1 FROM visits v WHERE v.id = steps.visit_id AND json_extract(v.needs, '$.accessible') = 1))`;
  const claimNext = db.prepare<{ services: string; deskId: number; userId: number | null; now: number; deskAccessible: number }, StepRow>(/* sql */ `
    UPDATE steps SET status = 'called', desk_id = @deskId, user_id = @userId, called_at = @now
    WHERE id = coalesce(
      (SELECT id FROM steps
       WHERE status = 'waiting' AND service_id IN (SELECT value FROM json_each(@services)) AND (queue_time > @now) IS NOT 1
         AND ${fits}
       ORDER BY priority DESC, queue_time, id LIMIT 1),
      (SELECT id FROM steps
       WHERE status = 'waiting' AND service_id IN (SELECT value FROM json_each(@services)) AND queue_time > @now
         AND ${fits}
       ORDER BY priority DESC, queue_time, id LIMIT 1)
    ) AND status = 'waiting'
    RETURNING *`);
  const activeStepOfDesk = db.prepare<[number], StepRow>(/* sql */ `
    SELECT * FROM steps WHERE desk_id = ? AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1`);
  const activeSteps = db.prepare<[number], StepRow>(/* sql */ `
    SELECT * FROM steps WHERE hub_id = ? AND status IN ('called', 'serving')`);
  // People ahead of / behind a step, each side as index ranges of steps_waiting (priority
  // DESC, queue_time, id), so a count walks only the people it counts, not the whole line.
  // Ahead is counted up to a cap; past it, ahead = the line's count - 1 - behind, and behind
  // is short for anyone near the back (a visitor just issued has nobody behind).
  // Each side is counted within one part of the line: the steps already due, or those whose
  // queue time is still ahead (which all come after the due ones; see claimNext).
  const side = (cmp: '<' | '>', part: 'due' | 'future') => {
    const later = cmp === '>';
    const within = part === 'due' ? '(queue_time > @now) IS NOT 1' : 'queue_time > @now';
    return /* sql */ `
      SELECT 1 FROM steps WHERE service_id = @serviceId AND status = 'waiting' AND priority ${later ? '<' : '>'} @priority AND ${within}
      UNION ALL
      SELECT 1 FROM steps WHERE service_id = @serviceId AND status = 'waiting' AND priority = @priority AND queue_time ${cmp} @queueTime AND ${within}
      UNION ALL
      SELECT 1 FROM steps WHERE service_id = @serviceId AND status = 'waiting' AND priority = @priority AND queue_time = @queueTime AND id ${cmp} @id`;
  };
  type Place = { serviceId: number; priority: number; queueTime: number; id: number; now: number };
  const aheadUpTo = db.prepare<Place & { cap: number }, { n: number }>(`SELECT count(*) AS n FROM (${side('<', 'due')} LIMIT @cap)`);
  const behind = db.prepare<Place, { n: number }>(`SELECT count(*) AS n FROM (${side('>', 'due')})`);
  const futureAhead = db.prepare<Place, { n: number }>(`SELECT count(*) AS n FROM (${side('<', 'future')})`);
  const futureCount = db.prepare<[number, number], { n: number }>(/* sql */ `
    SELECT count(*) AS n FROM steps INDEXED BY steps_waiting_oldest WHERE service_id = ? AND status = 'waiting' AND queue_time > ?`);
  const lineCount = db.prepare<[number], { n: number }>(/* sql */ `SELECT waiting AS n FROM queue_counts WHERE service_id = ?`);
  const aheadCap = 200;
  // one row per line from the trigger-kept counts (009), and one index probe per non-empty line
  const waitingCounts = db.prepare<[number], { service_id: number; n: number; oldest: number }>(/* sql */ `
    SELECT c.service_id, c.waiting AS n,
      (SELECT min(s.queue_time) FROM steps s INDEXED BY steps_waiting_oldest
       WHERE s.service_id = c.service_id AND s.status = 'waiting') AS oldest
    FROM queue_counts c WHERE c.hub_id = ? AND c.waiting > 0 ORDER BY c.service_id`);
  const waitingOfService = db.prepare<{ serviceId: number; now: number }, StepRow & { v_number: string; v_language: VisitorLanguage; v_needs: string; v_arrived_at: number; a_starts_at: number | null }>(/* sql */ `
    SELECT s.*, v.number AS v_number, v.language AS v_language, v.needs AS v_needs, v.arrived_at AS v_arrived_at,
      (SELECT a.starts_at FROM appointments a WHERE a.visit_id = s.visit_id AND a.service_id = s.service_id AND a.status = 'checked_in') AS a_starts_at
    FROM steps s JOIN visits v ON v.id = s.visit_id
    WHERE s.service_id = @serviceId AND s.status = 'waiting'
    ORDER BY (s.queue_time > @now) IS 1, s.priority DESC, s.queue_time, s.id`);
  // a visit belongs to its day: at the next day nobody is still waiting for yesterday's number
  const closeStaleSteps = db.prepare(/* sql */ `
    UPDATE steps SET status = 'cancelled', ended_at = @now
    WHERE hub_id = @hubId AND status IN ('planned', 'waiting', 'called', 'serving')
      AND visit_id IN (SELECT id FROM visits WHERE hub_id = @hubId AND day < @today AND status = 'active')`);
  const closeStaleVisits = db.prepare<{ hubId: number; today: string; now: number }, { id: number }>(/* sql */ `
    UPDATE visits SET status = 'cancelled', ended_at = @now WHERE hub_id = @hubId AND day < @today AND status = 'active'
    RETURNING id`);
  const recentDurations = db.prepare<[number, number], { ended_at: number; d: number }>(/* sql */ `
    SELECT ended_at, ended_at - started_at AS d FROM steps
    WHERE service_id = ? AND status = 'done' AND started_at IS NOT NULL
    ORDER BY ended_at DESC LIMIT ?`);
  /**
   * A step just finished: its duration joins its service's cached recent durations where the
   * query would put it (ended_at DESC; on a tie the newer row first, as the index walks back).
   */
  const finished = (serviceId: number, startedAt: number | null, endedAt: number | null): void => {
    const entry = cache.durations.get(serviceId);
    if (!entry || startedAt === null) return;
    if (endedAt === null) {
      cache.durations.delete(serviceId);
      return;
    }
    const at = entry.rows.findIndex((r) => r.endedAt <= endedAt);
    entry.rows.splice(at === -1 ? entry.rows.length : at, 0, { endedAt, d: endedAt - startedAt });
    if (entry.rows.length > entry.limit) entry.rows.length = entry.limit;
  };

  return {
    nextNumber: (hubId: number, day: string, prefix: string): number => nextNumber.get(hubId, day, prefix)!.last,
    idempotency: (hubId: number, key: string) => {
      const r = idempotency.get(hubId, key);
      return r && { visitId: r.visit_id, requestHash: r.request_hash };
    },
    insertIdempotency: (hubId: number, key: string, visitId: number, requestHash: string, now: number): void => {
      insertIdempotency.run({ hubId, key, visitId, requestHash, now });
    },
    insertVisit: (v: {
      hubId: number; day: string; number: string; token: string; language: VisitorLanguage; needs: object;
      deviceId: number | null; userId: number | null; arrivedAt: number;
    }): number => Number(insertVisit.run({ ...v, needs: JSON.stringify(v.needs) }).lastInsertRowid),
    visit: (id: number): VisitRecord | undefined => {
      const r = visitById.get(id);
      return r && toVisit(r);
    },
    visitByToken: (token: string): VisitRecord | undefined => {
      const r = visitByToken.get(token);
      return r && toVisit(r);
    },
    endVisit: (id: number, status: VisitRecord['status'], now: number): boolean => endVisit.run({ id, status, now }).changes === 1,
    insertStep: (s: {
      hubId: number; visitId: number; serviceId: number; position: number; status: StepRecord['status'];
      queueTime: number | null; priority: number; placement: string | null;
    }, now: number): number => {
      // a step written as already done (demo history) is not in the cached durations: reread them
      if (s.status === 'done') cache.durations.delete(s.serviceId);
      return Number(insertStep.run({ ...s, now }).lastInsertRowid);
    },
    step: (id: number): StepRecord | undefined => {
      const r = stepById.get(id);
      return r && toStep(r);
    },
    stepsOfVisit: (visitId: number): StepRecord[] => stepsOfVisit.all(visitId).map(toStep),
    maxPosition: (visitId: number): number => maxPosition.get(visitId)?.p ?? 0,
    /** Applies a transition if the step is still in `expected`; false when someone else won. */
    updateStep: (step: StepRecord, expected: StepRecord['status'], c: StepChanges): boolean => {
      const startedAt = c.startedAt !== undefined ? c.startedAt : step.startedAt;
      const endedAt = c.endedAt !== undefined ? c.endedAt : step.endedAt;
      const done = updateStep.run({
        id: step.id,
        expected,
        status: c.status,
        queueTime: c.queueTime !== undefined ? c.queueTime : step.queueTime,
        priority: c.priority ?? step.priority,
        deskId: c.deskId !== undefined ? c.deskId : step.deskId,
        userId: c.userId !== undefined ? c.userId : step.userId,
        calledAt: c.calledAt !== undefined ? c.calledAt : step.calledAt,
        startedAt,
        endedAt,
      }).changes === 1;
      if (done && c.status === 'done' && expected !== 'done') finished(step.serviceId, startedAt, endedAt);
      return done;
    },
    claimNext: (serviceIds: readonly number[], deskId: number, userId: number | null, now: number, deskAccessible: boolean): StepRecord | undefined => {
      const r = claimNext.get({ services: JSON.stringify(serviceIds), deskId, userId, now, deskAccessible: deskAccessible ? 1 : 0 });
      return r && toStep(r);
    },
    activeStepOfDesk: (deskId: number): StepRecord | undefined => {
      const r = activeStepOfDesk.get(deskId);
      return r && toStep(r);
    },
    activeSteps: (hubId: number): StepRecord[] => activeSteps.all(hubId).map(toStep),
    /** How many wait before this waiting step in its line, in the order claimNext calls at `now`. */
    peopleAhead: (s: StepRecord, now: number): number => {
      const place = { serviceId: s.serviceId, priority: s.priority, queueTime: s.queueTime ?? 0, id: s.id, now };
      if (place.queueTime > now) {
        // not yet due: everyone due goes first, then the not-yet-due ones ahead of it
        const due = (lineCount.get(s.serviceId)?.n ?? 0) - futureCount.get(s.serviceId, now)!.n;
        return due + futureAhead.get(place)!.n;
      }
      const ahead = aheadUpTo.get({ ...place, cap: aheadCap })!.n;
      if (ahead < aheadCap || s.status !== 'waiting') return ahead;
      const behindIt = behind.get(place)!.n + futureCount.get(s.serviceId, now)!.n;
      return (lineCount.get(s.serviceId)?.n ?? 0) - 1 - behindIt;
    },
    waitingCounts: (hubId: number) =>
      waitingCounts.all(hubId).map((r) => ({ serviceId: r.service_id, waiting: r.n, oldestQueueTime: r.oldest })),
    /** A line's waiting steps in call order at `now`, with when each appointment among them starts. */
    waitingOfService: (serviceId: number, now: number) =>
      waitingOfService.all({ serviceId, now }).map((r) => ({
        step: toStep(r),
        number: r.v_number,
        language: r.v_language,
        needs: JSON.parse(r.v_needs),
        arrivedAt: r.v_arrived_at,
        appointmentStartsAt: r.a_starts_at,
      })),
    /** Ends visits of earlier days still open at closing time; returns their ids. */
    closeStaleVisits: (hubId: number, today: string, now: number): number[] => {
      closeStaleSteps.run({ hubId, today, now });
      return closeStaleVisits.all({ hubId, today, now }).map((r) => r.id);
    },
    /** The last `limit` finished durations of a service, newest first: from memory after the first read. */
    recentServiceDurations: (serviceId: number, limit: number): number[] => {
      cache.fresh();
      let entry = cache.durations.get(serviceId);
      if (!entry || entry.limit !== limit) {
        entry = { limit, rows: recentDurations.all(serviceId, limit).map((r) => ({ endedAt: r.ended_at, d: r.d })) };
        cache.durations.set(serviceId, entry);
      }
      return entry.rows.map((r) => r.d);
    },
  };
}
