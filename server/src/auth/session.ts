import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRecord } from '@luukku/db';
import { hashToken, newToken } from './secrets.js';
import { sessionCookie } from '../plugins/auth.js';

/**
 * Starts a staff session for a user who has proven who they are (a password, or the
 * organisation's sign-in): one session row with its audit row, and the http-only cookie.
 * `idToken` is the OpenID ID token, kept with the session (never in the browser) for logout.
 */
export function startSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  user: UserRecord,
  options: { idToken?: string; detail?: Record<string, unknown> } = {},
): void {
  const now = app.config.now().getTime();
  const token = newToken(32);
  app.q.transaction(() => {
    app.q.deleteExpiredSessions(now);
    app.q.insertSession(hashToken(token), user.id, now, now + app.config.sessionHours * 3600_000, app.config.sessionIdleMinutes * 60_000);
    if (options.idToken) app.q.setSessionIdToken(hashToken(token), options.idToken);
    app.q.audit({ hubId: user.hubId, at: now, actorKind: 'user', actorId: user.id, action: 'auth.login', subject: null, detail: options.detail ?? null });
  });
  // no Max-Age: the browser forgets the cookie when it closes, so a shared desk PC does not
  // keep the login; the server ends the session itself when idle or at its absolute limit
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: (app.config.publicUrl?.startsWith('https:') ?? false) || req.protocol === 'https',
  });
}
