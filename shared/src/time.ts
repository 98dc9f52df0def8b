import type { Schedule } from './schemas/schedule.js';
import { weekdays } from './schemas/schedule.js';

export interface LocalMoment {
  /** YYYY-MM-DD in the hub's time zone: the key numbering restarts on. */
  date: string;
  /** HH:MM in the hub's time zone. */
  time: string;
  weekday: (typeof weekdays)[number];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localMoment(at: Date, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const weekday = (parts.weekday ?? 'Mon').slice(0, 3).toLowerCase() as LocalMoment['weekday'];
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
  };
}

export function isOpenAt(schedule: Schedule, at: Date, timeZone: string): boolean {
  const m = localMoment(at, timeZone);
  if (schedule.closed.includes(m.date)) return false;
  const extra = schedule.dates.find((d) => d.date === m.date);
  const hours = extra ? extra.hours : (schedule.weekly[m.weekday] ?? []);
  return hours.some((h) => h.from <= m.time && m.time < h.to);
}

/** UTC milliseconds of 00:00 local time on the day `at` falls on in `timeZone`. */
export function startOfLocalDay(at: Date, timeZone: string): number {
  const { date } = localMoment(at, timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallMidnightAsUtc = Date.UTC(y, m - 1, d);
  // the zone's offset near that midnight; Finnish DST changes at 03:00/04:00, never at midnight
  const probe = new Date(wallMidnightAsUtc);
  const local = localMoment(probe, timeZone);
  const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = local.time.split(':').map(Number) as [number, number];
  const offset = Date.UTC(ly, lm - 1, ld, hh, mm) - wallMidnightAsUtc;
  return wallMidnightAsUtc - offset;
}
