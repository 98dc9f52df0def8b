import type { HubRecord, Queries } from '@luukku/db';
import { startOfLocalDay, type DisplaySnapshot } from '@luukku/shared';
import { publicLines } from './queues.js';

/** A lobby display's first paint: its zone's calls of today, every line's figures, the labels. */
export function displaySnapshot(q: Queries, hub: HubRecord, zone: string | null, limit: number, now: Date): DisplaySnapshot {
  const seq = q.lastSeq(hub.id);
  return {
    seq,
    hubName: hub.name,
    zone,
    agencies: q.agencies(hub.id).map((a) => ({ id: a.id, name: a.name, color: a.color })),
    services: q.services(hub.id).filter((s) => s.active).map((s) => ({ id: s.id, agencyId: s.agencyId, label: s.publicLabel })),
    // yesterday's K001 is not today's: only today's calls, in the hub's time zone
    calls: q.recentCalls(hub.id, zone, limit, startOfLocalDay(now, hub.timeZone)).map((c) => ({
      stepId: c.stepId, number: c.number, deskId: c.deskId, deskName: c.deskName, zone: c.zone, agencyId: c.agencyId,
      color: c.color, language: c.language, recall: c.recall, at: new Date(c.at).toISOString(),
    })),
    queues: publicLines(q, hub, now.getTime()),
  };
}
