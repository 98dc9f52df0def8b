import type { EventRecord, Queries } from '@luukku/db';
import type { SocketAudience } from './audience.js';

/**
 * The candidates a `sync` replays, read from the database by what the audience can use: a phone
 * page its own visit's news and the latest line counts, a kiosk the latest counts and setup
 * change. Each `queues` and `catalog` event supersedes the ones before it, so the latest is all
 * they need, and neither scans the hub's stream. canReceive still filters what is returned.
 */
export function replayCandidates(q: Queries, audience: SocketAudience, since: number, limit: number): EventRecord[] {
  switch (audience.kind) {
    case 'visit':
      return [...q.visitEventsSince(audience.visitId, since, limit), ...q.latestPublicSince(audience.hubId, since)].sort((a, b) => a.seq - b.seq);
    case 'kiosk':
      return q.latestPublicSince(audience.hubId, since);
    default:
      return q.eventsSince(audience.hubId, since, limit);
  }
}
