import type { UserRecord } from '@luukku/db';
import { write, type CommandContext } from './context.js';
import { releaseUserDesks } from './desks.js';

/**
 * One change by the hub coordinator: applied in one transaction with its audit row (who,
 * what, when) and a `catalog` event, so kiosks, displays and consoles reload what they show.
 */
export function adminChange<T>(
  ctx: CommandContext,
  admin: UserRecord,
  action: string,
  subject: string,
  detail: unknown,
  apply: (now: number) => T,
): T {
  return write(ctx, admin.hubId, (w, now) => {
    const result = apply(now);
    // the catalogue held in memory is replaced with the change, before the next read sees it
    ctx.q.catalogChanged();
    ctx.q.audit({ hubId: admin.hubId, at: now, actorKind: 'user', actorId: admin.id, action, subject, detail });
    w.emit('catalog', { changed: action });
    return result;
  });
}

/**
 * A change to a person's account that must take effect at once (rule 8): deactivation, a
 * password reset, a new role or new agencies. In the same transaction as the change, every
 * session of the user ends and their desk closes (a visitor they hold goes back to their
 * place in line). The caller then cuts the user's live sockets (`realtime.kickUser`).
 */
export function accountChange<T>(
  ctx: CommandContext,
  admin: UserRecord,
  targetUserId: number,
  action: string,
  detail: unknown,
  apply: (now: number) => T,
): T {
  return write(ctx, admin.hubId, (w, now) => {
    const result = apply(now);
    const sessions = ctx.q.deleteSessionsOfUser(targetUserId);
    const desks = releaseUserDesks(ctx.q, w, targetUserId, now);
    ctx.q.audit({
      hubId: admin.hubId, at: now, actorKind: 'user', actorId: admin.id, action, subject: `user:${targetUserId}`,
      detail: { ...(detail as object | null), endedSessions: sessions, closedDesks: desks },
    });
    w.emit('catalog', { changed: action });
    return result;
  });
}
