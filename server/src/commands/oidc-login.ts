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
  /** Agency codes the mapping names that none of the user's hubs has, and hub slugs no hub has (mistakes in the mapping, for the log). */
  unknownAgencies: string[];
  unknownHubs: string[];
}

type Roster = { hubId: number; weekdays: readonly number[] | null }[];
const rosterKey = (r: Roster) => r.map((e) => `${e.hubId}:${e.weekdays?.join('') ?? '*'}`).sort().join();
const sameAccess = (u: UserRecord, role: string, agencyIds: readonly number[], roster: Roster, before: Roster) =>
  u.role === role && [...new Set(u.agencyIds)].sort().join() === [...new Set(agencyIds)].sort().join() && rosterKey(roster) === rosterKey(before);

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
  const before: Roster = existing ? ctx.q.roster(existing.id) : [];
  // the hubs the claims name (issue 12 §1), else as before: a new user's in the default hub
  const unknownHubs = [...(access?.hubs?.keys() ?? [])].filter((slug) => !ctx.q.hubBySlug(slug));
  const roster: Roster = access?.hubs
    ? [...access.hubs].flatMap(([slug, weekdays]) => {
        const hub = ctx.q.hubBySlug(slug);
        return hub ? [{ hubId: hub.id, weekdays }] : [];
      })
    : before.length > 0 ? before : [{ hubId, weekdays: null }];
  const home = roster[0]?.hubId ?? existing?.hubId ?? hubId;
  const codes = access?.agencies ?? [];
  // the mapped agencies in every hub the user works in: Kela's row in Mäntsälä and in Pornainen
  const agencyRows = roster.flatMap((r) => ctx.q.agencies(r.hubId));
  const agencyIds = agencyRows.filter((a) => codes.includes(a.code)).map((a) => a.id);
  const unknownAgencies = codes.filter((c) => !agencyRows.some((a) => a.code === c));
  const changed = existing !== undefined && (access === null || roster.length === 0 || !sameAccess(existing, access.role, agencyIds, roster, before));
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
    // claims that name only hubs this install lacks give no access here
    if (access === null || roster.length === 0) return undefined;
    if (id === undefined) {
      id = ctx.q.insertOidcUser({ hubId: home, username: freeUsername(ctx, who.username), displayName: who.displayName, role: access.role, language: who.language, subject: who.subject }, now);
      ctx.q.audit({ hubId: home, at: now, actorKind: 'user', actorId: id, action: 'user.oidc_created', subject: `user:${id}`, detail: { role: access.role, agencyIds } });
      w.emit('catalog', { changed: 'user.oidc_created' });
    }
    ctx.q.setMappedAccess(id, access.role, agencyIds, who.displayName);
    ctx.q.setOidcRoster(id, roster);
    return ctx.q.user(id)!;
  });
  return { user: result ?? null, changed, created: result !== undefined && existing === undefined, unknownAgencies, unknownHubs };
}
