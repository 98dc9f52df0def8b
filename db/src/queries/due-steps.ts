import type { Db } from '../open.js';
import type { StepRecord } from '../records.js';
import { toStep } from './visits.js';

/**
 * What the due-steps timer asks (server/src/plugins/due-steps.ts): which waiting steps a
 * later queue time kept behind the line (an appointment checked in early) and when the next
 * of them comes due. Both read the partial index of waiting steps, which holds only the people
 * in the lines now.
 */
export function dueStepQueries(db: Db) {
  // a step that was due when it joined (queue time at or before its creation) was put in its
  // place by the command that added it: only those that waited for their time are news
  const comingDue = db.prepare<{ after: number; upTo: number }, Parameters<typeof toStep>[0]>(/* sql */ `
    SELECT * FROM steps INDEXED BY steps_waiting_oldest
    WHERE status = 'waiting' AND queue_time > @after AND queue_time <= @upTo AND created_at < queue_time
    ORDER BY hub_id, service_id, priority DESC, queue_time, id`);
  const nextDue = db.prepare<[number], { t: number | null }>(/* sql */ `
    SELECT min(queue_time) AS t FROM steps INDEXED BY steps_waiting_oldest WHERE status = 'waiting' AND queue_time > ?`);
  const lastEventAt = db.prepare<[number], { at: number }>(/* sql */ `
    SELECT at FROM events WHERE hub_id = ? ORDER BY seq DESC LIMIT 1`);
  return {
    /** Waiting steps, of every hub, whose queue time came in (after, upTo] after they joined. */
    stepsComingDue: (after: number, upTo: number): StepRecord[] => comingDue.all({ after, upTo }).map(toStep),
    /** The nearest queue time after `now` among waiting steps of every hub, or null. */
    nextStepDue: (now: number): number | null => nextDue.get(now)?.t ?? null,
    /** When the hub's latest event was written, or null. */
    lastEventAt: (hubId: number): number | null => lastEventAt.get(hubId)?.at ?? null,
  };
}
