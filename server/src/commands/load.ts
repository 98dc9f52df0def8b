import type { HubRecord, Queries, ServiceRecord, StepRecord, DeskRecord, UserRecord } from '@luukku/db';
import { DomainError } from '@luukku/shared';
import { mayServe } from '../domain/access.js';

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

/** The step, if this user may act on it: their agency's service, or Guidance, or an admin. */
export function loadStepFor(q: Queries, user: UserRecord, stepId: number): { step: StepRecord; service: ServiceRecord } {
  const step = loadStep(q, user.hubId, stepId);
  const service = q.service(step.serviceId)!;
  if (!mayServe(user, service)) {
    throw new DomainError('FORBIDDEN', 'This visitor is in another agency’s line');
  }
  return { step, service };
}

/** The desk, if this user is the one working at it and it is open. */
export function loadOwnOpenDesk(q: Queries, user: UserRecord, deskId: number): DeskRecord {
  const desk = loadDesk(q, user.hubId, deskId);
  if (desk.status === 'closed') throw new DomainError('DESK_CLOSED', `Desk ${desk.name} is closed; open it first`);
  if (desk.userId !== user.id) throw new DomainError('DESK_TAKEN', `Desk ${desk.name} is open for another staff member`);
  if (desk.status === 'break') throw new DomainError('DESK_CLOSED', `Desk ${desk.name} is on a break`);
  return desk;
}
