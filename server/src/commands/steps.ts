import type { Queries, StepChanges, StepRecord, UserRecord } from '@luukku/db';
import { DomainError, fitsDesk, isOpenAt, type ReferBody, type StepChange, type StepStatus } from '@luukku/shared';
import { assertTransition } from '../domain/transitions.js';
import { placeInLine } from '../domain/placement.js';
import { write, type CommandContext, type Writer } from './context.js';
import { emitCall, emitDesk, emitQueues, emitStep, emitVisit } from './events.js';
import { assertDeskAllowed, loadHub, loadOwnOpenDesk, loadService, loadStep, loadStepFor, stepRef } from './load.js';
import { mayCall, mayTakeOver } from '../domain/access.js';

/** Applies one transition, guarded by the status it was read in: the loser of a race gets a 409. */
function apply(q: Queries, step: StepRecord, to: StepStatus, changes: Omit<StepChanges, 'status'>): StepRecord {
  assertTransition(step.status, to);
  if (!q.updateStep(step, step.status, { ...changes, status: to })) {
    throw new DomainError('ILLEGAL_TRANSITION', 'The visitor was changed by someone else just now; reload');
  }
  return q.step(step.id)!;
}

/**
 * After a step ends: the next planned step of the visit joins its line (keeping the visit's
 * arrival), or the visit is over.
 */
function advanceVisit(q: Queries, w: Writer, step: StepRecord, ending: 'done' | 'no_show' | 'cancelled', now: number): void {
  const steps = q.stepsOfVisit(step.visitId);
  if (ending === 'done') {
    const next = steps.find((s) => s.status === 'planned');
    if (next) {
      const visit = q.visit(step.visitId)!;
      const place = placeInLine('keep', visit.arrivedAt, now);
      const activated = apply(q, next, 'waiting', { queueTime: place.queueTime, priority: place.priority });
      emitStep(q, w, 'activated', activated, 'planned', visit);
      return;
    }
  } else {
    for (const s of steps) if (s.status === 'planned') apply(q, s, 'cancelled', { endedAt: now });
  }
  q.endVisit(step.visitId, ending, now);
}

function audit(q: Queries, user: UserRecord, now: number, action: string, step: StepRecord, detail?: unknown): void {
  q.audit({ hubId: user.hubId, at: now, actorKind: 'user', actorId: user.id, action, subject: `step:${step.id}`, detail });
}

type Simple = 'start' | 'finish' | 'no-show' | 'return' | 'cancel';

const simple: Record<Simple, { to: StepStatus; change: StepChange }> = {
  start: { to: 'serving', change: 'started' },
  finish: { to: 'done', change: 'finished' },
  'no-show': { to: 'no_show', change: 'no_show' },
  return: { to: 'waiting', change: 'returned' },
  cancel: { to: 'cancelled', change: 'cancelled' },
};

/** start, finish, no-show, return to queue (keeps the place), cancel. */
export function transitionStep(ctx: CommandContext, user: UserRecord, stepId: number, action: Simple): StepRecord {
  return write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const { step } = loadStepFor(q, user, stepId, action);
    const { to, change } = simple[action];
    let changes: Omit<StepChanges, 'status'>;
    switch (to) {
      case 'serving':
        changes = { startedAt: now };
        break;
      case 'waiting':
        // the visitor stepped out: back to the line at their old place, not to the back
        changes = { deskId: null, userId: null, calledAt: null, startedAt: null };
        break;
      default:
        changes = { endedAt: now };
    }
    const wasPlanned = step.status === 'planned';
    const updated = apply(q, step, to, changes);
    if (wasPlanned) {
      // dropping a later part of the plan: the visit goes on where it is
      const rest = q.stepsOfVisit(step.visitId).filter((s) => s.status === 'planned' || s.status === 'waiting' || s.status === 'called' || s.status === 'serving');
      if (rest.length === 0) q.endVisit(step.visitId, 'cancelled', now);
    } else if (to === 'done' || to === 'no_show' || to === 'cancelled') {
      advanceVisit(q, w, updated, to, now);
    }
    audit(q, user, now, `step.${action}`, step);
    const hub = loadHub(q, user.hubId);
    const visit = q.visit(updated.visitId)!;
    emitStep(q, w, change, updated, step.status, visit);
    // the desk that held the step has let it go (on start it still holds it: no change)
    if (step.deskId !== null && to !== 'serving') {
      const desk = q.desk(step.deskId);
      if (desk) emitDesk(q, w, desk);
    }
    emitQueues(q, w, hub, now);
    emitVisit(q, w, hub, visit);
    return updated;
  });
}

/** Calls a chosen waiting visitor to this user's desk. */
export function callStep(ctx: CommandContext, user: UserRecord, stepId: number, deskId: number): StepRecord {
  return write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const desk = loadOwnOpenDesk(q, user, deskId);
    assertDeskAllowed(q, user, desk);
    const step = loadStep(q, user.hubId, stepId);
    if (!mayCall(user, stepRef(q, step))) throw new DomainError('FORBIDDEN', 'This visitor is in another agency’s line');
    if (!desk.serviceIds.includes(step.serviceId)) {
      throw new DomainError('SERVICE_NOT_SERVED_HERE', `Desk ${desk.name} is not open for this visitor's service; add it to the desk first`);
    }
    if (q.activeStepOfDesk(desk.id)) throw new DomainError('DESK_BUSY', 'Finish, refer or return the current visitor first');
    const visit = q.visit(step.visitId)!;
    if (!fitsDesk(visit.needs, desk)) {
      throw new DomainError('DESK_NOT_ACCESSIBLE', `This visitor asked for an accessible desk, and desk ${desk.name} is not one`);
    }
    const called = apply(q, step, 'called', { deskId: desk.id, userId: user.id, calledAt: now });
    q.insertCall({ hubId: user.hubId, stepId: step.id, deskId: desk.id, userId: user.id, recall: false, at: now });
    audit(q, user, now, 'step.call', step);
    const hub = loadHub(q, user.hubId);
    emitCall(q, w, called, desk, false, visit);
    emitStep(q, w, 'called', called, step.status, visit);
    emitDesk(q, w, desk);
    emitQueues(q, w, hub, now);
    emitVisit(q, w, hub, visit);
    return called;
  });
}

/** Announces the call again on the display. */
export function recallStep(ctx: CommandContext, user: UserRecord, stepId: number): StepRecord {
  return write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const { step } = loadStepFor(q, user, stepId, 'recall');
    if (step.status !== 'called' || step.deskId === null) {
      throw new DomainError('STEP_NOT_CALLED', 'Only a called visitor can be called again');
    }
    const desk = q.desk(step.deskId)!;
    q.insertCall({ hubId: user.hubId, stepId: step.id, deskId: desk.id, userId: user.id, recall: true, at: now });
    audit(q, user, now, 'step.recall', step);
    const visit = q.visit(step.visitId)!;
    emitCall(q, w, step, desk, true, visit);
    emitStep(q, w, 'recalled', step, step.status, visit);
    emitVisit(q, w, loadHub(q, user.hubId), visit);
    return step;
  });
}

/**
 * Ends this step by sending the visitor on: the first service is queued now, the others are
 * planned after it. The visit keeps its number; its place in the new line follows the
 * placement given or the hub's policy (default: the original arrival time).
 */
export function referStep(ctx: CommandContext, user: UserRecord, stepId: number, body: ReferBody): { from: StepRecord; to: StepRecord } {
  return write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const hub = loadHub(q, user.hubId);
    const { step, service: fromService } = loadStepFor(q, user, stepId, 'refer');
    assertTransition(step.status, 'referred');
    const targets = body.services.map((id) => loadService(q, hub.id, id));
    const first = targets[0]!;
    // the note goes to one agency: the one chosen among the targets, or the first target's
    const noteFor = body.noteFor ?? first.agencyId;
    const addressed = targets.find((t) => t.agencyId === noteFor);
    if (!addressed) {
      throw new DomainError('VALIDATION_FAILED', 'noteFor: the note can be addressed only to an agency the visitor is referred to', { noteFor });
    }
    if (first.id === step.serviceId) {
      throw new DomainError('REFER_TO_SAME_SERVICE', 'Use "return to queue" to put the visitor back in this line');
    }
    const closed = targets.filter((t) => !isOpenAt(t.schedule, new Date(now), hub.timeZone));
    if (closed.length > 0) {
      throw new DomainError('SERVICE_CLOSED', `Not open now: ${closed.map((t) => t.code).join(', ')}`, {
        serviceIds: closed.map((t) => t.id),
      });
    }
    const placement = body.placement ?? hub.referralPolicy;
    const visit = q.visit(step.visitId)!;
    const ended = apply(q, step, 'referred', { endedAt: now });
    // a service the visit already had planned is now queued by this referral: never twice
    const targetIds = new Set(targets.map((t) => t.id));
    for (const planned of q.stepsOfVisit(visit.id)) {
      if (planned.status === 'planned' && targetIds.has(planned.serviceId)) apply(q, planned, 'cancelled', { endedAt: now });
    }
    const place = placeInLine(placement, visit.arrivedAt, now);
    let position = q.maxPosition(visit.id);
    const newSteps = targets.map((t, i) => {
      const id = q.insertStep(
        {
          hubId: hub.id,
          visitId: visit.id,
          serviceId: t.id,
          position: ++position,
          status: i === 0 ? 'waiting' : 'planned',
          queueTime: i === 0 ? place.queueTime : null,
          priority: i === 0 ? place.priority : 0,
          placement: i === 0 ? placement : 'keep',
        },
        now,
      );
      q.insertReferral({
        hubId: hub.id,
        visitId: visit.id,
        fromStepId: step.id,
        toStepId: id,
        fromAgencyId: fromService.agencyId,
        toAgencyId: t.agencyId,
        reason: body.reason,
        placement: i === 0 ? placement : 'keep',
        note: body.note && t === addressed ? body.note : null,
        noteForAgencyId: body.note && t === addressed ? noteFor : null,
        byUserId: user.id,
        createdAt: now,
      });
      return q.step(id)!;
    });
    audit(q, user, now, 'step.refer', step, { to: body.services, reason: body.reason, placement, ...(body.note ? { noteFor } : {}) });
    // each step's news to its own audience: never to the other agencies of the referral
    emitStep(q, w, 'referred', ended, step.status, visit);
    emitStep(q, w, 'activated', newSteps[0]!, null, visit);
    if (step.deskId !== null) {
      const desk = q.desk(step.deskId);
      if (desk) emitDesk(q, w, desk);
    }
    emitQueues(q, w, hub, now);
    emitVisit(q, w, hub, visit);
    return { from: ended, to: newSteps[0]! };
  });
}

/**
 * An admin takes over a step another desk holds (the holder left, the console broke): the step
 * becomes the admin's to act on, and the reason is audited. Without this an admin is refused.
 */
export function takeOverStep(ctx: CommandContext, user: UserRecord, stepId: number, reason: string): StepRecord {
  return write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    if (!mayTakeOver(user)) throw new DomainError('FORBIDDEN', 'Only an admin may take over a visitor held by another desk');
    const step = loadStep(q, user.hubId, stepId);
    if (step.status !== 'called' && step.status !== 'serving') {
      throw new DomainError('STEP_NOT_ACTIVE', 'Only a called or served visitor is held by a desk');
    }
    if (!q.updateStep(step, step.status, { status: step.status, userId: user.id })) {
      throw new DomainError('ILLEGAL_TRANSITION', 'The visitor was changed by someone else just now; reload');
    }
    const taken = q.step(step.id)!;
    audit(q, user, now, 'step.take-over', step, { reason, fromUserId: step.userId, deskId: step.deskId });
    emitStep(q, w, 'taken_over', taken, step.status);
    return taken;
  });
}
