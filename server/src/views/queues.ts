import type { HubRecord, Queries, ServiceRecord, StepRecord } from '@luukku/db';
import { isOpenAt, type Needs, type QueueSummary, type QueuesData, type VisitorLanguage } from '@luukku/shared';
import { estimateWaitMinutes, recentSampleSize, typicalServiceMinutes } from '../domain/estimates.js';
import { iso } from './time.js';

export function serviceMinutes(q: Queries, service: ServiceRecord): number {
  return typicalServiceMinutes(q.recentServiceDurations(service.id, recentSampleSize), service.defaultServiceMin);
}

/** People ahead of a waiting step and its estimated wait. */
export function estimateForStep(q: Queries, step: StepRecord): { peopleAhead: number; estimateMin: number } {
  if (step.status !== 'waiting') return { peopleAhead: 0, estimateMin: 0 };
  const service = q.service(step.serviceId)!;
  const peopleAhead = q.peopleAhead(step);
  const openDesks = q.openDesksPerService(service.hubId).get(service.id) ?? 0;
  return { peopleAhead, estimateMin: estimateWaitMinutes(peopleAhead, serviceMinutes(q, service), openDesks) };
}

export function queuesData(q: Queries, hub: HubRecord): QueuesData {
  const counts = new Map(q.waitingCounts(hub.id).map((c) => [c.serviceId, c]));
  const desks = q.openDesksPerService(hub.id);
  return {
    queues: q
      .services(hub.id)
      .filter((s) => s.active)
      .map((s) => {
        const waiting = counts.get(s.id)?.waiting ?? 0;
        // the last in line waits for everyone ahead of them, i.e. `waiting` people
        const estimateMin = estimateWaitMinutes(waiting, serviceMinutes(q, s), desks.get(s.id) ?? 0);
        return { serviceId: s.id, agencyId: s.agencyId, waiting, estimateMin };
      }),
  };
}

export function queueSummaries(
  q: Queries,
  hub: HubRecord,
  now: number,
  showEntriesFor: (service: ServiceRecord) => boolean,
): QueueSummary[] {
  const counts = new Map(q.waitingCounts(hub.id).map((c) => [c.serviceId, c]));
  const desks = q.openDesksPerService(hub.id);
  return q
    .services(hub.id)
    .filter((s) => s.active)
    .map((s): QueueSummary => {
      const c = counts.get(s.id);
      const waiting = c?.waiting ?? 0;
      const openDesks = desks.get(s.id) ?? 0;
      const summary: QueueSummary = {
        serviceId: s.id,
        agencyId: s.agencyId,
        label: s.publicLabel,
        prefix: s.prefix,
        openNow: isOpenAt(s.schedule, new Date(now), hub.timeZone),
        waiting,
        openDesks,
        estimateMin: estimateWaitMinutes(waiting, serviceMinutes(q, s), openDesks),
        longestWaitMin: c ? Math.max(0, Math.floor((now - c.oldestQueueTime) / 60_000)) : 0,
      };
      if (showEntriesFor(s)) {
        summary.entries = q.waitingOfService(s.id).map((w) => {
          const referral = q.referralToStep(w.step.id);
          return {
            stepId: w.step.id,
            visitId: w.step.visitId,
            number: w.number,
            arrivedAt: iso(w.arrivedAt),
            queueTime: iso(w.step.queueTime ?? w.step.createdAt),
            priority: w.step.priority,
            language: w.language as VisitorLanguage,
            needs: w.needs as Needs,
            referredFrom: referral
              ? { agencyId: referral.fromAgencyId, reason: referral.reason, hasNote: referral.note !== null }
              : null,
          };
        });
      }
      return summary;
    });
}
