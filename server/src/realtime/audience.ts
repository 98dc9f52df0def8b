import type { EventRecord } from '@luukku/db';

/** Who is on the other end of a socket, and so what they may hear. */
export type SocketAudience =
  | { kind: 'display'; hubId: number; zone: string | null }
  | { kind: 'kiosk'; hubId: number }
  | {
      kind: 'staff';
      hubId: number;
      /** The user: they hear the steps they hold, and account changes cut them by this id. */
      userId: number;
      agencies: readonly number[] | 'all';
      /** The hub's Guidance agencies while the user's own desk is open for Guidance; else none. */
      guidanceDesk: readonly number[];
    }
  | { kind: 'visit'; hubId: number; visitId: number };

type Routed = Pick<EventRecord, 'type' | 'zone' | 'agencyIds' | 'visitId' | 'data'>;

/** The user a `step` event is about (holding or having called the step), if any. */
function stepUser(e: Routed): number | null {
  const data = e.data as { step?: { userId?: unknown } } | null;
  return typeof data?.step?.userId === 'number' ? data.step.userId : null;
}

/**
 * The one rule for live delivery and for `sync` alike. Public screens get calls and counts;
 * a `step` goes to staff of its agency (guides, for Guidance), to the user holding it, and for
 * a Guidance step to staff whose desk is open for Guidance (docs/security.md §1: never other
 * agencies through Guidance); a visit's own news only to it. Notes are never in any event
 * (they are read over HTTP by those allowed).
 */
export function canReceive(a: SocketAudience, e: Routed): boolean {
  switch (e.type) {
    case 'queues':
    case 'catalog':
      return true;
    case 'call':
      return a.kind === 'staff' || (a.kind === 'display' && (a.zone === null || a.zone === e.zone));
    case 'step':
      if (a.kind !== 'staff') return false;
      if (a.agencies === 'all') return true;
      {
        const mine = a.agencies;
        const ids = e.agencyIds ?? [];
        return ids.some((id) => mine.includes(id) || a.guidanceDesk.includes(id)) || stepUser(e) === a.userId;
      }
    case 'visit':
      return a.kind === 'visit' && a.visitId === e.visitId;
    case 'appointment':
      // the agency's own staff (and admins); not other agencies, not Guidance, not public
      return a.kind === 'staff' && (a.agencies === 'all' || (e.agencyIds ?? []).some((id) => (a.agencies as readonly number[]).includes(id)));
    case 'device':
    case 'desk':
      return a.kind === 'staff';
    default:
      return false;
  }
}

/** A user's own room, across hubs (user ids are unique): their steps, and cutting them off. */
export const userRoom = (userId: number): string => `user:${userId}`;

export function roomsOf(a: SocketAudience): string[] {
  const h = `${a.hubId}:`;
  switch (a.kind) {
    case 'display':
      return [h + 'public', a.zone === null ? h + 'zone:*' : h + `zone:${a.zone}`];
    case 'kiosk':
      return [h + 'public'];
    case 'staff':
      return [
        h + 'public',
        h + 'zone:*',
        h + 'staff',
        // the user's own room cuts them off anywhere; their steps reach them only in this hub
        userRoom(a.userId),
        h + userRoom(a.userId),
        ...(a.agencies === 'all' ? [h + 'staff:all'] : a.agencies.map((id) => h + `agency:${id}`)),
        ...a.guidanceDesk.map((id) => h + `guidance-desk:${id}`),
      ];
    case 'visit':
      return [h + 'public', h + `visit:${a.visitId}`];
  }
}

/** The rooms an event goes to; together with roomsOf this must agree with canReceive. */
export function roomsFor(hubId: number, e: Routed): string[] {
  const h = `${hubId}:`;
  switch (e.type) {
    case 'queues':
    case 'catalog':
      return [h + 'public'];
    case 'call':
      return [h + 'zone:*', h + `zone:${e.zone}`];
    case 'step': {
      const user = stepUser(e);
      return [
        h + 'staff:all',
        ...(e.agencyIds ?? []).flatMap((id) => [h + `agency:${id}`, h + `guidance-desk:${id}`]),
        ...(user === null ? [] : [h + userRoom(user)]),
      ];
    }
    case 'visit':
      return [h + `visit:${e.visitId}`];
    case 'appointment':
      return [h + 'staff:all', ...(e.agencyIds ?? []).map((id) => h + `agency:${id}`)];
    case 'device':
    case 'desk':
      return [h + 'staff'];
    default:
      return [];
  }
}
