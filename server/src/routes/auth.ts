import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, ErrorBody, LoginBody, Me, Ok } from '@luukku/shared';
import { hashPassword, hashToken, newToken, verifyPassword } from '../auth/secrets.js';
import { requireActor, sessionCookie } from '../plugins/auth.js';
import { deviceView, userView } from '../views/catalog.js';

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // checked against for unknown usernames, so timing does not reveal which usernames exist
  let dummyHash: Promise<string> | undefined;

  r.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], summary: 'Staff login; sets an http-only session cookie', body: LoginBody, response: { 200: Me, 401: ErrorBody } } },
    async (req, reply) => {
      const user = app.q.userByUsername(req.body.username.toLowerCase());
      dummyHash ??= hashPassword(newToken());
      const ok = await verifyPassword(req.body.password, user?.passwordHash ?? (await dummyHash));
      if (!user || !ok || !user.active) throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password');
      const token = newToken(32);
      const now = app.config.now().getTime();
      const maxAge = app.config.sessionHours * 3600;
      app.q.transaction(() => {
        app.q.deleteExpiredSessions(now);
        app.q.insertSession(hashToken(token), user.id, now, now + maxAge * 1000);
        app.q.audit({ hubId: user.hubId, at: now, actorKind: 'user', actorId: user.id, action: 'auth.login', subject: null, detail: null });
      });
      reply.setCookie(sessionCookie, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        maxAge,
      });
      return { kind: 'user' as const, hubId: user.hubId, user: userView(user) };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Ends the session', response: { 200: Ok } } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) {
        app.q.deleteSession(hashToken(token));
        app.realtime.kick({ sessionHash: hashToken(token) });
      }
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Who the caller is: a staff member or a device', response: { 200: Me, 401: ErrorBody } } },
    async (req) => {
      const actor = requireActor(req);
      return actor.kind === 'user'
        ? { kind: 'user' as const, hubId: actor.hubId, user: userView(actor.user) }
        : { kind: 'device' as const, hubId: actor.hubId, device: deviceView(actor.device) };
    },
  );
}
