import type { EventRecord, Queries } from '@luukku/db';
import type { SocketAudience } from './audience.js';

/**
 * A phone page or kiosk that missed more line changes than this loads its view again (one small
 * request) instead: replay is for a dropped connection of a few seconds, and an answer stays a
 * few KiB however often a socket asks.
 */
export const publicReplay = 10;

export interface Replay {
  events: EventRecord[];
  /** More were missed than are replayed: the client loads its snapshot instead. */
  overflow: boolean;
}

/**
 * The candidates a `sync` replays, read from the database by what the audience can use: a phone
 * page its own visit's news and the lines' changes, a kiosk the lines' changes and the latest
 * setup change, each through its own index, so neither scans the hub's stream. A `queues`
 * event carries only the lines its command changed, and the moves a phone page counts its place
 * from, so all of them are replayed (more than `limit` answers `reset`); a `catalog` event
 * supersedes the ones before it. canReceive still filters what is returned.
 */
export function replayCandidates(q: Queries, audience: SocketAudience, since: number, limit: number): Replay {
  const bounded = (events: EventRecord[], max: number): Replay => ({ events: events.slice(0, max), overflow: events.length > max });
  switch (audience.kind) {
    case 'visit': {
      const own = bounded(q.visitEventsSince(audience.visitId, since, limit + 1), limit);
      const lines = bounded(q.publicSince(audience.hubId, since, publicReplay + 1), publicReplay);
      return { events: [...own.events, ...lines.events].sort((a, b) => a.seq - b.seq), overflow: own.overflow || lines.overflow };
    }
    case 'kiosk':
      return bounded(q.publicSince(audience.hubId, since, publicReplay + 1), publicReplay);
    default:
      return bounded(q.eventsSince(audience.hubId, since, limit + 1), limit);
  }
}
