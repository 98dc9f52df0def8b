import type { HubRecord, Queries, ServiceRecord, StepRecord, DeskRecord, UserRecord } from '@luukku/db';
import { DomainError } from '@luukku/shared';
import { mayAct, mayReadVisit, staleServices, type DeskRef, type StepAction, type StepRef } from '../domain/access.js';

export function loadHub(q: Queries, hubId: number): HubRecord {
  const hub = q.hub(hubId);
  if (!hub) throw new DomainError('HUB_NOT_FOUND', `No hub ${hubId}`);
  return hub;
}

export function loadService(q: Queries, hubId: number, serviceId: number): ServiceRecord {
  const service = q.service(serviceId);
  if (!service || service.hubId !== hubId || !service.active) {
    throw new DomainError('SERVICE_NOT_FOUND', `No service ${serviceId} in this hub`, { serviceId });
  }
  return service;
}

export function loadStep(q: Queries, hubId: number, stepId: number): StepRecord {
  const step = q.step(stepId);
  if (!step || step.hubId !== hubId) throw new DomainError('STEP_NOT_FOUND', `No step ${stepId}`, { stepId });
  return step;
}

export function loadDesk(q: Queries, hubId: number, deskId: number): DeskRecord {
  const desk = q.desk(deskId);
  if (!desk || desk.hubId !== hubId) throw new DomainError('DESK_NOT_FOUND', `No desk ${deskId}`, { deskId });
  return desk;
}

/** A step with its service, as the access rules read it. */
export function stepRef(q: Queries, step: StepRecord): StepRef {
  const service = q.service(step.serviceId)!;
  return { status: step.status, userId: step.userId, service: { id: service.id, agencyId: service.agencyId, isGuidance: service.isGuidance } };
}

/** The user's own desk while it is open or on a break; null when they are at none. */
export function deskOf(q: Queries, user: UserRecord): DeskRef | null {
  // the desk in the hub the user is in now; a desk elsewhere holds nothing here
  return q.desksOfUser(user.id).find((d) => d.hubId === user.hubId && d.status !== 'closed') ?? null;
}

/** The step, if this user may take this action on it (docs/security.md §1). */
export function loadStepFor(q: Queries, user: UserRecord, stepId: number, action: StepAction): { step: StepRecord; service: ServiceRecord } {
  const step = loadStep(q, user.hubId, stepId);
  const service = q.service(step.serviceId)!;
  const active = q.stepsOfVisit(step.visitId).find((s) => s.status === 'called' || s.status === 'serving');
  if (!mayAct(user, action, stepRef(q, step), { desk: deskOf(q, user), activeStep: active ? stepRef(q, active) : null })) {
    throw new DomainError(
      'FORBIDDEN',
      step.status === 'called' || step.status === 'serving'
        ? 'Another desk holds this visitor; only that desk acts on them (an admin may take over, with a reason)'
        : 'This visitor is in a line you do not serve',
    );
  }
  return { step, service };
}

/** The step, if this user may read its visit (docs/security.md §1). */
export function loadStepToRead(q: Queries, user: UserRecord, stepId: number): StepRecord {
  const step = loadStep(q, user.hubId, stepId);
  const steps = q.stepsOfVisit(step.visitId).map((s) => stepRef(q, s));
  if (!mayReadVisit(user, steps, deskOf(q, user))) {
    throw new DomainError('FORBIDDEN', 'You neither hold this visit nor serve a line it waits in');
  }
  return step;
}

/** Refuses a call from a desk that serves a line the user's current agencies no longer allow. */
export function assertDeskAllowed(q: Queries, user: UserRecord, desk: DeskRecord): void {
  const stale = staleServices(user, desk.serviceIds.map((id) => q.service(id)!));
  if (stale.length > 0) {
    throw new DomainError('DESK_SERVICE_NOT_ALLOWED', `Your agencies no longer include ${stale.map((s) => s.code).join(', ')}; open the desk again`, {
      serviceIds: stale.map((s) => s.id),
    });
  }
}

/** The desk, if this user is the one working at it and it is open. */
export function loadOwnOpenDesk(q: Queries, user: UserRecord, deskId: number): DeskRecord {
  const desk = loadDesk(q, user.hubId, deskId);
  if (desk.status === 'closed') throw new DomainError('DESK_CLOSED', `Desk ${desk.name} is closed; open it first`);
  if (desk.userId !== user.id) throw new DomainError('DESK_TAKEN', `Desk ${desk.name} is open for another staff member`);
  if (desk.status === 'break') throw new DomainError('DESK_CLOSED', `Desk ${desk.name} is on a break`);
  return desk;
}
