import type { Queries } from '@luukku/db';
import { localMoment, startOfLocalDay } from '@luukku/shared';
import { demoHub } from './demo-hub.js';

/**
 * Today's demo appointments, with fixed check-in codes (README, "The demo") so a newcomer can
 * try check-in at the kiosk. Times are relative to the clock at start: two due soon at Kela,
 * one for the appointment-only service, one already past the late limit (it joins the line as
 * a walk-in, and the kiosk says so). Codes are from the check-in alphabet (no 0/O, 1/I/L).
 */
export const demoAppointments = [
  { code: 'AJAN22', service: 'kela', inMin: 5 },
  { code: 'AJAN33', service: 'kela', inMin: 25 },
  { code: 'AJAN44', service: 'kela-aika', inMin: 15 },
  { code: 'AJAN55', service: 'kela', inMin: -30 },
] as const;

const minute = 60_000;

/**
 * Seeds today's demo appointments when the demo hub has none for today: a data folder kept
 * from an earlier day gets the same codes again for the new day on its next start.
 */
export function seedDemoAppointments(q: Queries, now: number): number {
  const hub = q.hubBySlug(demoHub.slug);
  if (!hub) return 0;
  const day = localMoment(new Date(now), hub.timeZone).date;
  if (q.appointmentsOfDay(hub.id, day, null).length > 0) return 0;
  const services = new Map(q.services(hub.id).map((s) => [s.code, s]));
  // every time within today, even when the demo starts just after midnight or before it
  const dayStart = startOfLocalDay(new Date(now), hub.timeZone);
  const dayEnd = startOfLocalDay(new Date(dayStart + 26 * 60 * minute), hub.timeZone) - 16 * minute;
  let seeded = 0;
  q.transaction(() => {
    for (const a of demoAppointments) {
      const service = services.get(a.service);
      if (!service || q.appointmentCodeTaken(hub.id, day, a.code)) continue;
      const startsAt = Math.min(Math.max(now + a.inMin * minute, dayStart), dayEnd);
      const id = q.insertAppointment(
        {
          hubId: hub.id,
          agencyId: service.agencyId,
          serviceId: service.id,
          bookingId: `demo-${day}-${a.code}`,
          day,
          startsAt: startsAt - (startsAt % minute),
          lengthMin: 15,
          language: null,
          needs: { interpreter: false, accessible: false, accompanied: false },
          code: a.code,
          requestHash: 'demo',
          source: 'api',
        },
        now,
      );
      q.audit({ hubId: hub.id, at: now, actorKind: 'system', actorId: null, action: 'appointment.create', subject: `appointment:${id}`, detail: { source: 'demo' } });
      seeded++;
    }
  });
  return seeded;
}
