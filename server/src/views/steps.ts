import type { Queries, StepRecord, VisitRecord, ReferralRecord } from '@luukku/db';
import type { Needs, StaffStep, VisitDetail, VisitorLanguage } from '@luukku/shared';
import { maySeeStepDetail, mayReadNote, type Actor as AccessActor } from '../domain/access.js';
import { stepRef } from '../commands/load.js';
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
    language: v.language,
    needs: v.needs as Needs,
    deskId: step.deskId,
    userId: step.userId,
    calledAt: isoOrNull(step.calledAt),
    startedAt: isoOrNull(step.startedAt),
    endedAt: isoOrNull(step.endedAt),
    referredFrom: referral ? referredFrom(q, referral) : null,
    appointment: appointmentOfStep(q, step),
  };
}

/** The appointment a visit's step came from (its service, checked in), if any. */
function appointmentOfStep(q: Queries, step: StepRecord): StaffStep['appointment'] {
  const startsAt = q.appointmentStartOfStep(step.visitId, step.serviceId);
  return startsAt === undefined ? null : { startsAt: iso(startsAt) };
}

function referredFrom(q: Queries, r: ReferralRecord): StaffStep['referredFrom'] {
  const from = q.step(r.fromStepId)!;
  return { agencyId: r.fromAgencyId, serviceId: from.serviceId, reason: r.reason, hasNote: r.note !== null };
}

/**
 * The whole visit as this reader may see it (docs/security.md §1): their own agency's steps and
 * the steps they called in full, the others by agency, service and status only; a note only
 * for its addressee. Who may read the visit at all is checked before (loadStepToRead).
 */
export function visitDetail(q: Queries, visit: VisitRecord, reader: AccessActor): VisitDetail {
  const records = q.stepsOfVisit(visit.id);
  const refs = records.map((s) => stepRef(q, s));
  return {
    id: visit.id,
    number: visit.number,
    status: visit.status,
    language: visit.language,
    needs: visit.needs,
    arrivedAt: iso(visit.arrivedAt),
    steps: records.map((s, i) => {
      const full = staffStep(q, s, visit);
      return maySeeStepDetail(reader, refs[i]!) ? full : outline(full);
    }),
    referrals: q.referralsOfVisit(visit.id).map((r) => {
      const allowed = r.note !== null && mayReadNote(reader, { forAgencyId: r.noteForAgencyId, byUserId: r.byUserId }, refs);
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
        noteFor: r.noteForAgencyId,
        byUserId: r.byUserId,
        at: iso(r.createdAt),
      };
    }),
  };
}

/** One step as this reader may see it: in full, or its outline (see visitDetail). */
export function readerStep(q: Queries, step: StepRecord, reader: AccessActor): StaffStep {
  const full = staffStep(q, step);
  return maySeeStepDetail(reader, stepRef(q, step)) ? full : outline(full);
}

/**
 * Another agency's step of a visit the reader may read: agency, service, status and place in
 * line; not who served it, where or when. How it was referred is in the visit's referrals,
 * which every reader of the visit sees (without the note), so it stays.
 */
function outline(step: StaffStep): StaffStep {
  return { ...step, deskId: null, userId: null, calledAt: null, startedAt: null, endedAt: null };
}
