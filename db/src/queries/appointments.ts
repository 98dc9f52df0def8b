import type { Db } from '../open.js';
import type { AppointmentSource, AppointmentStatus, Needs, VisitorLanguage } from '@luukku/shared';

/** An appointment as the rest of the system sees it (no names: there are none to hold). */
export interface AppointmentRecord {
  id: number;
  hubId: number;
  agencyId: number;
  serviceId: number;
  bookingId: string;
  day: string;
  startsAt: number;
  lengthMin: number;
  language: VisitorLanguage | null;
  needs: Needs;
  code: string;
  status: AppointmentStatus;
  visitId: number | null;
  source: AppointmentSource;
  requestHash: string;
  createdAt: number;
  updatedAt: number;
  checkedInAt: number | null;
}

interface Row {
  id: number; hub_id: number; agency_id: number; service_id: number; booking_id: string; day: string; starts_at: number;
  length_min: number; language: string | null; needs: string; code: string; status: string; visit_id: number | null;
  source: string; request_hash: string; created_at: number; updated_at: number; checked_in_at: number | null;
}

const toAppointment = (r: Row): AppointmentRecord => ({
  id: r.id, hubId: r.hub_id, agencyId: r.agency_id, serviceId: r.service_id, bookingId: r.booking_id, day: r.day,
  startsAt: r.starts_at, lengthMin: r.length_min, language: r.language as VisitorLanguage | null, needs: JSON.parse(r.needs),
  code: r.code, status: r.status as AppointmentStatus, visitId: r.visit_id, source: r.source as AppointmentSource,
  requestHash: r.request_hash, createdAt: r.created_at, updatedAt: r.updated_at, checkedInAt: r.checked_in_at,
});

export interface AppointmentBooking {
  serviceId: number;
  day: string;
  startsAt: number;
  lengthMin: number;
  language: VisitorLanguage | null;
  needs: Needs;
  code: string;
  requestHash: string;
}

export function appointmentQueries(db: Db) {
  const insert = db.prepare(/* sql */ `
    INSERT INTO appointments (hub_id, agency_id, service_id, booking_id, day, starts_at, length_min, language, needs, code,
      source, request_hash, created_at, updated_at)
    VALUES (@hubId, @agencyId, @serviceId, @bookingId, @day, @startsAt, @lengthMin, @language, @needs, @code,
      @source, @requestHash, @now, @now)`);
  const byId = db.prepare<[number], Row>(/* sql */ `SELECT * FROM appointments WHERE id = ?`);
  const byBooking = db.prepare<[number, number, string], Row>(/* sql */ `
    SELECT * FROM appointments WHERE hub_id = ? AND agency_id = ? AND booking_id = ?`);
  // every day's: a code for another day is its own answer (409), not "unknown"
  const byCode = db.prepare<[number, string], Row>(/* sql */ `SELECT * FROM appointments WHERE hub_id = ? AND code = ? ORDER BY day`);
  const codeTaken = db.prepare<[number, string, string], { id: number }>(/* sql */ `
    SELECT id FROM appointments WHERE hub_id = ? AND day = ? AND code = ?`);
  const move = db.prepare(/* sql */ `
    UPDATE appointments SET service_id = @serviceId, day = @day, starts_at = @startsAt, length_min = @lengthMin,
      language = @language, needs = @needs, code = @code, request_hash = @requestHash, updated_at = @now
    WHERE id = @id AND status = 'booked'`);
  const cancel = db.prepare(/* sql */ `
    UPDATE appointments SET status = 'cancelled', updated_at = @now WHERE id = @id AND status = 'booked'`);
  const checkIn = db.prepare(/* sql */ `
    UPDATE appointments SET status = 'checked_in', visit_id = @visitId, checked_in_at = @now, updated_at = @now
    WHERE id = @id AND status = 'booked'`);
  const ofDay = db.prepare<{ hubId: number; day: string; agencies: string | null }, Row & { v_number: string | null }>(/* sql */ `
    SELECT a.*, v.number AS v_number FROM appointments a LEFT JOIN visits v ON v.id = a.visit_id
    WHERE a.hub_id = @hubId AND a.day = @day
      AND (@agencies IS NULL OR a.agency_id IN (SELECT value FROM json_each(@agencies)))
    ORDER BY a.starts_at, a.id`);
  const ofStep = db.prepare<[number, number], { starts_at: number }>(/* sql */ `
    SELECT starts_at FROM appointments WHERE visit_id = ? AND service_id = ? AND status = 'checked_in'`);
  // appointments still to come into a line: booked, or checked in early and not yet due
  const upcoming = db.prepare<{ hubId: number; day: string; now: number }, { service_id: number; starts_at: number; status: string; queue_time: number | null }>(/* sql */ `
    SELECT a.service_id, a.starts_at, a.status, s.queue_time FROM appointments a
    LEFT JOIN steps s ON a.status = 'checked_in' AND s.visit_id = a.visit_id AND s.service_id = a.service_id AND s.status = 'waiting'
    WHERE a.hub_id = @hubId AND a.day = @day
      AND (a.status = 'booked' OR (a.status = 'checked_in' AND s.queue_time > @now))`);
  const deleteBefore = db.prepare<{ hubId: number; before: number }, { id: number }>(/* sql */ `
    DELETE FROM appointments WHERE hub_id = @hubId AND starts_at < @before RETURNING id`);
  const clearAudit = db.prepare(/* sql */ `
    UPDATE audit_log SET detail = NULL
    WHERE detail IS NOT NULL AND subject IN (SELECT 'appointment:' || value FROM json_each(@ids))`);
  const markMissed = db.prepare(/* sql */ `
    UPDATE appointments SET status = 'no_show', updated_at = @now WHERE hub_id = @hubId AND day < @today AND status = 'booked'`);

  return {
    insertAppointment: (a: AppointmentBooking & { hubId: number; agencyId: number; bookingId: string; source: AppointmentSource }, now: number): number =>
      Number(insert.run({ ...a, needs: JSON.stringify(a.needs), now }).lastInsertRowid),
    appointment: (id: number): AppointmentRecord | undefined => {
      const r = byId.get(id);
      return r && toAppointment(r);
    },
    appointmentByBooking: (hubId: number, agencyId: number, bookingId: string): AppointmentRecord | undefined => {
      const r = byBooking.get(hubId, agencyId, bookingId);
      return r && toAppointment(r);
    },
    appointmentsByCode: (hubId: number, code: string): AppointmentRecord[] => byCode.all(hubId, code).map(toAppointment),
    appointmentCodeTaken: (hubId: number, day: string, code: string): boolean => codeTaken.get(hubId, day, code) !== undefined,
    /** Moves a booked appointment; false when it is no longer booked. */
    moveAppointment: (id: number, b: AppointmentBooking, now: number): boolean =>
      move.run({ ...b, id, needs: JSON.stringify(b.needs), now }).changes === 1,
    cancelAppointment: (id: number, now: number): boolean => cancel.run({ id, now }).changes === 1,
    checkInAppointment: (id: number, visitId: number, now: number): boolean => checkIn.run({ id, visitId, now }).changes === 1,
    /** A day's appointments of some agencies (null: all), in time order, with the visit's number once checked in. */
    appointmentsOfDay: (hubId: number, day: string, agencyIds: readonly number[] | null) =>
      ofDay.all({ hubId, day, agencies: agencyIds === null ? null : JSON.stringify(agencyIds) }).map((r) => ({
        ...toAppointment(r),
        number: r.v_number,
      })),
    /** When the appointment a visit's step came from starts; undefined for a walk-in's step. */
    appointmentStartOfStep: (visitId: number, serviceId: number): number | undefined => ofStep.get(visitId, serviceId)?.starts_at,
    /** Today's appointments not yet in their line's order: booked, or checked in early. */
    upcomingAppointments: (hubId: number, day: string, now: number) =>
      upcoming.all({ hubId, day, now }).map((r) => ({
        serviceId: r.service_id,
        startsAt: r.starts_at,
        checkedIn: r.status === 'checked_in',
        queueTime: r.queue_time,
      })),
    /** Deletes the appointments that started before `before`, and the details of their audit entries. */
    deleteAppointmentsBefore: (hubId: number, before: number): number => {
      const ids = deleteBefore.all({ hubId, before }).map((r) => r.id);
      if (ids.length > 0) clearAudit.run({ ids: JSON.stringify(ids) });
      return ids.length;
    },
    /** Booked appointments of earlier days that never checked in. */
    markMissedAppointments: (hubId: number, today: string, now: number): number => markMissed.run({ hubId, today, now }).changes,
  };
}
