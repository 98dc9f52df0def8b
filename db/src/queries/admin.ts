import type { QueryCache } from '../cache.js';
import type { Db } from '../open.js';
import type { KioskQuestionRecord, LocalizedTextRecord, ScheduleRecord } from '../records.js';

/** What the hub coordinator changes: the catalogue, accounts, devices, pairing, and the audit trail. */
export function adminQueries(db: Db, cache: QueryCache) {
  // a change to the catalogue drops its snapshot (db/src/cache.ts); the next read rebuilds it
  const changed = <T>(result: T): T => {
    cache.catalog = null;
    return result;
  };
  const updateAgency = db.prepare(/* sql */ `UPDATE agencies SET name = @name, color = @color WHERE id = @id AND hub_id = @hubId`);
  const updateService = db.prepare(/* sql */ `
    UPDATE services SET agency_id = @agencyId, name = @name, public_label = @publicLabel, prefix = @prefix,
      target_wait_min = @targetWaitMin, schedule = @schedule, default_service_min = @defaultServiceMin, active = @active,
      appointment_only = @appointmentOnly, booking_info = @bookingInfo
    WHERE id = @id AND hub_id = @hubId`);
  const updateDesk = db.prepare(/* sql */ `
    UPDATE desks SET name = @name, zone = @zone, accessible = @accessible, languages = @languages WHERE id = @id AND hub_id = @hubId`);
  const updateUser = db.prepare(/* sql */ `
    UPDATE users SET display_name = @displayName, role = @role, active = @active, language = @language
    WHERE id = @id AND id IN (SELECT user_id FROM user_hubs WHERE hub_id = @hubId)`);
  // a user of several hubs keeps their agencies of the other hubs when one hub's admin edits them
  const clearUserAgencies = db.prepare(/* sql */ `
    DELETE FROM user_agencies WHERE user_id = ? AND agency_id IN (SELECT id FROM agencies WHERE hub_id = ?)`);
  const addUserAgency = db.prepare(/* sql */ `INSERT INTO user_agencies (user_id, agency_id) VALUES (?, ?)`);
  const setPassword = db.prepare(/* sql */ `
    UPDATE users SET password_hash = @hash WHERE id = @id AND id IN (SELECT user_id FROM user_hubs WHERE hub_id = @hubId)`);
  const deleteSessionsOf = db.prepare(/* sql */ `DELETE FROM sessions WHERE user_id = ?`);
  const clearQuestions = db.prepare(/* sql */ `DELETE FROM kiosk_questions WHERE hub_id = ?`);
  const insertQuestion = db.prepare(/* sql */ `
    INSERT INTO kiosk_questions (hub_id, icon, label, suggests, sort_order) VALUES (@hubId, @icon, @label, @suggests, @sortOrder)`);
  const updateDevice = db.prepare(/* sql */ `UPDATE devices SET name = @name, zone = @zone WHERE id = @id AND hub_id = @hubId`);
  const insertPairing = db.prepare(/* sql */ `
    INSERT INTO pairings (code, secret_hash, kind, created_at, expires_at) VALUES (@code, @secretHash, @kind, @now, @expiresAt)`);
  const pairingByCode = db.prepare<[string, number], { id: number; kind: string; device_id: number | null }>(/* sql */ `
    SELECT id, kind, device_id FROM pairings WHERE code = ? AND expires_at > ?`);
  const pairingById = db.prepare<[number], { id: number; secret_hash: string; device_id: number | null; token: string | null; expires_at: number }>(/* sql */ `
    SELECT id, secret_hash, device_id, token, expires_at FROM pairings WHERE id = ?`);
  const completePairing = db.prepare(/* sql */ `UPDATE pairings SET device_id = @deviceId, token = @token WHERE id = @id AND device_id IS NULL`);
  const deletePairing = db.prepare(/* sql */ `DELETE FROM pairings WHERE id = ?`);
  const deleteExpiredPairings = db.prepare(/* sql */ `DELETE FROM pairings WHERE expires_at <= ?`);
  const openPairings = db.prepare<[number], { n: number }>(/* sql */ `SELECT count(*) AS n FROM pairings WHERE expires_at > ?`);
  const auditLog = db.prepare<[number, number], { id: number; at: number; actor_kind: string; actor_id: number | null; action: string; subject: string | null; detail: string | null; username: string | null }>(/* sql */ `
    SELECT a.id, a.at, a.actor_kind, a.actor_id, a.action, a.subject, a.detail, u.username
    FROM audit_log a LEFT JOIN users u ON a.actor_kind = 'user' AND u.id = a.actor_id
    WHERE a.hub_id = ? ORDER BY a.id DESC LIMIT ?`);

  return {
    updateAgency: (a: { id: number; hubId: number; name: LocalizedTextRecord; color: string }): boolean =>
      changed(updateAgency.run({ ...a, name: JSON.stringify(a.name) }).changes === 1),
    updateService: (s: {
      id: number; hubId: number; agencyId: number; name: LocalizedTextRecord; publicLabel: LocalizedTextRecord; prefix: string;
      targetWaitMin: number | null; schedule: ScheduleRecord; defaultServiceMin: number; active: boolean;
      appointmentOnly: boolean; bookingInfo: LocalizedTextRecord | null;
    }): boolean =>
      changed(updateService.run({
        ...s, name: JSON.stringify(s.name), publicLabel: JSON.stringify(s.publicLabel), schedule: JSON.stringify(s.schedule), active: s.active ? 1 : 0,
        appointmentOnly: s.appointmentOnly ? 1 : 0, bookingInfo: s.bookingInfo ? JSON.stringify(s.bookingInfo) : null,
      }).changes === 1),
    updateDesk: (d: { id: number; hubId: number; name: string; zone: string; accessible: boolean; languages: readonly string[] }): boolean =>
      updateDesk.run({ ...d, accessible: d.accessible ? 1 : 0, languages: JSON.stringify(d.languages) }).changes === 1,
    updateUser: (u: { id: number; hubId: number; displayName: string; role: string; active: boolean; language: string; agencyIds: readonly number[] }): boolean => {
      const changed = updateUser.run({ ...u, active: u.active ? 1 : 0 }).changes === 1;
      if (changed) {
        clearUserAgencies.run(u.id, u.hubId);
        for (const a of u.agencyIds) addUserAgency.run(u.id, a);
        // a deactivated account stops working at once, everywhere
        if (!u.active) deleteSessionsOf.run(u.id);
      }
      return changed;
    },
    setPassword: (id: number, hubId: number, hash: string): boolean => {
      const changed = setPassword.run({ id, hubId, hash }).changes === 1;
      if (changed) deleteSessionsOf.run(id);
      return changed;
    },
    replaceKioskQuestions: (hubId: number, questions: readonly Omit<KioskQuestionRecord, 'id'>[]): void => {
      changed(clearQuestions.run(hubId));
      questions.forEach((q, i) =>
        insertQuestion.run({ hubId, icon: q.icon, label: JSON.stringify(q.label), suggests: JSON.stringify(q.suggests), sortOrder: i }),
      );
    },
    updateDevice: (d: { id: number; hubId: number; name: string; zone: string | null }): boolean => updateDevice.run(d).changes === 1,
    insertPairing: (p: { code: string; secretHash: string; kind: string; now: number; expiresAt: number }): number =>
      Number(insertPairing.run(p).lastInsertRowid),
    pairingByCode: (code: string, now: number) => {
      const r = pairingByCode.get(code, now);
      return r && { id: r.id, kind: r.kind as 'kiosk' | 'display', deviceId: r.device_id };
    },
    pairing: (id: number) => {
      const r = pairingById.get(id);
      return r && { id: r.id, secretHash: r.secret_hash, deviceId: r.device_id, token: r.token, expiresAt: r.expires_at };
    },
    completePairing: (id: number, deviceId: number, token: string): boolean => completePairing.run({ id, deviceId, token }).changes === 1,
    deletePairing: (id: number): void => {
      deletePairing.run(id);
    },
    deleteExpiredPairings: (now: number): number => deleteExpiredPairings.run(now).changes,
    /** Pairings not yet expired, picked up or not: what the anonymous door has outstanding. */
    openPairings: (now: number): number => openPairings.get(now)!.n,
    auditLog: (hubId: number, limit: number) =>
      auditLog.all(hubId, limit).map((r) => ({
        id: r.id, at: r.at, actorKind: r.actor_kind, actorId: r.actor_id, actor: r.username, action: r.action, subject: r.subject,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
      })),
  };
}
