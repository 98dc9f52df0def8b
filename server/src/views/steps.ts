import type { Queries, StepRecord, VisitRecord, ReferralRecord } from '@luukku/db';
import type { Needs, StaffStep, VisitDetail, VisitorLanguage } from '@luukku/shared';
import { mayReadNote, type Actor as AccessActor } from '../domain/access.js';
import { iso, isoOrNull } from './time.js';

export function staffStep(q: Queries, step: StepRecord, visit?: VisitRecord): StaffStep {
  const v = visit ?? q.visit(step.visitId)!;
  const service = q.service(step.serviceId)!;
  const referral = q.referralToStep(step.id);
  return {
    id: step.id,
    visitId: step.visitId,
    number: v.number,
    serviceId: step.serviceId,
    agencyId: service.agencyId,
    status: step.status,
    position: step.position,
    priority: step.priority,
    queueTime: iso(step.queueTime ?? step.createdAt),
    arrivedAt: iso(v.arrivedAt),
    language: v.language as VisitorLanguage,
    needs: v.needs as Needs,
    deskId: step.deskId,
    userId: step.userId,
    calledAt: isoOrNull(step.calledAt),
    startedAt: isoOrNull(step.startedAt),
    endedAt: isoOrNull(step.endedAt),
    referredFrom: referral ? referredFrom(q, referral) : null,
  };
}

function referredFrom(q: Queries, r: ReferralRecord): StaffStep['referredFrom'] {
  const from = q.step(r.fromStepId)!;
  return { agencyId: r.fromAgencyId, serviceId: from.serviceId, reason: r.reason, hasNote: r.note !== null };
}

/** The whole visit for staff; a note shows only to the agencies it was written between. */
export function visitDetail(q: Queries, visit: VisitRecord, reader: AccessActor): VisitDetail {
  return {
    id: visit.id,
    number: visit.number,
    status: visit.status,
    language: visit.language as VisitorLanguage,
    needs: visit.needs,
    arrivedAt: iso(visit.arrivedAt),
    steps: q.stepsOfVisit(visit.id).map((s) => staffStep(q, s, visit)),
    referrals: q.referralsOfVisit(visit.id).map((r) => {
      const allowed = mayReadNote(reader, r);
      return {
        id: r.id,
        fromStepId: r.fromStepId,
        toStepId: r.toStepId,
        fromAgencyId: r.fromAgencyId,
        toAgencyId: r.toAgencyId,
        reason: r.reason,
        placement: r.placement,
        note: allowed ? r.note : null,
        noteHidden: !allowed && r.note !== null,
        byUserId: r.byUserId,
        at: iso(r.createdAt),
      };
    }),
  };
}
