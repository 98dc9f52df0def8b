import type { Db } from '../open.js';
import type { DeviceRecord, RosterEntry, UserRecord } from '../records.js';

interface UserRow {
  id: number; hub_id: number; username: string; display_name: string; password_hash: string;
  role: string; language: string; active: number; agency_ids: string | null; hub_ids: string | null;
}
interface DeviceRow {
  id: number; hub_id: number; kind: string; name: string; zone: string | null; revoked_at: number | null; last_seen_at: number | null;
  printer: string | null; last_print_at: number | null; last_print_ok: number | null; last_print_error: string | null;
  agency_id: number | null;
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  hubId: r.hub_id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role as UserRecord['role'],
  language: r.language as UserRecord['language'],
  active: r.active === 1,
  agencyIds: r.agency_ids ? r.agency_ids.split(',').map(Number) : [],
  hubIds: r.hub_ids ? r.hub_ids.split(',').map(Number) : [],
});

const toDevice = (r: DeviceRow): DeviceRecord => ({
  id: r.id, hubId: r.hub_id, kind: r.kind as DeviceRecord['kind'], name: r.name, zone: r.zone,
  revokedAt: r.revoked_at, lastSeenAt: r.last_seen_at,
  printer: r.printer === null ? null : JSON.parse(r.printer),
  lastPrint: r.last_print_at === null ? null : { at: r.last_print_at, ok: r.last_print_ok === 1, error: r.last_print_error },
  agencyId: r.agency_id ?? null,
});

const userSelect = /* sql */ `
  SELECT u.*, (SELECT group_concat(agency_id) FROM user_agencies WHERE user_id = u.id) AS agency_ids,
    (SELECT group_concat(hub_id) FROM user_hubs WHERE user_id = u.id) AS hub_ids FROM users u`;

export function peopleQueries(db: Db) {
  const userById = db.prepare<[number], UserRow>(`${userSelect} WHERE u.id = ?`);
  const userByName = db.prepare<[string], UserRow>(`${userSelect} WHERE u.username = ?`);
  // a hub's people are those rostered to it (on any day), their home hub or not
  const usersOfHub = db.prepare<[number], UserRow>(
    `${userSelect} WHERE u.id IN (SELECT user_id FROM user_hubs WHERE hub_id = ?) ORDER BY u.id`);
  const rosterOf = db.prepare<[number], { hub_id: number; weekdays: string | null }>(/* sql */ `
    SELECT hub_id, weekdays FROM user_hubs WHERE user_id = ? ORDER BY hub_id`);
  const setRosterEntry = db.prepare(/* sql */ `
    INSERT INTO user_hubs (user_id, hub_id, weekdays) VALUES (@userId, @hubId, @weekdays)
    ON CONFLICT (user_id, hub_id) DO UPDATE SET weekdays = excluded.weekdays`);
  const clearRoster = db.prepare(/* sql */ `DELETE FROM user_hubs WHERE user_id = ?`);
  const homeHubOf = db.prepare<[number], { hub_id: number }>(/* sql */ `SELECT hub_id FROM users WHERE id = ?`);
  const setHomeHub = db.prepare(/* sql */ `UPDATE users SET hub_id = ? WHERE id = ?`);
  const sessionHub = db.prepare<[string], { hub_id: number | null }>(/* sql */ `SELECT hub_id FROM sessions WHERE token_hash = ?`);
  const setSessionHub = db.prepare(/* sql */ `UPDATE sessions SET hub_id = @hubId WHERE token_hash = @tokenHash`);
  const insertUser = db.prepare(/* sql */ `
    INSERT INTO users (hub_id, username, display_name, password_hash, role, language, created_at)
    VALUES (@hubId, @username, @displayName, @passwordHash, @role, @language, @now)`);
  const addAgency = db.prepare(/* sql */ `INSERT INTO user_agencies (user_id, agency_id) VALUES (?, ?)`);
  const insertSession = db.prepare(/* sql */ `
    INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, idle_ms, hub_id)
    VALUES (@tokenHash, @userId, @now, @expiresAt, @now, @idleMs, @hubId)`);
  // a session ends at its absolute limit, or after idle_ms without use, whichever comes first
  const sessionUser = db.prepare<{ tokenHash: string; now: number }, { user_id: number; hub_id: number | null; last_seen_at: number; ends_at: number }>(/* sql */ `
    SELECT user_id, hub_id, last_seen_at, min(expires_at, last_seen_at + idle_ms) AS ends_at FROM sessions
    WHERE token_hash = @tokenHash AND expires_at > @now AND last_seen_at + idle_ms > @now`);
  const touchSession = db.prepare(/* sql */ `UPDATE sessions SET last_seen_at = @now WHERE token_hash = @tokenHash`);
  const rehashPassword = db.prepare(/* sql */ `UPDATE users SET password_hash = @hash WHERE id = @id`);
  const deleteSession = db.prepare(/* sql */ `DELETE FROM sessions WHERE token_hash = ?`);
  const deleteSessionsOfUser = db.prepare(/* sql */ `DELETE FROM sessions WHERE user_id = ?`);
  const deleteExpiredSessions = db.prepare(/* sql */ `DELETE FROM sessions WHERE expires_at <= @now OR last_seen_at + idle_ms <= @now`);
  const deviceByToken = db.prepare<[string], DeviceRow>(/* sql */ `SELECT * FROM devices WHERE token_hash = ?`);
  const deviceById = db.prepare<[number], DeviceRow>(/* sql */ `SELECT * FROM devices WHERE id = ?`);
  const devicesOfHub = db.prepare<[number], DeviceRow>(/* sql */ `SELECT * FROM devices WHERE hub_id = ? ORDER BY id`);
  const insertDevice = db.prepare(/* sql */ `
    INSERT INTO devices (hub_id, kind, name, token_hash, zone, printer, agency_id, created_at)
    VALUES (@hubId, @kind, @name, @tokenHash, @zone, @printer, @agencyId, @now)`);
  const revokeDevice = db.prepare(/* sql */ `UPDATE devices SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL`);
  const setPrinter = db.prepare(/* sql */ `UPDATE devices SET printer = @printer WHERE id = @id`);
  const recordPrint = db.prepare(/* sql */ `
    UPDATE devices SET last_print_at = @at, last_print_ok = @ok, last_print_error = @error WHERE id = @id`);
  const touchDevice = db.prepare(/* sql */ `UPDATE devices SET last_seen_at = @now WHERE id = @id`);

  return {
    user: (id: number): UserRecord | undefined => {
      const r = userById.get(id);
      return r && toUser(r);
    },
    userByUsername: (username: string): UserRecord | undefined => {
      const r = userByName.get(username);
      return r && toUser(r);
    },
    users: (hubId: number): UserRecord[] => usersOfHub.all(hubId).map(toUser),
    /** A new user is rostered to their home hub on any day; more hubs through setRoster. */
    insertUser: (u: Omit<UserRecord, 'id' | 'active' | 'hubIds'>, now: number): number => {
      const id = Number(insertUser.run({ ...u, now }).lastInsertRowid);
      for (const a of u.agencyIds) addAgency.run(id, a);
      setRosterEntry.run({ userId: id, hubId: u.hubId, weekdays: null });
      return id;
    },
    /** The hubs a user works in, and on which weekdays. */
    roster: (userId: number): RosterEntry[] =>
      rosterOf.all(userId).map((r) => ({ hubId: r.hub_id, weekdays: r.weekdays === null ? null : r.weekdays.split(',').map(Number) })),
    /** Assigns the user to a hub on these ISO weekdays (null = any day), or changes the days. */
    setRoster: (userId: number, entry: RosterEntry): void => {
      setRosterEntry.run({ userId, hubId: entry.hubId, weekdays: entry.weekdays === null ? null : [...entry.weekdays].sort().join(',') });
    },
    /** Replaces the whole roster; the home hub moves to the first entry when its own entry is gone. */
    replaceRoster: (userId: number, entries: readonly RosterEntry[]): void => {
      clearRoster.run(userId);
      for (const e of entries) setRosterEntry.run({ userId, hubId: e.hubId, weekdays: e.weekdays === null ? null : [...e.weekdays].sort().join(',') });
      const home = homeHubOf.get(userId);
      if (home && entries[0] && !entries.some((e) => e.hubId === home.hub_id)) setHomeHub.run(entries[0].hubId, userId);
    },
    /** A session starts in one hub (the login picks it); hubId null is for sessions older than hubs. */
    insertSession: (tokenHash: string, userId: number, now: number, expiresAt: number, idleMs = 30 * 60_000, hubId: number | null = null): void => {
      insertSession.run({ tokenHash, userId, now, expiresAt, idleMs, hubId });
    },
    sessionHub: (tokenHash: string): number | null => sessionHub.get(tokenHash)?.hub_id ?? null,
    setSessionHub: (tokenHash: string, hubId: number): void => {
      setSessionHub.run({ tokenHash, hubId });
    },
    /** The user of a session that has neither expired nor gone idle. */
    sessionUserId: (tokenHash: string, now: number): number | undefined => sessionUser.get({ tokenHash, now })?.user_id,
    /** The same, with when the session was last marked as used (marking is coarse, see touchSession). */
    activeSession: (tokenHash: string, now: number): { userId: number; hubId: number | null; lastSeenAt: number; endsAt: number } | undefined => {
      const r = sessionUser.get({ tokenHash, now });
      return r && { userId: r.user_id, hubId: r.hub_id, lastSeenAt: r.last_seen_at, endsAt: r.ends_at };
    },
    touchSession: (tokenHash: string, now: number): void => {
      touchSession.run({ tokenHash, now });
    },
    /** A stronger hash of the same password, as a login upgrades it; sessions stay. */
    rehashPassword: (id: number, hash: string): void => {
      rehashPassword.run({ id, hash });
    },
    deleteSession: (tokenHash: string): void => {
      deleteSession.run(tokenHash);
    },
    /** Ends every session of the user, e.g. when the admin changes their account. */
    deleteSessionsOfUser: (userId: number): number => deleteSessionsOfUser.run(userId).changes,
    deleteExpiredSessions: (now: number): number => deleteExpiredSessions.run({ now }).changes,
    deviceByTokenHash: (tokenHash: string): DeviceRecord | undefined => {
      const r = deviceByToken.get(tokenHash);
      return r && toDevice(r);
    },
    device: (id: number): DeviceRecord | undefined => {
      const r = deviceById.get(id);
      return r && toDevice(r);
    },
    devices: (hubId: number): DeviceRecord[] => devicesOfHub.all(hubId).map(toDevice),
    insertDevice: (
      d: { hubId: number; kind: string; name: string; tokenHash: string; zone: string | null; printer?: object | null; agencyId?: number | null },
      now: number,
    ): number =>
      Number(insertDevice.run({ ...d, printer: d.printer ? JSON.stringify(d.printer) : null, agencyId: d.agencyId ?? null, now }).lastInsertRowid),
    revokeDevice: (id: number, now: number): boolean => revokeDevice.run({ id, now }).changes === 1,
    setDevicePrinter: (id: number, printer: object | null): void => {
      setPrinter.run({ id, printer: printer === null ? null : JSON.stringify(printer) });
    },
    recordPrint: (id: number, at: number, ok: boolean, error: string | null): void => {
      recordPrint.run({ id, at, ok: ok ? 1 : 0, error });
    },
    touchDevice: (id: number, now: number): void => {
      touchDevice.run({ id, now });
    },
  };
}
