import { startOfLocalDay } from '@luukku/shared';
import type { CommandContext } from './context.js';

export interface PurgeResult {
  notesDeleted: number;
  visitsAnonymised: number;
  sessionsDeleted: number;
}

/**
 * Rule 6: free-text notes live until the end of their day; visits are anonymised after the
 * hub's retention period; aggregate numbers stay. Runs at start-up and every few minutes, so a
 * server that was off at midnight catches up when it starts.
 */
export function purgeExpired(ctx: CommandContext): PurgeResult {
  const now = ctx.now();
  const result: PurgeResult = { notesDeleted: 0, visitsAnonymised: 0, sessionsDeleted: 0 };
  ctx.q.transaction(() => {
    for (const hub of ctx.q.hubs()) {
      const today = startOfLocalDay(now, hub.timeZone);
      result.notesDeleted += ctx.q.deleteNotesBefore(hub.id, today, now.getTime());
      const cutoff = today - hub.visitRetentionDays * 24 * 3600 * 1000;
      result.visitsAnonymised += ctx.q.anonymiseVisitsBefore(hub.id, cutoff, now.getTime());
    }
    result.sessionsDeleted = ctx.q.deleteExpiredSessions(now.getTime());
  });
  return result;
}
