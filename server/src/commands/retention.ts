import { localMoment, startOfLocalDay } from '@luukku/shared';
import { write, type CommandContext } from './context.js';
import { emitQueues } from './events.js';

export interface PurgeResult {
  visitsClosed: number;
  notesDeleted: number;
  visitsAnonymised: number;
  sessionsDeleted: number;
  /** Whether the write-ahead log was emptied after deleting (false: nothing deleted, or a reader held it). */
  walTruncated: boolean;
}

/**
 * Rule 6: free-text notes live until the end of their day; visits are anonymised after the
 * hub's retention period; aggregate numbers stay. Runs at start-up and every few minutes, so a
 * server that was off at midnight catches up when it starts.
 */
export function purgeExpired(ctx: CommandContext, notesKeepDays = 0): PurgeResult {
  const now = ctx.now();
  const result: PurgeResult = { visitsClosed: 0, notesDeleted: 0, visitsAnonymised: 0, sessionsDeleted: 0, walTruncated: false };
  // visitors still in line at closing are not called tomorrow: their visit ends with the day
  for (const hub of ctx.q.hubs()) {
    const today = localMoment(now, hub.timeZone).date;
    result.visitsClosed += write(ctx, hub.id, (w, at) => {
      const closed = ctx.q.closeStaleVisits(hub.id, today, at);
      if (closed > 0) emitQueues(ctx.q, w, hub);
      return closed;
    });
  }
  ctx.q.transaction(() => {
    for (const hub of ctx.q.hubs()) {
      const today = startOfLocalDay(now, hub.timeZone);
      const dayMs = 24 * 3600 * 1000;
      result.notesDeleted += ctx.q.deleteNotesBefore(hub.id, today - notesKeepDays * dayMs, now.getTime());
      const cutoff = today - hub.visitRetentionDays * dayMs;
      result.visitsAnonymised += ctx.q.anonymiseVisitsBefore(hub.id, cutoff, now.getTime());
    }
    result.sessionsDeleted = ctx.q.deleteExpiredSessions(now.getTime());
  });
  // secure_delete zeroed the rows in the pages the WAL now holds; the checkpoint writes those
  // pages over the main file's, and truncation drops older frames that still hold the text
  if (result.notesDeleted + result.visitsAnonymised + result.sessionsDeleted > 0) result.walTruncated = ctx.q.checkpoint();
  return result;
}
