import type { DeskRecord, HubRecord, Queries, StepRecord } from '@luukku/db';
import type { StepChange, VisitorLanguage } from '@luukku/shared';
import { queuesData } from '../views/queues.js';
import { staffStep } from '../views/steps.js';
import type { Writer } from './context.js';

/** The events most changes write, in one place so every command tells the same story. */
export function emitStep(q: Queries, w: Writer, change: StepChange, step: StepRecord, extraAgencies: number[] = []): void {
  const view = staffStep(q, step);
  w.emit('step', { change, step: view }, { agencyIds: [view.agencyId, ...extraAgencies] });
}

export function emitVisit(q: Queries, w: Writer, visitId: number): void {
  const visit = q.visit(visitId)!;
  const steps = q.stepsOfVisit(visitId);
  const current = steps.find((s) => s.status === 'waiting' || s.status === 'called' || s.status === 'serving') ?? null;
  const service = current ? q.service(current.serviceId)! : null;
  const desk = current?.deskId ? q.desk(current.deskId) : undefined;
  w.emit(
    'visit',
    {
      number: visit.number,
      status: visit.status,
      stepStatus: current?.status ?? null,
      label: service?.publicLabel ?? null,
      deskName: current && current.status !== 'waiting' ? (desk?.name ?? null) : null,
    },
    { visitId },
  );
}

export function emitQueues(q: Queries, w: Writer, hub: HubRecord): void {
  w.emit('queues', queuesData(q, hub));
}

export function emitCall(q: Queries, w: Writer, step: StepRecord, desk: DeskRecord, recall: boolean): void {
  const visit = q.visit(step.visitId)!;
  const service = q.service(step.serviceId)!;
  const agency = q.agencies(service.hubId).find((a) => a.id === service.agencyId)!;
  w.emit(
    'call',
    {
      stepId: step.id,
      number: visit.number,
      deskId: desk.id,
      deskName: desk.name,
      zone: desk.zone,
      agencyId: agency.id,
      color: agency.color,
      language: visit.language as VisitorLanguage,
      recall,
    },
    { zone: desk.zone },
  );
}
