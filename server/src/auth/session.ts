import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRecord } from '@luukku/db';
import { hashToken, newToken } from './secrets.js';
import { sessionCookie } from '../plugins/auth.js';
import { openingHub, weekdayIn } from '../domain/hubs.js';

/**
 * Starts a staff session for a user who has proven who they are (a password, or the
 * organisation's sign-in): one session row with its audit row, and the http-only cookie.
 * `idToken` is the OpenID ID token, kept with the session (never in the browser) for logout.
 * The session opens in the hub the user is rostered to today on that hub's clock, else their
 * home hub (issue 12 §1); that hub is returned.
 */
export function startSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  user: UserRecord,
  options: { idToken?: string; detail?: Record<string, unknown> } = {},
): number {
  const at = app.config.now();
  const now = at.getTime();
  const hubId = openingHub(app.q.roster(user.id), user.hubId, (id) => weekdayIn(at, app.q.hub(id)!.timeZone)) ?? user.hubId;
  const token = newToken(32);
  app.q.transaction(() => {
    app.q.deleteExpiredSessions(now);
    app.q.insertSession(hashToken(token), user.id, now, now + app.config.sessionHours * 3600_000, app.config.sessionIdleMinutes * 60_000, hubId);
    if (options.idToken) app.q.setSessionIdToken(hashToken(token), options.idToken);
    app.q.audit({ hubId, at: now, actorKind: 'user', actorId: user.id, action: 'auth.login', subject: null, detail: options.detail ?? null });
  });
  // no Max-Age: the browser forgets the cookie when it closes, so a shared desk PC does not
  // keep the login; the server ends the session itself when idle or at its absolute limit
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: (app.config.publicUrl?.startsWith('https:') ?? false) || req.protocol === 'https',
  });
  return hubId;
}
