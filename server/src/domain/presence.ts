import { weekdays, type NextVisit, type OpeningHours, type Schedule } from '@luukku/shared';

/** How far ahead the kiosk looks for an absent agency's next day in the hub. */
export const lookAheadDays = 60;

/** A local date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const weekdayOf = (date: string): (typeof weekdays)[number] => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 = Sunday; `weekdays` starts on Monday
  return weekdays[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
};

/** A schedule's hours on one local date, as `isOpenAt` reads it: closed days, then one-off dates, then the week. */
export function hoursOn(schedule: Schedule, date: string): readonly OpeningHours[] {
  if (schedule.closed.includes(date)) return [];
  const extra = schedule.dates.find((d) => d.date === date);
  return extra ? extra.hours : (schedule.weekly[weekdayOf(date)] ?? []);
}

/** Several services' hours on one day as the visitor sees the agency's: overlapping or touching spans joined. */
export function mergeHours(hours: readonly OpeningHours[]): OpeningHours[] {
  const out: OpeningHours[] = [];
  for (const h of [...hours].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = out.at(-1);
    if (last && h.from <= last.to) last.to = h.to > last.to ? h.to : last.to;
    else out.push({ from: h.from, to: h.to });
  }
  return out;
}

/**
 * The first day after `today` within `lookAheadDays` on which any of the schedules has hours,
 * with the agency's hours that day; null when there is none.
 */
export function nextVisit(schedules: readonly Schedule[], today: string): NextVisit | null {
  for (let i = 1; i <= lookAheadDays; i++) {
    const date = addDays(today, i);
    const hours = mergeHours(schedules.flatMap((s) => hoursOn(s, date)));
    if (hours.length > 0) return { date, weekday: weekdayOf(date), hours };
  }
  return null;
}
