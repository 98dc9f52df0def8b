import type { EventRecord } from '@luukku/db';

/** Who is on the other end of a socket, and so what they may hear. */
export type SocketAudience =
  | { kind: 'display'; hubId: number; zone: string | null }
  | { kind: 'kiosk'; hubId: number }
  | { kind: 'staff'; hubId: number; agencies: readonly number[] | 'all' }
  | { kind: 'visit'; hubId: number; visitId: number };

/**
 * The one rule for live delivery and for `sync` alike. Public screens get calls and counts;
 * step details go only to staff of the agencies involved; a visit's own news only to it.
 * Notes are never in any event (they are read over HTTP by those allowed).
 */
export function canReceive(a: SocketAudience, e: Pick<EventRecord, 'type' | 'zone' | 'agencyIds' | 'visitId'>): boolean {
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
        return (e.agencyIds ?? []).some((id) => mine.includes(id));
      }
    case 'visit':
      return a.kind === 'visit' && a.visitId === e.visitId;
    case 'device':
      return a.kind === 'staff';
    default:
      return false;
  }
}

export function roomsOf(a: SocketAudience): string[] {
  const h = `${a.hubId}:`;
  switch (a.kind) {
    case 'display':
      return [h + 'public', a.zone === null ? h + 'zone:*' : h + `zone:${a.zone}`];
    case 'kiosk':
      return [h + 'public'];
    case 'staff':
      return [h + 'public', h + 'zone:*', h + 'staff', ...(a.agencies === 'all' ? [h + 'staff:all'] : a.agencies.map((id) => h + `agency:${id}`))];
    case 'visit':
      return [h + 'public', h + `visit:${a.visitId}`];
  }
}

/** The rooms an event goes to; together with roomsOf this must agree with canReceive. */
export function roomsFor(hubId: number, e: Pick<EventRecord, 'type' | 'zone' | 'agencyIds' | 'visitId'>): string[] {
  const h = `${hubId}:`;
  switch (e.type) {
    case 'queues':
    case 'catalog':
      return [h + 'public'];
    case 'call':
      return [h + 'zone:*', h + `zone:${e.zone}`];
    case 'step':
      return [h + 'staff:all', ...(e.agencyIds ?? []).map((id) => h + `agency:${id}`)];
    case 'visit':
      return [h + `visit:${e.visitId}`];
    case 'device':
      return [h + 'staff'];
    default:
      return [];
  }
}
