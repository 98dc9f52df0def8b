import type { Queries, StepRecord, UserRecord } from '@luukku/db';
import { DomainError } from '@luukku/shared';
import { isAdminRole, mayServe } from '../domain/access.js';
import { write, type CommandContext, type Writer } from './context.js';
import { emitCall, emitDesk, emitQueues, emitStep, emitVisit } from './events.js';
import { assertDeskAllowed, loadDesk, loadHub, loadOwnOpenDesk, loadService } from './load.js';

function audit(ctx: CommandContext, user: UserRecord, now: number, action: string, subject: string, detail?: unknown): void {
  ctx.q.audit({ hubId: user.hubId, at: now, actorKind: 'user', actorId: user.id, action, subject, detail });
}

/**
 * Opens a desk for the services this user serves now. Opening again changes the services.
 * A user works at one desk at a time: opening another one closes the first, if it is free.
 */
export function openDesk(ctx: CommandContext, user: UserRecord, deskId: number, serviceIds: readonly number[]): void {
  write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const desk = loadDesk(q, user.hubId, deskId);
    if (desk.status !== 'closed' && desk.userId !== user.id) {
      throw new DomainError('DESK_TAKEN', `Desk ${desk.name} is open for another staff member`);
    }
    const unique = [...new Set(serviceIds)];
    for (const id of unique) {
      const service = loadService(q, user.hubId, id);
      if (!mayServe(user, service)) throw new DomainError('FORBIDDEN', `You do not serve ${service.code}`, { serviceId: id });
    }
    for (const other of q.desksOfUser(user.id)) {
      if (other.id === desk.id) continue;
      // one desk at a time across hubs too: a desk left open in another hub is closed there, by its own hub's stream
      if (other.hubId !== user.hubId && other.status !== 'closed') {
        throw new DomainError('DESK_STILL_OPEN', `Close your desk ${other.name} in the other hub first`);
      }
      if (other.hubId !== user.hubId) continue;
      if (q.activeStepOfDesk(other.id)) {
        throw new DomainError('DESK_BUSY', `Finish the visitor at desk ${other.name} before moving`);
      }
      q.setDeskState(other.id, 'closed', null, null);
      q.setDeskServices(other.id, []);
      emitDesk(q, w, q.desk(other.id)!);
    }
    q.setDeskState(desk.id, 'open', user.id, now);
    q.setDeskServices(desk.id, unique);
    audit(ctx, user, now, 'desk.open', `desk:${desk.id}`, { serviceIds: unique });
    emitDesk(q, w, q.desk(desk.id)!);
    emitQueues(q, w, loadHub(q, user.hubId), now, 'all');
  });
}

export function closeDesk(ctx: CommandContext, user: UserRecord, deskId: number): void {
  write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const desk = loadDesk(q, user.hubId, deskId);
    if (desk.status === 'closed') return;
    if (desk.userId !== user.id && !isAdminRole(user.role)) {
      throw new DomainError('DESK_TAKEN', `Desk ${desk.name} is open for another staff member`);
    }
    if (q.activeStepOfDesk(desk.id)) {
      throw new DomainError('DESK_BUSY', 'Finish, refer or return the current visitor before closing');
    }
    q.setDeskState(desk.id, 'closed', null, null);
    q.setDeskServices(desk.id, []);
    audit(ctx, user, now, 'desk.close', `desk:${desk.id}`);
    emitDesk(q, w, q.desk(desk.id)!);
    emitQueues(q, w, loadHub(q, user.hubId), now, 'all');
  });
}

/** A break keeps the desk and its services but takes it out of "call next" and the estimates. */
export function setDeskBreak(ctx: CommandContext, user: UserRecord, deskId: number, onBreak: boolean): void {
  write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const desk = loadDesk(q, user.hubId, deskId);
    if (desk.status === 'closed') throw new DomainError('DESK_CLOSED', `Desk ${desk.name} is closed`);
    if (desk.userId !== user.id) throw new DomainError('DESK_TAKEN', `Desk ${desk.name} is open for another staff member`);
    if (onBreak && q.activeStepOfDesk(desk.id)) {
      throw new DomainError('DESK_BUSY', 'Finish, refer or return the current visitor before a break');
    }
    q.setDeskState(desk.id, onBreak ? 'break' : 'open', user.id, now);
    audit(ctx, user, now, onBreak ? 'desk.break' : 'desk.resume', `desk:${desk.id}`);
    emitDesk(q, w, q.desk(desk.id)!);
    emitQueues(q, w, loadHub(q, user.hubId), now, 'all');
  });
}

/**
 * Calls the next visitor for the desk's services: highest priority first, then the earliest
 * place in line across all of them, so no line starves. The claim is one UPDATE that checks
 * the step is still waiting; two desks pressing at once never get the same visitor (rule 1).
 */
export function callNext(ctx: CommandContext, user: UserRecord, deskId: number): StepRecord {
  return write(ctx, user.hubId, (w, now) => {
    const { q } = ctx;
    const desk = loadOwnOpenDesk(q, user, deskId);
    assertDeskAllowed(q, user, desk);
    if (q.activeStepOfDesk(desk.id)) {
      throw new DomainError('DESK_BUSY', 'Finish, refer or return the current visitor first');
    }
    const step = q.claimNext(desk.serviceIds, desk.id, user.id, now, desk.accessible);
    if (!step) {
      const waiting = !desk.accessible && q.waitingCounts(user.hubId).some((c) => desk.serviceIds.includes(c.serviceId));
      throw new DomainError(
        'QUEUE_EMPTY',
        waiting
          ? `Everyone waiting for the services of desk ${desk.name} asked for an accessible desk, and this desk is not one`
          : 'Nobody is waiting for the services of this desk',
      );
    }
    q.insertCall({ hubId: user.hubId, stepId: step.id, deskId: desk.id, userId: user.id, recall: false, at: now });
    const hub = loadHub(q, user.hubId);
    const visit = q.visit(step.visitId)!;
    emitCall(q, w, step, desk, false, visit);
    emitStep(q, w, 'called', step, 'waiting', visit);
    emitDesk(q, w, desk);
    emitQueues(q, w, hub, now);
    emitVisit(q, w, hub, visit);
    return step;
  });
}

/**
 * Closes every desk of a user whose account changed (rule 8), inside the change's transaction.
 * A visitor held at such a desk goes back to their line at their old place, as "return to
 * queue" does, so no one is stranded at a desk nobody may act on.
 */
export function releaseUserDesks(q: Queries, w: Writer, userId: number, now: number, onlyHubId?: number): number[] {
  const closed: number[] = [];
  for (const desk of q.desksOfUser(userId)) {
    // taken off one hub's roster: only that hub's desk closes
    if (onlyHubId !== undefined && desk.hubId !== onlyHubId) continue;
    const held = q.activeStepOfDesk(desk.id);
    if (held && q.updateStep(held, held.status, { status: 'waiting', deskId: null, userId: null, calledAt: null, startedAt: null })) {
      const hub = loadHub(q, desk.hubId);
      const visit = q.visit(held.visitId)!;
      emitStep(q, w, 'returned', q.step(held.id)!, held.status, visit);
      emitVisit(q, w, hub, visit);
    }
    if (desk.status !== 'closed') {
      q.setDeskState(desk.id, 'closed', null, null);
      q.setDeskServices(desk.id, []);
      emitDesk(q, w, q.desk(desk.id)!);
      closed.push(desk.id);
    }
  }
  if (closed.length > 0) emitQueues(q, w, loadHub(q, q.desk(closed[0]!)!.hubId), now, 'all');
  return closed;
}
