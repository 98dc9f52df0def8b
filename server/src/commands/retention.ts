import { localMoment, startOfLocalDay } from '@luukku/shared';
import { write, type CommandContext } from './context.js';
import { emitQueues, emitVisit } from './events.js';
import { deletePrintsBefore } from '../printing/prints-retention.js';

export interface PurgeResult {
  visitsClosed: number;
  notesDeleted: number;
  visitsAnonymised: number;
  sessionsDeleted: number;
  eventsDeleted: number;
  idempotencyKeysDeleted: number;
  printsDeleted: number;
  appointmentsDeleted: number;
  /** Whether the write-ahead log was emptied after deleting (false: nothing deleted, or a reader held it). */
  walTruncated: boolean;
}

const dayMs = 24 * 3600 * 1000;
/** A kiosk retries a lost answer within seconds; an hour is plenty, and the key holds a hash of the visitor's needs. */
export const idempotencyKeepMs = 3600 * 1000;
/** Events are deleted in slices, so the purge after a busy day never holds the write lock for long. */
const eventSlice = 5000;

/**
 * Rule 6: free-text notes live until the end of their day; visits are anonymised after the
 * hub's retention period; aggregate numbers stay. Events live until the end of their local day:
 * every screen loads a new snapshot for a new day, and `sync` answers a pruned range with
 * `reset`. The file printer's tickets under `files.dataDir` follow the notes. Runs at start-up
 * and every few minutes, so a server that was off at midnight catches up when it starts.
 */
export function purgeExpired(ctx: CommandContext, notesKeepDays = 0, files?: { dataDir: string }): PurgeResult {
  const now = ctx.now();
  const result: PurgeResult = {
    visitsClosed: 0, notesDeleted: 0, visitsAnonymised: 0, sessionsDeleted: 0, eventsDeleted: 0, idempotencyKeysDeleted: 0, printsDeleted: 0, appointmentsDeleted: 0, walTruncated: false,
  };
  // the hubs' retention settings have no API yet and an operator may set them in the database:
  // the job reads them afresh rather than from the catalogue held in memory (every few minutes)
  ctx.q.catalogChanged();
  // visitors still in line at closing are not called tomorrow: their visit ends with the day
  for (const hub of ctx.q.hubs()) {
    const today = localMoment(now, hub.timeZone).date;
    result.visitsClosed += write(ctx, hub.id, (w, at) => {
      const closed = ctx.q.closeStaleVisits(hub.id, today, at);
      // an appointment of an earlier day that never checked in was missed
      ctx.q.markMissedAppointments(hub.id, today, at);
      if (closed.length > 0) emitQueues(ctx.q, w, hub, at, 'all');
      // a page left open on an earlier day's number hears that it has ended
      for (const id of closed) emitVisit(ctx.q, w, hub, ctx.q.visit(id)!, { expired: true });
      return closed.length;
    });
  }
  ctx.q.transaction(() => {
    for (const hub of ctx.q.hubs()) {
      const today = startOfLocalDay(now, hub.timeZone);
      result.notesDeleted += ctx.q.deleteNotesBefore(hub.id, today - notesKeepDays * dayMs, now.getTime());
      const cutoff = today - hub.visitRetentionDays * dayMs;
      result.visitsAnonymised += ctx.q.anonymiseVisitsBefore(hub.id, cutoff, now.getTime());
      // an appointment holds needs and a time: it goes with the visits of its day
      result.appointmentsDeleted += ctx.q.deleteAppointmentsBefore(hub.id, cutoff);
    }
    result.sessionsDeleted = ctx.q.deleteExpiredSessions(now.getTime());
    result.idempotencyKeysDeleted = ctx.q.deleteIdempotencyKeysBefore(now.getTime() - idempotencyKeepMs);
    // push subscriptions go when their visit ends; this catches one whose cleanup a stop interrupted
    ctx.q.deletePushSubscriptionsOfEndedVisits();
  });
  for (const hub of ctx.q.hubs()) {
    const { from, to } = ctx.q.eventsToPrune(hub.id, startOfLocalDay(now, hub.timeZone));
    for (let s = from; s < to; s += eventSlice) {
      result.eventsDeleted += ctx.q.transaction(() => ctx.q.deleteEvents(hub.id, s, Math.min(s + eventSlice, to)));
    }
  }
  if (files) {
    // the folder is shared by the server's hubs: a ticket goes when every hub's day has ended
    const cutoffs = ctx.q.hubs().map((hub) => {
      const today = startOfLocalDay(now, hub.timeZone);
      return Math.max(today - notesKeepDays * dayMs, today - hub.visitRetentionDays * dayMs);
    });
    if (cutoffs.length > 0) result.printsDeleted = deletePrintsBefore(files.dataDir, Math.min(...cutoffs));
  }
  // secure_delete zeroed the rows in the pages the WAL now holds; the checkpoint writes those
  // pages over the main file's, and truncation drops older frames that still hold the text
  if (deletedAnything(result)) result.walTruncated = ctx.q.checkpoint();
  return result;
}

export function deletedAnything(r: PurgeResult): boolean {
  return r.notesDeleted + r.visitsAnonymised + r.sessionsDeleted + r.eventsDeleted + r.idempotencyKeysDeleted + r.printsDeleted + r.appointmentsDeleted > 0;
}
