import type { UserRecord } from '@luukku/db';
import { write, type CommandContext } from './context.js';

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
    ctx.q.audit({ hubId: admin.hubId, at: now, actorKind: 'user', actorId: admin.id, action, subject, detail });
    w.emit('catalog', { changed: action });
    return result;
  });
}
