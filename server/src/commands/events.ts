import type { DeskRecord, HubRecord, Queries, StepRecord, VisitRecord } from '@luukku/db';
import type { StepChange, StepStatus } from '@luukku/shared';
import { deskView } from '../views/catalog.js';
import { publicLines } from '../views/queues.js';
import { staffStep } from '../views/steps.js';
import { visitView } from '../views/visits.js';
import type { Writer } from './context.js';

/**
 * The events most changes write, in one place so every command tells the same story. Each
 * carries the new state in the shape its audience shows (docs/realtime in DESIGN.md), so
 * screens apply it without asking the server again.
 */

/**
 * A step changed. `from` is its status before the command: a step that joined or left the
 * waiting line is a move in the `queues` event that follows, for the phone pages behind it.
 */
export function emitStep(
  q: Queries,
  w: Writer,
  change: StepChange,
  step: StepRecord,
  from: StepStatus | null,
  visit?: VisitRecord,
  extraAgencies: number[] = [],
): void {
  const view = staffStep(q, step, visit);
  w.emit('step', { change, step: view }, { agencyIds: [view.agencyId, ...extraAgencies] });
  w.touched.add(step.serviceId);
  const joined = step.status === 'waiting' && from !== 'waiting';
  const left = from === 'waiting' && step.status !== 'waiting';
  if (joined || left) {
    w.moves.push({ serviceId: step.serviceId, stepId: step.id, priority: step.priority, queueTime: view.queueTime, delta: joined ? 1 : -1 });
  }
}

/**
 * The visit as its phone page shows it. Written after the command's `queues` event: the page
 * applies the moves first and then takes this view, computed after the command, as the last word.
 */
export function emitVisit(q: Queries, w: Writer, hub: HubRecord, visit: VisitRecord, end?: { expired: true }): void {
  w.emit('visit', { ...visitView(q, hub, visit, w.now), ...end }, { visitId: visit.id });
}

/**
 * The figures of the lines the command changed (`all` for a desk that opened, closed or paused,
 * which changes every line it serves, and for the day's end), and the moves it made: one message
 * for every screen. A line's figures change only with its own steps and desks, so the others are
 * left out: a screen keeps what it holds for them.
 */
export function emitQueues(q: Queries, w: Writer, hub: HubRecord, now: number, lines: 'all' | 'touched' = 'touched'): void {
  const only = lines === 'all' ? null : new Set(w.touched);
  w.touched.clear();
  w.emit('queues', { queues: publicLines(q, hub, now, only), moves: w.moves.splice(0) });
}

/** A desk's new state, for the consoles (which show who sits where). */
export function emitDesk(q: Queries, w: Writer, desk: DeskRecord): void {
  w.emit('desk', deskView(q, desk));
}

export function emitCall(q: Queries, w: Writer, step: StepRecord, desk: DeskRecord, recall: boolean, visit?: VisitRecord): void {
  const v = visit ?? q.visit(step.visitId)!;
  const service = q.service(step.serviceId)!;
  const agency = q.agencies(service.hubId).find((a) => a.id === service.agencyId)!;
  w.emit(
    'call',
    {
      stepId: step.id,
      number: v.number,
      deskId: desk.id,
      deskName: desk.name,
      zone: desk.zone,
      agencyId: agency.id,
      color: agency.color,
      language: v.language,
      recall,
    },
    { zone: desk.zone },
  );
}
