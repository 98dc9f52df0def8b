import type { Db } from '../open.js';
import type { VisitorLanguage } from '@luukku/shared';
import type { DeskRecord } from '../records.js';

interface DeskRow {
  id: number; hub_id: number; name: string; zone: string; status: string; user_id: number | null; service_ids: string | null;
  accessible: number; languages: string;
}

const toDesk = (r: DeskRow): DeskRecord => ({
  id: r.id,
  hubId: r.hub_id,
  name: r.name,
  zone: r.zone,
  status: r.status as DeskRecord['status'],
  userId: r.user_id,
  serviceIds: r.service_ids ? r.service_ids.split(',').map(Number) : [],
  accessible: r.accessible === 1,
  languages: JSON.parse(r.languages) as VisitorLanguage[],
});

const deskSelect = /* sql */ `
  SELECT d.id, d.hub_id, d.name, d.zone, d.status, d.user_id, d.accessible, d.languages,
         (SELECT group_concat(service_id) FROM desk_services WHERE desk_id = d.id) AS service_ids
  FROM desks d`;

export function deskQueries(db: Db) {
  const byId = db.prepare<[number], DeskRow>(`${deskSelect} WHERE d.id = ?`);
  const byHub = db.prepare<[number], DeskRow>(`${deskSelect} WHERE d.hub_id = ? ORDER BY d.sort_order, d.id`);
  const byUser = db.prepare<[number], DeskRow>(`${deskSelect} WHERE d.user_id = ?`);
  const insert = db.prepare(/* sql */ `
    INSERT INTO desks (hub_id, name, zone, sort_order, accessible, languages) VALUES (@hubId, @name, @zone, @sortOrder, @accessible, @languages)`);
  const setState = db.prepare(/* sql */ `
    UPDATE desks SET status = @status, user_id = @userId, opened_at = @openedAt WHERE id = @deskId`);
  const clearServices = db.prepare(/* sql */ `DELETE FROM desk_services WHERE desk_id = ?`);
  const addService = db.prepare(/* sql */ `INSERT INTO desk_services (desk_id, service_id) VALUES (?, ?)`);
  const openDesksPerService = db.prepare<[number], { service_id: number; n: number }>(/* sql */ `
    SELECT ds.service_id, count(*) AS n FROM desk_services ds JOIN desks d ON d.id = ds.desk_id
    WHERE d.hub_id = ? AND d.status = 'open' GROUP BY ds.service_id`);

  return {
    desk: (id: number): DeskRecord | undefined => {
      const r = byId.get(id);
      return r && toDesk(r);
    },
    desks: (hubId: number): DeskRecord[] => byHub.all(hubId).map(toDesk),
    desksOfUser: (userId: number): DeskRecord[] => byUser.all(userId).map(toDesk),
    insertDesk: (d: { hubId: number; name: string; zone: string; sortOrder: number; accessible?: boolean; languages?: readonly string[] }): number =>
      Number(insert.run({ ...d, accessible: d.accessible ? 1 : 0, languages: JSON.stringify(d.languages ?? []) }).lastInsertRowid),
    setDeskState: (deskId: number, status: DeskRecord['status'], userId: number | null, openedAt: number | null): void => {
      setState.run({ deskId, status, userId, openedAt });
    },
    setDeskServices: (deskId: number, serviceIds: readonly number[]): void => {
      clearServices.run(deskId);
      for (const s of serviceIds) addService.run(deskId, s);
    },
    openDesksPerService: (hubId: number): Map<number, number> =>
      new Map(openDesksPerService.all(hubId).map((r) => [r.service_id, r.n])),
  };
}
