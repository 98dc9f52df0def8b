import { DomainError } from '@luukku/shared';
import type { UserRecord } from '@luukku/db';
import type { MappedAccess } from '../auth/oidc-mapping.js';
import { write, type CommandContext } from './context.js';
import { releaseUserDesks } from './desks.js';

export interface OidcIdentity {
  /** "<issuer> <sub>": who the person is, as the identity provider vouches. */
  subject: string;
  /** What the person would like to be called in Luukku (preferred_username, email or sub). */
  username: string;
  displayName: string;
  language: UserRecord['language'];
}

export interface OidcLoginResult {
  /** Null when the claims grant nothing (the sign-in is refused). */
  user: UserRecord | null;
  /** The access read from the claims differed from what the user had: their sessions ended and sockets must be cut. */
  changed: boolean;
  created: boolean;
  /** Agency codes the mapping names that this hub does not have (a mistake in the mapping, for the log). */
  unknownAgencies: string[];
}

const sameAccess = (u: UserRecord, role: string, agencyIds: readonly number[]) =>
  u.role === role && [...new Set(u.agencyIds)].sort().join() === [...new Set(agencyIds)].sort().join();

function freeUsername(ctx: CommandContext, wanted: string): string {
  const base = wanted.toLowerCase().replace(/[^\w.@-]+/g, '-').slice(0, 60) || 'user';
  if (!ctx.q.usernameTaken(base)) return base;
  for (let n = 2; ; n++) if (!ctx.q.usernameTaken(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A sign-in with the organisation's account: the user is found by their subject (or created
 * at their first sign-in) and given the role and agencies their claims map to now. When that
 * differs from before, their other sessions end and their desk closes in the same transaction,
 * as an admin's account change does (rule 8); the caller then cuts their sockets. `access` null:
 * the claims grant nothing, so a known user loses their sessions and the sign-in is refused.
 */
export function oidcLogin(ctx: CommandContext, hubId: number, who: OidcIdentity, access: MappedAccess | null): OidcLoginResult {
  const existingId = ctx.q.userIdByOidcSubject(who.subject);
  const existing = existingId === undefined ? undefined : ctx.q.user(existingId);
  if (existing && !existing.active) throw new DomainError('FORBIDDEN', 'This account has been deactivated in Luukku');
  const home = existing?.hubId ?? hubId;
  const byCode = new Map(ctx.q.agencies(home).map((a) => [a.code, a.id]));
  const codes = access?.agencies ?? [];
  const agencyIds = codes.flatMap((c) => byCode.get(c) ?? []);
  const unknownAgencies = codes.filter((c) => !byCode.has(c));
  const changed = existing !== undefined && (access === null || !sameAccess(existing, access.role, agencyIds));
  const result = write(ctx, home, (w, now) => {
    let id = existing?.id;
    if (changed) {
      const sessions = ctx.q.deleteSessionsOfUser(existing!.id);
      const desks = releaseUserDesks(ctx.q, w, existing!.id, now);
      ctx.q.audit({
        hubId: home, at: now, actorKind: 'user', actorId: existing!.id, action: 'user.oidc_access', subject: `user:${existing!.id}`,
        detail: { role: access?.role ?? null, agencyIds, endedSessions: sessions, closedDesks: desks },
      });
      w.emit('catalog', { changed: 'user.oidc_access' });
    }
    if (access === null) return undefined;
    if (id === undefined) {
      id = ctx.q.insertOidcUser({ hubId: home, username: freeUsername(ctx, who.username), displayName: who.displayName, role: access.role, language: who.language, subject: who.subject }, now);
      ctx.q.audit({ hubId: home, at: now, actorKind: 'user', actorId: id, action: 'user.oidc_created', subject: `user:${id}`, detail: { role: access.role, agencyIds } });
      w.emit('catalog', { changed: 'user.oidc_created' });
    }
    ctx.q.setMappedAccess(id, access.role, agencyIds, who.displayName);
    return ctx.q.user(id)!;
  });
  return { user: result ?? null, changed, created: result !== undefined && existing === undefined, unknownAgencies };
}
