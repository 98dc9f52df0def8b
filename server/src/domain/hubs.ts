/**
 * Which hub a staff member is in (issue 12 §1). Pure: the roster and each hub's weekday today
 * come in, a hub id goes out. Who may enter which hub is access.ts's (mayEnterHub).
 */
import { localMoment } from '@luukku/shared';

export interface RosterRef {
  hubId: number;
  /** ISO weekdays 1 (Monday) … 7; null = any day. */
  weekdays: readonly number[] | null;
}

const iso = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

/** The ISO weekday at this moment on the hub's own clock. */
export function weekdayIn(at: Date, timeZone: string): number {
  return iso[localMoment(at, timeZone).weekday];
}

export function rosteredOn(entry: RosterRef, weekday: number): boolean {
  return entry.weekdays === null || entry.weekdays.includes(weekday);
}

/**
 * The hub a login opens: one the user is rostered to on this weekday by name (a Tuesday-only
 * hub wins over an any-day one on Tuesdays), else one rostered for any day, else the home hub,
 * else the first assigned; null for a user with no hub at all.
 */
export function openingHub(roster: readonly RosterRef[], homeHubId: number, weekdayOf: (hubId: number) => number): number | null {
  const named = roster.find((e) => e.weekdays !== null && e.weekdays.includes(weekdayOf(e.hubId)));
  if (named) return named.hubId;
  const anyDay = roster.filter((e) => e.weekdays === null);
  if (anyDay.length > 0) return (anyDay.find((e) => e.hubId === homeHubId) ?? anyDay[0]!).hubId;
  return roster.find((e) => e.hubId === homeHubId)?.hubId ?? roster[0]?.hubId ?? null;
}
