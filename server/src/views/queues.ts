import type { HubRecord, Queries, ServiceRecord, StepRecord } from '@luukku/db';
import {
  estimateWaitMinutes,
  estimateWithAppointments,
  isOpenAt,
  recentSampleSize,
  typicalServiceMinutes,
  type Needs,
  type QueueLine,
  type QueueSummary,
  type VisitorLanguage,
} from '@luukku/shared';
import { iso } from './time.js';
import { appointmentsDue } from './appointments.js';
import { appointmentPriority } from '../domain/appointments.js';

export function serviceMinutes(q: Queries, service: ServiceRecord): number {
  return typicalServiceMinutes(q.recentServiceDurations(service.id, recentSampleSize), service.defaultServiceMin);
}

/**
 * People ahead of a waiting step in the order the desk will call at `now`, its estimated wait,
 * and its place in the line. A visitor who is due and not an appointment also waits for the
 * appointments that come due before their turn.
 */
export function estimateForStep(q: Queries, hub: HubRecord, step: StepRecord, now: number): { peopleAhead: number; estimateMin: number; place: { stepId: number; priority: number; queueTime: string } | null } {
  if (step.status !== 'waiting') return { peopleAhead: 0, estimateMin: 0, place: null };
  const service = q.service(step.serviceId)!;
  const peopleAhead = q.peopleAhead(step, now);
  const openDesks = q.openDesksPerService(service.hubId).get(service.id) ?? 0;
  const due = waitsForAppointments(step.priority, step.queueTime ?? 0, now) ? (appointmentsDue(q, hub, now).get(service.id) ?? []).map((d) => d.at) : [];
  return {
    peopleAhead,
    estimateMin: estimateWithAppointments(peopleAhead, serviceMinutes(q, service), openDesks, now, due),
    place: { stepId: step.id, priority: step.priority, queueTime: iso(step.queueTime ?? step.createdAt) },
  };
}

/** Whether appointments coming due go ahead of this place: they do of everyone due but appointments. */
export function waitsForAppointments(priority: number, queueTime: number, now: number): boolean {
  return priority < appointmentPriority && queueTime <= now;
}

/**
 * Every active line's public figures: what the `queues` event carries to every screen, and the
 * base of the staff's line summaries. Counts come from the kept per-line tallies, typical
 * minutes from memory: nothing here walks a line.
 */
export function queueLines(q: Queries, hub: HubRecord, now: number, only: ReadonlySet<number> | null = null): Array<QueueLine & { service: ServiceRecord }> {
  const counts = new Map(q.waitingCounts(hub.id).map((c) => [c.serviceId, c]));
  const desks = q.openDesksPerService(hub.id);
  const due = appointmentsDue(q, hub, now);
  const at = new Date(now);
  return q
    .services(hub.id)
    .filter((s) => s.active && (only === null || only.has(s.id)))
    .map((s) => {
      const c = counts.get(s.id);
      const waiting = c?.waiting ?? 0;
      const openDesks = desks.get(s.id) ?? 0;
      const typicalMin = serviceMinutes(q, s);
      const dues = due.get(s.id) ?? [];
      const dueTimes = dues.map((d) => d.at);
      // those checked in early wait in the line, but go ahead of a walk-in only once due
      const early = dues.filter((d) => d.inLine).length;
      return {
        service: s,
        serviceId: s.id,
        agencyId: s.agencyId,
        openNow: isOpenAt(s.schedule, at, hub.timeZone),
        waiting,
        openDesks,
        // the last in line waits for everyone ahead of them, and the appointments due before their turn
        estimateMin: estimateWithAppointments(Math.max(0, waiting - early), typicalMin, openDesks, now, dueTimes),
        typicalMin,
        appointmentsDue: dueTimes.map(iso).sort(),
        oldestAt: c && waiting > 0 ? iso(c.oldestQueueTime) : null,
        longestWaitMin: c && waiting > 0 ? Math.max(0, Math.floor((now - c.oldestQueueTime) / 60_000)) : 0,
      };
    });
}

/** The public figures alone (of some lines, or all), as the event and the public screens carry them. */
export function publicLines(q: Queries, hub: HubRecord, now: number, only: ReadonlySet<number> | null = null): QueueLine[] {
  return queueLines(q, hub, now, only).map(({ service: _service, ...line }) => line);
}

/** The staff's view of the lines: the public figures, and who waits where the reader may serve. */
export function queueSummaries(
  q: Queries,
  hub: HubRecord,
  now: number,
  showEntriesFor: (service: ServiceRecord) => boolean,
): QueueSummary[] {
  return queueLines(q, hub, now).map(({ service: s, ...line }): QueueSummary => {
    const summary: QueueSummary = { ...line, label: s.publicLabel, prefix: s.prefix };
    if (showEntriesFor(s)) {
      summary.entries = q.waitingOfService(s.id, now).map((w) => {
        const referral = q.referralToStep(w.step.id);
        return {
          stepId: w.step.id,
          visitId: w.step.visitId,
          number: w.number,
          arrivedAt: iso(w.arrivedAt),
          queueTime: iso(w.step.queueTime ?? w.step.createdAt),
          priority: w.step.priority,
          language: w.language,
          needs: w.needs as Needs,
          referredFrom: referral ? { agencyId: referral.fromAgencyId, reason: referral.reason, hasNote: referral.note !== null } : null,
          appointment: w.appointmentStartsAt === null ? null : { startsAt: iso(w.appointmentStartsAt) },
        };
      });
    }
    return summary;
  });
}
