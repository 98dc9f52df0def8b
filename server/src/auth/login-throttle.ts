/**
 * Failed logins per username, with a growing wait: after `freeFailures` wrong passwords in a row
 * the next try must wait 30 s, after another failure 1 min, then 2, 4… up to 15 min. While the wait runs every try is
 * refused before the password is even hashed, the right password included, so guessing costs
 * an attacker time and the server nothing. Kept in memory: a restart forgets, which only gives
 * an attacker the free tries again, and a full-scale attack is stopped by the per-address limit.
 *
 * The key is the username as typed (lower-cased), known or not, so that a lock-out does not
 * tell which usernames exist. The map is capped so that a spray of made-up names cannot grow it.
 */
export const freeFailures = 5;
const firstWaitMs = 30_000;
const longestWaitMs = 15 * 60_000;
// a username that has been left alone this long starts over
const forgetAfterMs = 24 * 3600_000;
const maxTracked = 10_000;

interface Failures {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

export interface LoginThrottle {
  /** Milliseconds this username must still wait before it may try again (0: may try now). */
  waitMs: (username: string, now: number) => number;
  /** A try that is not (yet) known to be right; returns the wait it starts, 0 if none yet. */
  failed: (username: string, now: number) => number;
  /** The right password: the username starts over. */
  succeeded: (username: string) => void;
}

export function createLoginThrottle(): LoginThrottle {
  const byName = new Map<string, Failures>();
  const current = (username: string, now: number): Failures | undefined => {
    const f = byName.get(username);
    if (f && now - f.lastAt > forgetAfterMs) {
      byName.delete(username);
      return undefined;
    }
    return f;
  };
  return {
    waitMs: (username, now) => Math.max(0, (current(username, now)?.lockedUntil ?? 0) - now),
    failed: (username, now) => {
      const f = current(username, now) ?? { count: 0, lastAt: now, lockedUntil: 0 };
      f.count++;
      f.lastAt = now;
      const over = f.count - freeFailures;
      const wait = over < 0 ? 0 : Math.min(longestWaitMs, firstWaitMs * 2 ** Math.min(over, 20));
      f.lockedUntil = now + wait;
      // re-insert so that the map's order is least recently failed first, and evict from there
      byName.delete(username);
      byName.set(username, f);
      if (byName.size > maxTracked) byName.delete(byName.keys().next().value!);
      return wait;
    },
    succeeded: (username) => {
      byName.delete(username);
    },
  };
}
