import type { Db } from '../open.js';
import type { LocalizedTextRecord } from '../records.js';

/** What the kiosk offers in an agency's place on a day it is not in the hub (issue 12 §1). */
export interface AgencyPresenceRecord {
  agencyId: number;
  phone: string | null;
  onlineUrl: string | null;
  guidance: boolean;
  text: LocalizedTextRecord | null;
}

interface PresenceRow { agency_id: number; phone: string | null; online_url: string | null; guidance: number; text: string | null }

const toPresence = (r: PresenceRow): AgencyPresenceRecord => ({
  agencyId: r.agency_id,
  phone: r.phone,
  onlineUrl: r.online_url,
  guidance: r.guidance === 1,
  text: r.text === null ? null : JSON.parse(r.text),
});

/** An agency that has set nothing points to the Guidance desk only (the column's default). */
export const defaultPresence = (agencyId: number): AgencyPresenceRecord => ({ agencyId, phone: null, onlineUrl: null, guidance: true, text: null });

export function presenceQueries(db: Db) {
  const ofHub = db.prepare<[number], PresenceRow>(/* sql */ `
    SELECT agency_id, phone, online_url, guidance, text FROM agency_presence WHERE hub_id = ?`);
  const upsert = db.prepare(/* sql */ `
    INSERT INTO agency_presence (agency_id, hub_id, phone, online_url, guidance, text)
    VALUES (@agencyId, @hubId, @phone, @onlineUrl, @guidance, @text)
    ON CONFLICT (agency_id) DO UPDATE SET
      phone = excluded.phone, online_url = excluded.online_url, guidance = excluded.guidance, text = excluded.text
    WHERE agency_presence.hub_id = excluded.hub_id`);
  return {
    /** Every agency of the hub that has set its presence, by agency id. */
    agencyPresence: (hubId: number): Map<number, AgencyPresenceRecord> =>
      new Map(ofHub.all(hubId).map((r) => [r.agency_id, toPresence(r)])),
    setAgencyPresence: (hubId: number, p: AgencyPresenceRecord): void => {
      upsert.run({ ...p, hubId, guidance: p.guidance ? 1 : 0, text: p.text ? JSON.stringify(p.text) : null });
    },
  };
}
