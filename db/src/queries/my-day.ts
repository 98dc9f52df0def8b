import type { Db } from '../open.js';

interface DayRow { served: number; referred: number; mean_ms: number | null }

/** A staff member's own day: what they ended since a moment (the hub's local midnight). */
export function myDayQueries(db: Db) {
  // a step finished straight from "called" has no start: its time at the desk runs from the call
  // through today's visits (their unique index), so the day costs its own rows, not the history's
  const byDay = db.prepare<{ hubId: number; day: string; userId: number; since: number }, DayRow>(/* sql */ `
    SELECT count(*) FILTER (WHERE s.status = 'done') AS served,
           count(*) FILTER (WHERE s.status = 'referred') AS referred,
           avg(s.ended_at - coalesce(s.started_at, s.called_at)) FILTER (WHERE s.status = 'done') AS mean_ms
    FROM visits v JOIN steps s ON s.visit_id = v.id
    WHERE v.hub_id = @hubId AND v.day = @day AND s.user_id = @userId AND s.ended_at >= @since
      AND s.status IN ('done', 'referred')`);
  return {
    /** `day` is the hub's local date (visits are numbered by it), `since` its midnight in ms. */
    myDay: (hubId: number, userId: number, day: string, since: number): { served: number; referred: number; meanMs: number | null } => {
      const r = byDay.get({ hubId, day, userId, since })!;
      return { served: r.served, referred: r.referred, meanMs: r.mean_ms };
    },
  };
}
