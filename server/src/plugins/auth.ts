import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { DomainError, type DeviceKind, type Role } from '@luukku/shared';
import type { DeviceRecord, UserRecord } from '@luukku/db';
import type { Actor } from '../commands/context.js';
import { hashToken } from '../auth/secrets.js';
import { hasRole, mayEnterHub } from '../domain/access.js';

export const sessionCookie = 'luukku_session';
const touchEveryMs = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Who is asking: a device by its bearer token, or a staff member by their session cookie. */
export function resolveActor(
  app: { q: import('@luukku/db').Queries; config: { now: () => Date } },
  bearer: string | undefined,
  session: string | undefined,
): Actor | null {
  const now = app.config.now().getTime();
  if (bearer) {
    const device = app.q.deviceByTokenHash(hashToken(bearer));
    if (!device || device.revokedAt !== null) return null;
    return { kind: 'device', hubId: device.hubId, device };
  }
  if (session) {
    const hash = hashToken(session);
    const active = app.q.activeSession(hash, now);
    // marking a session used is a write; once a minute is precise enough for a 30-minute timeout
    if (active && now - active.lastSeenAt >= touchEveryMs) app.q.touchSession(hash, now);
    const user = active === undefined ? undefined : app.q.user(active.userId);
    if (!user || !user.active) return null;
    const hubId = active!.hubId ?? user.hubId;
    // taken off this hub's roster: the session ends with it (rule 8)
    if (!mayEnterHub(user, hubId)) return null;
    return { kind: 'user', hubId, user: userInHub(app.q, user, hubId) };
  }
  return null;
}

/**
 * The user as the session's hub sees them: hubId is the hub they are in now, so every query
 * already scoped by `user.hubId` stays in it, and their agencies are this hub's rows only (a Kela
 * worker of two hubs is linked to each hub's Kela agency).
 */
export function userInHub(q: import('@luukku/db').Queries, user: UserRecord, hubId: number): UserRecord {
  if (user.hubId === hubId && user.hubIds.length <= 1) return user;
  const here = new Set(q.agencies(hubId).map((a) => a.id));
  return { ...user, hubId, agencyIds: user.agencyIds.filter((a) => here.has(a)) };
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (req) => {
      const bearer = bearerToken(req.headers.authorization);
      req.actor = resolveActor(app, bearer, req.cookies[sessionCookie]);
      if (bearer && !req.actor) throw new DomainError('UNAUTHENTICATED', 'Unknown or revoked device token');
    });
  },
  { name: 'auth', dependencies: ['database'] },
);

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('UNAUTHENTICATED', 'Log in, or send a device token');
  return req.actor;
}

export function requireUser(req: FastifyRequest, roles?: readonly Role[]): UserRecord {
  const actor = requireActor(req);
  if (actor.kind !== 'user') throw new DomainError('FORBIDDEN', 'This needs a staff login');
  if (roles && !hasRole(actor.user.role, roles)) throw new DomainError('FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
  return actor.user;
}

export function requireDevice(req: FastifyRequest, kind: DeviceKind): DeviceRecord {
  const actor = requireActor(req);
  if (actor.kind !== 'device' || actor.device.kind !== kind) throw new DomainError('FORBIDDEN', `This needs a ${kind} device`);
  return actor.device;
}
