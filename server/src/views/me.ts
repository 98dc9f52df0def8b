import type { Queries, UserRecord } from '@luukku/db';
import type { Me, UserHub } from '@luukku/shared';
import { rosteredOn, weekdayIn } from '../domain/hubs.js';
import { userView } from './catalog.js';

/**
 * The hubs a staff member may switch to, the ones they are rostered to today first: their
 * roster, or every hub for a region admin (with their roster's days where they have one).
 */
export function userHubsView(q: Queries, user: UserRecord, now: Date): UserHub[] {
  const roster = new Map(q.roster(user.id).map((e) => [e.hubId, e.weekdays]));
  const hubs = user.role === 'region_admin' ? q.hubs() : q.hubs().filter((h) => roster.has(h.id));
  const view = hubs.map((h) => {
    const weekdays = roster.get(h.id) ?? null;
    const today = roster.has(h.id) && rosteredOn({ hubId: h.id, weekdays }, weekdayIn(now, h.timeZone));
    return { id: h.id, slug: h.slug, name: h.name, today, weekdays };
  });
  // a weekday named today before "any day", then the rest, each in hub order
  const rank = (h: UserHub) => (h.today ? (h.weekdays !== null ? 0 : 1) : 2);
  return view.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/** `GET /api/me` for a staff member: the user as seen in the session's hub, and their hubs. */
export function userMeView(q: Queries, user: UserRecord, now: Date): Extract<Me, { kind: 'user' }> {
  return { kind: 'user', hubId: user.hubId, user: userView(user), hubs: userHubsView(q, user, now) };
}
