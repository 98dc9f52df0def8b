import type { StaffStep } from './schemas/visit.js';
import type { LineMove } from './schemas/events.js';
import type { WaitingEntry } from './schemas/queue.js';

/**
 * The order of a line, the same as the server's (priority first, then the time the visitor
 * joined, then the step): screens that keep a line from events sort it with this.
 */
export interface LinePlace {
  stepId: number;
  priority: number;
  queueTime: string;
}

/** Negative when `a` comes before `b` in the line. */
export function compareLinePlaces(a: LinePlace, b: LinePlace): number {
  return b.priority - a.priority || Date.parse(a.queueTime) - Date.parse(b.queueTime) || a.stepId - b.stepId;
}

/** Whether a visitor who joined or left at `move` is ahead of `place` in the same line. */
export function isAhead(move: LineMove, place: LinePlace): boolean {
  return compareLinePlaces(move, place) < 0;
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
  };
}

/** A line's entries with `entry` put at its place (or taken out, when null), by step. */
export function placeEntry(entries: readonly WaitingEntry[], stepId: number, entry: WaitingEntry | null): WaitingEntry[] {
  const rest = entries.filter((e) => e.stepId !== stepId);
  if (!entry) return rest;
  const at = rest.findIndex((e) => compareLinePlaces({ ...entry, stepId: entry.stepId }, e) < 0);
  rest.splice(at < 0 ? rest.length : at, 0, entry);
  return rest;
}
