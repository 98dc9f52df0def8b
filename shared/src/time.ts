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
