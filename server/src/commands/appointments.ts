import { createHash, randomBytes } from 'node:crypto';
import type { AppointmentRecord, HubRecord, Queries, ServiceRecord } from '@luukku/db';
import {
  DomainError,
  fallbackLanguage,
  isOpenAt,
  localMoment,
  type AppointmentBody,
  type AppointmentData,
  type AppointmentSource,
  type CheckInBody,
  type VisitorLanguage,
} from '@luukku/shared';
import { checkInPlace, newCheckInCode } from '../domain/appointments.js';
import { appointmentPolicy, appointmentView } from '../views/appointments.js';
import { write, type Actor, type CommandContext, type Writer } from './context.js';
import { emitQueues } from './events.js';
import { startVisit } from './issue-visit.js';
import { loadHub, loadService } from './load.js';
import { isAdminRole } from '../domain/access.js';

/** How far ahead a booking may be: a year and a bit. */
const maxAheadMs = 400 * 24 * 3_600_000;

const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Who may write an agency's appointments: its booking system (a `booking` device of that
 * agency), its staff, and the hub's admins. Nobody else, and no other device.
 */
function assertMayBook(actor: Actor, agencyId: number): void {
  if (actor.kind === 'device') {
    if (actor.device.kind !== 'booking') throw new DomainError('FORBIDDEN', 'Only a booking system or staff can book appointments');
    if (actor.device.agencyId !== agencyId) throw new DomainError('FORBIDDEN', "This booking system books its own agency's services only");
    return;
  }
  if (!isAdminRole(actor.user.role) && !actor.user.agencyIds.includes(agencyId)) {
    throw new DomainError('FORBIDDEN', "You book your own agency's services only");
  }
}

function audit(q: Queries, actor: Actor, now: number, action: string, a: { id: number }, detail?: unknown): void {
  q.audit({
    hubId: actor.hubId,
    at: now,
    actorKind: actor.kind,
    actorId: actor.kind === 'device' ? actor.device.id : actor.user.id,
    action,
    subject: `appointment:${a.id}`,
    detail: detail ?? null,
  });
}

/** The appointment's news to its agency's staff; its lines' figures go out with the command's `queues`. */
function tellAgency(w: Writer, change: AppointmentData['change'], a: AppointmentRecord, lines: number[]): void {
  w.emit('appointment', { change, appointment: appointmentView(a) }, { agencyIds: [a.agencyId] });
  for (const id of lines) w.touched.add(id);
}

/** A code not used by another appointment of that day in the hub. */
function freeCode(q: Queries, hubId: number, day: string, keep?: string): string {
  if (keep && !q.appointmentCodeTaken(hubId, day, keep)) return keep;
  for (;;) {
    const code = newCheckInCode();
    if (!q.appointmentCodeTaken(hubId, day, code)) return code;
  }
}

function assertBookableTime(service: ServiceRecord, hub: HubRecord, startsAt: number, lengthMin: number, now: number): void {
  if (startsAt + lengthMin * 60_000 <= now) throw new DomainError('APPOINTMENT_TIME_INVALID', 'The appointment would be over already');
  if (startsAt - now > maxAheadMs) throw new DomainError('APPOINTMENT_TIME_INVALID', 'The appointment is more than 400 days ahead');
  if (!isOpenAt(service.schedule, new Date(startsAt), hub.timeZone)) {
    throw new DomainError('SERVICE_CLOSED', `${service.code} is not open at that time`, { serviceIds: [service.id] });
  }
}

export interface BookResult {
  appointment: AppointmentRecord;
  change: 'created' | 'unchanged' | 'moved';
}

/**
 * Books an appointment, idempotent on the agency's own booking id: the same body again is the
 * same appointment; another time, length, service, language or needs under that id is a move
 * (audited, and told to the agency's staff). A staff follow-up from the console needs no
 * booking id: one is made.
 */
export function bookAppointment(ctx: CommandContext, actor: Actor, body: AppointmentBody): BookResult {
  return write(ctx, actor.hubId, (w, now) => {
    const hub = loadHub(ctx.q, actor.hubId);
    const source: AppointmentSource = actor.kind === 'device' ? 'api' : (body.source ?? 'console');
    const result = bookIn(ctx.q, w, hub, actor, body, source, now);
    if (result.change !== 'unchanged') emitQueues(ctx.q, w, hub, now);
    return result;
  });
}

/**
 * The booking itself, inside a command's transaction (one POST, or every row of an import);
 * the caller sends the `queues` figures once at its end.
 */
export function bookIn(q: Queries, w: Writer, hub: HubRecord, actor: Actor, body: AppointmentBody, source: AppointmentSource, now: number): BookResult {
  const service = loadService(q, hub.id, body.serviceId);
  assertMayBook(actor, service.agencyId);
  if (!body.bookingId && actor.kind === 'device') throw new DomainError('VALIDATION_FAILED', 'bookingId: a booking system sends its own id');
  const bookingId = body.bookingId ?? `console-${randomBytes(9).toString('base64url')}`;
  const startsAt = Date.parse(body.startsAt);
  const booking = {
    serviceId: service.id,
    startsAt,
    lengthMin: body.lengthMin,
    language: body.language ?? null,
    needs: body.needs,
  };
  const requestHash = hashOf(booking);
  const day = localMoment(new Date(startsAt), hub.timeZone).date;
  const existing = q.appointmentByBooking(hub.id, service.agencyId, bookingId);
  if (existing) {
    if (existing.requestHash === requestHash) return { appointment: existing, change: 'unchanged' };
    if (existing.status === 'cancelled') throw new DomainError('APPOINTMENT_CANCELLED', 'This appointment was cancelled; book a new one');
    if (existing.status !== 'booked') throw new DomainError('APPOINTMENT_NOT_MOVABLE', 'This appointment was checked in already or missed');
    assertBookableTime(service, hub, startsAt, body.lengthMin, now);
    // the visitor's code stays, unless another appointment of the new day holds it
    const code = day === existing.day ? existing.code : freeCode(q, hub.id, day, existing.code);
    q.moveAppointment(existing.id, { ...booking, day, code, requestHash }, now);
    const moved = q.appointment(existing.id)!;
    audit(q, actor, now, 'appointment.move', moved, {
      from: { serviceId: existing.serviceId, startsAt: existing.startsAt, lengthMin: existing.lengthMin },
      to: { serviceId: moved.serviceId, startsAt: moved.startsAt, lengthMin: moved.lengthMin },
    });
    tellAgency(w, 'moved', moved, [existing.serviceId, moved.serviceId]);
    return { appointment: moved, change: 'moved' };
  }
  assertBookableTime(service, hub, startsAt, body.lengthMin, now);
  const id = q.insertAppointment(
    { ...booking, hubId: hub.id, agencyId: service.agencyId, bookingId, day, code: freeCode(q, hub.id, day), requestHash, source },
    now,
  );
  const created = q.appointment(id)!;
  audit(q, actor, now, 'appointment.create', created, { serviceId: created.serviceId, startsAt: created.startsAt, source });
  tellAgency(w, 'created', created, [created.serviceId]);
  return { appointment: created, change: 'created' };
}

/** Cancels a booked appointment; cancelling it again changes nothing. */
export function cancelAppointment(ctx: CommandContext, actor: Actor, id: number): AppointmentRecord {
  return write(ctx, actor.hubId, (w, now) => {
    const { q } = ctx;
    const a = q.appointment(id);
    if (!a || a.hubId !== actor.hubId) throw new DomainError('APPOINTMENT_NOT_FOUND', `No appointment ${id}`);
    const cancelled = cancelIn(q, w, actor, a, now);
    if (cancelled !== a) emitQueues(q, w, loadHub(q, actor.hubId), now);
    return cancelled;
  });
}

/** Cancels inside a command's transaction; the same record back when it was cancelled already. */
export function cancelIn(q: Queries, w: Writer, actor: Actor, a: AppointmentRecord, now: number): AppointmentRecord {
  assertMayBook(actor, a.agencyId);
  if (a.status === 'cancelled') return a;
  if (a.status !== 'booked') throw new DomainError('APPOINTMENT_NOT_MOVABLE', 'This appointment was checked in already or missed');
  q.cancelAppointment(a.id, now);
  const cancelled = q.appointment(a.id)!;
  audit(q, actor, now, 'appointment.cancel', cancelled);
  tellAgency(w, 'cancelled', cancelled, [a.serviceId]);
  return cancelled;
}

export interface CheckInResult {
  visitId: number;
  appointment: AppointmentRecord;
  late: boolean;
  replayed: boolean;
}

/**
 * Checks an appointment in by its code: a visit like a walk-in's (same number series), whose
 * step is placed by the hub's window (domain/appointments.ts checkInPlace). A retry with the
 * same idempotency key returns the same visit (rule 3); a second check-in is refused.
 */
export function checkInAppointment(ctx: CommandContext, actor: Actor, body: CheckInBody): CheckInResult {
  const requestHash = hashOf({ checkIn: body.code, language: body.language ?? null });
  return write(ctx, actor.hubId, (w, now) => {
    const { q } = ctx;
    const hub = loadHub(q, actor.hubId);
    const codes = q.appointmentsByCode(hub.id, body.code);
    const earlier = q.idempotency(hub.id, body.idempotencyKey);
    if (earlier) {
      const same = codes.find((a) => a.visitId === earlier.visitId);
      if (earlier.requestHash !== requestHash || !same) {
        throw new DomainError('IDEMPOTENCY_CONFLICT', 'This idempotency key was used for a different request');
      }
      return { visitId: earlier.visitId, appointment: same, late: q.stepsOfVisit(earlier.visitId)[0]!.priority === 0, replayed: true };
    }
    if (codes.length === 0) throw new DomainError('APPOINTMENT_NOT_FOUND', 'No appointment has this code');
    const today = localMoment(new Date(now), hub.timeZone).date;
    const a = codes.find((c) => c.day === today);
    if (!a) throw new DomainError('APPOINTMENT_NOT_TODAY', 'This code is for an appointment on another day', { days: codes.map((c) => c.day) });
    if (actor.kind === 'user' && actor.user.role === 'staff' && !actor.user.agencyIds.includes(a.agencyId)) {
      throw new DomainError('FORBIDDEN', "Staff check in their own agency's appointments (guides and admins any)");
    }
    if (a.status === 'checked_in') throw new DomainError('APPOINTMENT_ALREADY_CHECKED_IN', 'This appointment is checked in already');
    if (a.status !== 'booked') throw new DomainError('APPOINTMENT_CANCELLED', 'This appointment was cancelled');
    const service = loadService(q, hub.id, a.serviceId);
    const place = checkInPlace(a.startsAt, appointmentPolicy(q, hub.id), now);
    const language = (body.language ?? a.language ?? fallbackLanguage(hub.languages)) as VisitorLanguage;
    const visit = startVisit(ctx, w, actor, hub, now, {
      services: [service],
      language,
      needs: a.needs,
      idempotencyKey: body.idempotencyKey,
      requestHash,
      place: { queueTime: place.queueTime, priority: place.priority },
      beforeEvents: (visitId) => {
        if (!q.checkInAppointment(a.id, visitId, now)) throw new DomainError('APPOINTMENT_ALREADY_CHECKED_IN', 'This appointment is checked in already');
      },
    });
    const checkedIn = q.appointment(a.id)!;
    audit(q, actor, now, 'appointment.check-in', checkedIn, { visitId: visit.id, late: place.late });
    w.emit('appointment', { change: 'checked_in', appointment: appointmentView(checkedIn, visit.number) }, { agencyIds: [a.agencyId] });
    return { visitId: visit.id, appointment: checkedIn, late: place.late, replayed: false };
  });
}
