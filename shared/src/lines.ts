import type { PublicVisit, StaffStep } from './schemas/visit.js';
import type { HubEvent, LineMove, QueuesData } from './schemas/events.js';
import type { QueueLine, QueueSummary, WaitingEntry } from './schemas/queue.js';
import type { Desk } from './schemas/catalog.js';
import type { PrinterStatus } from './schemas/printer.js';
import { estimateWithAppointments } from './estimates.js';

/**
 * The order of a line, the same as the server's claimNext: first everyone already due (queue
 * time at or before `now`), by priority, then the time they joined, then the step; after them
 * those whose queue time is still ahead (an appointment checked in early), in the same order.
 * Screens that keep a line from events sort it with this, at their own clock.
 */
export interface LinePlace {
  stepId: number;
  priority: number;
  queueTime: string;
}

/** Negative when `a` comes before `b` in the line at `now` (ms). */
export function compareLinePlaces(a: LinePlace, b: LinePlace, now: number): number {
  const ta = Date.parse(a.queueTime);
  const tb = Date.parse(b.queueTime);
  return Number(ta > now) - Number(tb > now) || b.priority - a.priority || ta - tb || a.stepId - b.stepId;
}

/** Whether a visitor who joined or left at `move` is ahead of `place` in the same line at `now`. */
export function isAhead(move: LineMove, place: LinePlace, now: number): boolean {
  return compareLinePlaces(move, place, now) < 0;
}

/** A waiting step as its line shows it: what a console adds to its line from a `step` event. */
export function entryOfStep(step: StaffStep): WaitingEntry {
  return {
    stepId: step.id,
    visitId: step.visitId,
    number: step.number,
    arrivedAt: step.arrivedAt,
    queueTime: step.queueTime,
    priority: step.priority,
    language: step.language,
    needs: step.needs,
    referredFrom: step.referredFrom
      ? { agencyId: step.referredFrom.agencyId, reason: step.referredFrom.reason, hasNote: step.referredFrom.hasNote }
      : null,
    appointment: step.appointment,
  };
}

/** A line's entries with `entry` put at its place at `now` (or taken out, when null), by step. */
export function placeEntry(entries: readonly WaitingEntry[], stepId: number, entry: WaitingEntry | null, now: number): WaitingEntry[] {
  const rest = entries.filter((e) => e.stepId !== stepId);
  if (!entry) return rest;
  const at = rest.findIndex((e) => compareLinePlaces({ ...entry, stepId: entry.stepId }, e, now) < 0);
  rest.splice(at < 0 ? rest.length : at, 0, entry);
  return rest;
}

/**
 * Lines with the figures of a `queues` event. Each line keeps what only its screen holds (a
 * console's names and entries); a line the screen does not hold is not added.
 */
export function withLineFigures<T extends QueueLine>(lines: readonly T[], figures: readonly QueueLine[]): T[] {
  const byService = new Map(figures.map((f) => [f.serviceId, f]));
  return lines.map((line) => {
    const f = byService.get(line.serviceId);
    return f ? { ...line, ...f } : line;
  });
}

/**
 * A console's lines after a `step` event: the step leaves whichever line listed it, and joins
 * its own line, at its place, while it waits there. Lines the reader is not shown keep no entries.
 */
export function withStep<T extends { serviceId: number; entries?: WaitingEntry[] }>(lines: readonly T[], step: StaffStep, now: number): T[] {
  const entry = step.status === 'waiting' ? entryOfStep(step) : null;
  return lines.map((line) => {
    if (!line.entries) return line;
    const own = line.serviceId === step.serviceId;
    if (!own && !line.entries.some((e) => e.stepId === step.id)) return line;
    return { ...line, entries: placeEntry(line.entries, step.id, own ? entry : null, now) };
  });
}

type Current = NonNullable<PublicVisit['current']>;

/**
 * A phone page's own place after a `queues` event: each visitor who joined or left ahead of it
 * in its line (in the line's order at `now`) changes its count, and the wait is estimated as the
 * server does.
 */
export function followLine(current: Current | null, data: QueuesData, now: number): Current | null {
  const place = current?.place;
  if (!current || !place) return current;
  let peopleAhead = current.peopleAhead;
  for (const move of data.moves) {
    if (move.serviceId === current.serviceId && move.stepId !== place.stepId && isAhead(move, place, now)) peopleAhead += move.delta;
  }
  peopleAhead = Math.max(0, peopleAhead);
  const line = data.queues.find((q) => q.serviceId === current.serviceId);
  // as the server's estimateForStep: a due walk-in also waits for the appointments due before its turn
  const due = place.priority < 2 && Date.parse(place.queueTime) <= now ? (line?.appointmentsDue ?? []).map((t) => Date.parse(t)) : [];
  const estimateMin = line ? estimateWithAppointments(peopleAhead, line.typicalMin, line.openDesks, now, due) : current.estimateMin;
  return { ...current, peopleAhead, estimateMin };
}

/** A list with `item` in place of the one with the same key, or added at the end: a desk, a printer. */
export function withItem<T, K>(list: readonly T[], item: T, key: (x: T) => K): T[] {
  const k = key(item);
  return list.some((x) => key(x) === k) ? list.map((x) => (key(x) === k ? item : x)) : [...list, item];
}

/** What a staff console keeps from events: every line, every desk, the kiosks' printers. */
export interface ConsoleLists {
  queues: QueueSummary[];
  desks: Desk[];
  printers: PrinterStatus[];
}

/**
 * A console's lists after an event: the event's lines, step, desk or printer put in place.
 * `reload` for a change of the hub's setup (an admin's edit: rare, and it touches names, hours
 * and desks everywhere); null for an event that changes none of them (a call).
 */
export function consoleListsAfter(lists: ConsoleLists, e: HubEvent, now: number): ConsoleLists | 'reload' | null {
  switch (e.type) {
    case 'queues':
      return { ...lists, queues: withLineFigures(lists.queues, e.data.queues) };
    case 'step':
      return { ...lists, queues: withStep(lists.queues, e.data.step, now) };
    case 'desk':
      return { ...lists, desks: withItem(lists.desks, e.data, (d) => d.id) };
    case 'device':
      return { ...lists, printers: withItem(lists.printers, e.data, (p) => p.deviceId) };
    case 'catalog':
      return 'reload';
    default:
      return null;
  }
}
