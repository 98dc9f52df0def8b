import type { Db } from '../open.js';

/** Accounts signed in through OpenID Connect, and the ID token kept with their session. */
export function oidcQueries(db: Db) {
  const userIdBySubject = db.prepare<[string], { id: number }>(/* sql */ `SELECT id FROM users WHERE oidc_subject = ?`);
  const insertUser = db.prepare(/* sql */ `
    INSERT INTO users (hub_id, username, display_name, password_hash, role, language, created_at, oidc_subject)
    VALUES (@hubId, @username, @displayName, '!oidc', @role, @language, @now, @subject)`);
  // rostered to the hub it was made in, on any day, as an admin-made user is (migration 017)
  const roster = db.prepare(/* sql */ `INSERT INTO user_hubs (user_id, hub_id, weekdays) VALUES (?, ?, NULL)`);
  const clearRoster = db.prepare(/* sql */ `DELETE FROM user_hubs WHERE user_id = ?`);
  const addRoster = db.prepare(/* sql */ `INSERT INTO user_hubs (user_id, hub_id, weekdays) VALUES (?, ?, ?)`);
  const setHome = db.prepare(/* sql */ `UPDATE users SET hub_id = ? WHERE id = ?`);
  const usernameTaken = db.prepare<[string], { n: number }>(/* sql */ `SELECT count(*) AS n FROM users WHERE username = ?`);
  const setMapped = db.prepare(/* sql */ `UPDATE users SET role = @role, display_name = @displayName WHERE id = @id`);
  const clearAgencies = db.prepare(/* sql */ `DELETE FROM user_agencies WHERE user_id = ?`);
  const addAgency = db.prepare(/* sql */ `INSERT INTO user_agencies (user_id, agency_id) VALUES (?, ?)`);
  const setIdToken = db.prepare(/* sql */ `UPDATE sessions SET id_token = @idToken WHERE token_hash = @tokenHash`);
  const idToken = db.prepare<[string], { id_token: string | null }>(/* sql */ `SELECT id_token FROM sessions WHERE token_hash = ?`);

  return {
    userIdByOidcSubject: (subject: string): number | undefined => userIdBySubject.get(subject)?.id,
    usernameTaken: (username: string): boolean => usernameTaken.get(username)!.n > 0,
    /** A user created at their first sign-in; the password hash is no scrypt hash, so no password opens it. */
    insertOidcUser: (u: { hubId: number; username: string; displayName: string; role: string; language: string; subject: string }, now: number): number => {
      const id = Number(insertUser.run({ ...u, now }).lastInsertRowid);
      roster.run(id, u.hubId);
      return id;
    },
    /** Role, agencies and name as the identity provider's claims give them at this sign-in. */
    setMappedAccess: (id: number, role: string, agencyIds: readonly number[], displayName: string): void => {
      setMapped.run({ id, role, displayName });
      clearAgencies.run(id);
      for (const a of new Set(agencyIds)) addAgency.run(id, a);
    },
    /** The hubs the claims give, in the mapping's order: the first is the user's home hub. */
    setOidcRoster: (id: number, roster: readonly { hubId: number; weekdays: readonly number[] | null }[]): void => {
      clearRoster.run(id);
      for (const r of roster) addRoster.run(id, r.hubId, r.weekdays === null ? null : [...r.weekdays].sort().join(','));
      if (roster[0]) setHome.run(roster[0].hubId, id);
    },
    setSessionIdToken: (tokenHash: string, token: string): void => {
      setIdToken.run({ tokenHash, idToken: token });
    },
    sessionIdToken: (tokenHash: string): string | null => idToken.get(tokenHash)?.id_token ?? null,
  };
}
