import type { QueueSummary, Schedule, WaitingEntry } from '@luukku/shared';
import { compareLinePlaces } from '@luukku/shared/lines';
import { fitsDesk, type DeskFit } from '@luukku/shared/fit';

/**
 * Pure figures the console draws from the lines it holds and its own clock. (Not from
 * `@luukku/shared`'s time module: that one reaches zod, which the console's CSP cannot run.)
 */

/** Whole minutes since `iso` on the console's clock, so a wait grows between events. */
export function minutesSince(iso: string | null, now: number): number {
  return iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000)) : 0;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The hub's local date and weekday at `now`, as the server keys schedules by them. */
function localDay(now: number, timeZone: string): { date: string; weekday: keyof Schedule['weekly'] } {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' })));
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(now))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: (parts.weekday ?? 'Mon').slice(0, 3).toLowerCase() as keyof Schedule['weekly'] };
}

/** Whether a service has any hours on the hub's day: a pop-up service without them is absent today. */
export function hereToday(schedule: Schedule, now: number, timeZone: string): boolean {
  const { date, weekday } = localDay(now, timeZone);
  if (schedule.closed.includes(date)) return false;
  const extra = schedule.dates.find((d) => d.date === date);
  return (extra ? extra.hours : (schedule.weekly[weekday] ?? [])).length > 0;
}

/**
 * Who "call next" would call at a desk: the first of its lines' visitors in call order at
 * `now` (everyone due by priority, then the time they joined; an appointment checked in early
 * after them), across the desk's services, as the server picks; at a desk that is not
 * accessible, the first who did not ask for an accessible one. Every entry is compared, not
 * only each line's first: an early appointment becomes due between events.
 */
export function nextInLine(
  queues: readonly QueueSummary[],
  serviceIds: readonly number[],
  desk: DeskFit = { accessible: true, languages: [] },
  now = Date.now(),
): WaitingEntry | null {
  let next: WaitingEntry | null = null;
  for (const q of queues) {
    if (!serviceIds.includes(q.serviceId)) continue;
    for (const e of q.entries ?? []) if (fitsDesk(e.needs, desk) && (!next || compareLinePlaces(e, next, now) < 0)) next = e;
  }
  return next;
}
