import type { AppointmentRecord, HubRecord, Queries } from '@luukku/db';
import { AppointmentPolicy, localMoment, type Appointment } from '@luukku/shared';
import { appointmentDueAt, defaultAppointmentPolicy } from '../domain/appointments.js';
import { iso, isoOrNull } from './time.js';

export const appointmentPolicyKey = 'appointments';

/** The hub's early/late window (hub setting `appointments`), or the defaults (10 and 10 minutes). */
export function appointmentPolicy(q: Queries, hubId: number): AppointmentPolicy {
  const parsed = AppointmentPolicy.safeParse(q.hubSetting(hubId, appointmentPolicyKey) ?? {});
  return parsed.success ? parsed.data : defaultAppointmentPolicy;
}

export function appointmentView(a: AppointmentRecord, number: string | null = null): Appointment {
  return {
    id: a.id,
    agencyId: a.agencyId,
    serviceId: a.serviceId,
    bookingId: a.bookingId,
    startsAt: iso(a.startsAt),
    lengthMin: a.lengthMin,
    language: a.language,
    needs: a.needs,
    code: a.code,
    status: a.status,
    source: a.source,
    visitId: a.visitId,
    number,
    checkedInAt: isoOrNull(a.checkedInAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

/**
 * Per line, when today's appointments not yet in its order will go ahead of walk-ins: those
 * booked and still in time, and those checked in early (due at their queue time).
 */
export function appointmentsDue(q: Queries, hub: HubRecord, now: number): Map<number, Array<{ at: number; inLine: boolean }>> {
  const policy = appointmentPolicy(q, hub.id);
  const day = localMoment(new Date(now), hub.timeZone).date;
  const due = new Map<number, Array<{ at: number; inLine: boolean }>>();
  for (const a of q.upcomingAppointments(hub.id, day, now)) {
    const at = a.checkedIn ? a.queueTime : appointmentDueAt(a.startsAt, policy, now);
    if (at === null) continue;
    const list = due.get(a.serviceId) ?? [];
    list.push({ at, inLine: a.checkedIn });
    due.set(a.serviceId, list);
  }
  return due;
}
