import type { EventRecord, Queries } from '@luukku/db';
import type { SocketAudience } from './audience.js';

/**
 * The candidates a `sync` replays, read from the database by what the audience can use: a phone
 * page its own visit's news and the lines' changes, a kiosk the lines' changes and the latest
 * setup change, each through its own index, so neither scans the hub's stream. A `queues`
 * event carries only the lines its command changed, and the moves a phone page counts its place
 * from, so all of them are replayed (more than `limit` answers `reset`); a `catalog` event
 * supersedes the ones before it. canReceive still filters what is returned.
 */
export function replayCandidates(q: Queries, audience: SocketAudience, since: number, limit: number): EventRecord[] {
  switch (audience.kind) {
    case 'visit':
      return [...q.visitEventsSince(audience.visitId, since, limit), ...q.publicSince(audience.hubId, since, limit)].sort((a, b) => a.seq - b.seq);
    case 'kiosk':
      return q.publicSince(audience.hubId, since, limit);
    default:
      return q.eventsSince(audience.hubId, since, limit);
  }
}
