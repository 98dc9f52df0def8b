import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, ErrorBody, LoginBody, LogoutResult, Me, SwitchHubBody } from '@luukku/shared';
import type { UserRecord } from '@luukku/db';
import { hashPassword, hashToken, needsRehash, newToken, verifyPassword } from '../auth/secrets.js';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { requireActor, requireUser, sessionCookie, userInHub } from '../plugins/auth.js';
import { startSession } from '../auth/session.js';
import { mayEnterHub } from '../domain/access.js';
import { deskOf } from '../commands/load.js';
import { userMeView } from '../views/me.js';
import { perAddress } from '../plugins/request-limits.js';
import { deviceView } from '../views/catalog.js';

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // checked against for unknown usernames, so timing does not reveal which usernames exist
  let dummyHash: Promise<string> | undefined;
  const throttle = createLoginThrottle();

  const refuseWhileLocked = (reply: FastifyReply, waitMs: number): never => {
    const seconds = Math.ceil(waitMs / 1000);
    void reply.header('retry-after', String(seconds));
    throw new DomainError('TOO_MANY_ATTEMPTS', `Too many wrong passwords for this username; try again in ${seconds} s`);
  };

  /** Failed logins go to the audit log: who was tried, from where; never the password. */
  const auditFailure = (req: FastifyRequest, user: UserRecord | undefined, reason: string, now: number, lockedForMs: number) =>
    app.q.audit({
      hubId: user?.hubId ?? null,
      at: now,
      actorKind: 'anonymous',
      actorId: null,
      action: reason === 'locked' ? 'auth.login_refused' : 'auth.login_failed',
      // an unknown username is often a password typed in the wrong field: keep it out of the log
      subject: user ? `user:${user.id}` : null,
      detail: { reason, ip: req.ip, ...(lockedForMs > 0 ? { lockedForSeconds: Math.ceil(lockedForMs / 1000) } : {}) },
    });

  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: perAddress(app.config.loginRateLimitPerMinute) },
      schema: { tags: ['auth'], summary: 'Staff login; sets an http-only session cookie', body: LoginBody, response: { 200: Me, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody } },
    },
    async (req, reply) => {
      const username = req.body.username.toLowerCase();
      const user = app.q.userByUsername(username);
      if (!app.config.localPasswords && !app.config.breakGlassUsers.includes(username)) {
        auditFailure(req, user, 'local_passwords_off', app.config.now().getTime(), 0);
        throw new DomainError('LOCAL_LOGIN_DISABLED', "Passwords are turned off here: sign in with your organisation's account");
      }
      const wait = throttle.waitMs(username, app.config.now().getTime());
      if (wait > 0) {
        auditFailure(req, user, 'locked', app.config.now().getTime(), wait);
        refuseWhileLocked(reply, wait);
      }
      // counted as a failure until the password proves right, so that tries sent all at once
      // cannot slip past the lock-out while their hashes are still running
      const lockedFor = throttle.failed(username, app.config.now().getTime());
      dummyHash ??= hashPassword(newToken(), app.config.scryptLog2N);
      const ok = await verifyPassword(req.body.password, user?.passwordHash ?? (await dummyHash));
      const now = app.config.now().getTime();
      if (!user || !ok || !user.active) {
        auditFailure(req, user, !user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive', now, lockedFor);
        throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password');
      }
      throttle.succeeded(username);
      // the cost was raised since this password was set: the login is the one moment we can
      if (needsRehash(user.passwordHash, app.config.scryptLog2N)) {
        app.q.rehashPassword(user.id, await hashPassword(req.body.password, app.config.scryptLog2N));
      }
      const hubId = startSession(app, req, reply, user);
      return userMeView(app.q, userInHub(app.q, user, hubId), app.config.now());
    },
  );

  r.post(
    '/api/auth/hub',
    {
      schema: {
        tags: ['auth'],
        summary: "Moves the session to another of the user's hubs (any hub for a region admin); refused while the user's desk is open",
        body: SwitchHubBody,
        response: { 200: Me, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const target = app.q.hub(req.body.hubId);
      if (!target) throw new DomainError('HUB_NOT_FOUND', `No hub ${req.body.hubId}`);
      if (!mayEnterHub(user, target.id)) throw new DomainError('HUB_NOT_ASSIGNED', 'You are not assigned to that hub');
      // a desk left open would keep calling visitors in a hub the user no longer sees
      const desk = deskOf(app.q, user);
      if (desk !== null) throw new DomainError('DESK_STILL_OPEN', 'Close your desk before you switch hubs');
      const hash = hashToken(req.cookies[sessionCookie]!);
      const now = app.config.now();
      app.q.transaction(() => {
        app.q.setSessionHub(hash, target.id);
        const detail = { from: user.hubId, to: target.id };
        app.q.audit({ hubId: user.hubId, at: now.getTime(), actorKind: 'user', actorId: user.id, action: 'auth.hub_left', subject: `hub:${target.id}`, detail });
        app.q.audit({ hubId: target.id, at: now.getTime(), actorKind: 'user', actorId: user.id, action: 'auth.hub_entered', subject: `hub:${user.hubId}`, detail });
      });
      // the user's sockets reconnect into the new hub's rooms
      app.realtime.kickUser(user.id);
      return userMeView(app.q, userInHub(app.q, app.q.user(user.id)!, target.id), now);
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: "Ends the session; after an organisation sign-in, gives the identity provider's logout page", response: { 200: LogoutResult } } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      let logoutUrl: string | undefined;
      if (token) {
        const idToken = app.q.sessionIdToken(hashToken(token));
        if (idToken && req.actor?.kind === 'user') logoutUrl = await app.oidc?.endSessionUrl(idToken);
        app.q.deleteSession(hashToken(token));
        app.realtime.kick({ sessionHash: hashToken(token) });
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return logoutUrl ? { ok: true as const, logoutUrl } : { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Who the caller is: a staff member or a device', response: { 200: Me, 401: ErrorBody } } },
    async (req) => {
      const actor = requireActor(req);
      return actor.kind === 'user'
        ? userMeView(app.q, actor.user, app.config.now())
        : { kind: 'device' as const, hubId: actor.hubId, device: deviceView(actor.device) };
    },
  );
}
