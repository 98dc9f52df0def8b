import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AppointmentBody,
  AppointmentPolicy,
  AppointmentResult,
  AppointmentsQuery,
  AppointmentsResponse,
  Appointment,
  CheckedIn,
  CheckInBody,
  DomainError,
  ErrorBody,
  IdParams,
  localMoment,
} from '@luukku/shared';
import { bookAppointment, cancelAppointment, checkInAppointment } from '../commands/appointments.js';
import { requireActor, requireUser } from '../plugins/auth.js';
import { createKioskLimiter } from '../plugins/rate-limit.js';
import { appointmentPolicy, appointmentPolicyKey, appointmentView } from '../views/appointments.js';
import { publicVisit } from '../views/visits.js';
import { isAdminRole } from '../domain/access.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Appointments (issue 11 §1): booking systems and staff book, move and cancel; kiosks and staff check in. */
export default async function appointmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;
  const limit = createKioskLimiter(app.config.kioskRateLimitPerMinute, app.config.now);

  r.post(
    '/api/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary:
          "Book an appointment (the agency's booking system, or its staff: source console, no bookingId needed). The same bookingId with the same body returns the same appointment (200); with another body it moves it (200)",
        body: AppointmentBody,
        response: { 200: AppointmentResult, 201: AppointmentResult, ...errors },
      },
    },
    async (req, reply) => {
      const { appointment, change } = bookAppointment(app.commands, requireActor(req), req.body);
      reply.status(change === 'created' ? 201 : 200);
      return { change, appointment: appointmentView(appointment) };
    },
  );

  r.post(
    '/api/appointments/:id/cancel',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Cancel a booked appointment (by the id the POST returned); cancelling again changes nothing',
        params: IdParams,
        response: { 200: Appointment, ...errors },
      },
    },
    async (req) => appointmentView(cancelAppointment(app.commands, requireActor(req), req.params.id)),
  );

  r.get(
    '/api/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: "A day's appointments of the reader's agencies (admins: all), in time order: code, time, service, status (there is no personal data)",
        querystring: AppointmentsQuery,
        response: { 200: AppointmentsResponse, ...errors },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const hub = q.hub(user.hubId)!;
      const day = req.query.day ?? localMoment(app.config.now(), hub.timeZone).date;
      const rows = q.appointmentsOfDay(hub.id, day, isAdminRole(user.role) ? null : user.agencyIds);
      return { day, appointments: rows.map((a) => appointmentView(a, a.number)) };
    },
  );

  r.post(
    '/api/appointments/check-in',
    {
      schema: {
        tags: ['appointments'],
        summary:
          "Check in by the appointment's code (kiosk, or staff): a number like a walk-in's, called at the appointment's time; late past the hub's limit it joins as a walk-in (appointment.late). Retries with the same idempotency key return the same visit",
        body: CheckInBody,
        response: { 200: CheckedIn, 201: CheckedIn, ...errors, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (actor.kind === 'device' && actor.device.kind !== 'kiosk') throw new DomainError('FORBIDDEN', 'Only a kiosk or staff can check in');
      const isRetry = q.idempotency(actor.hubId, req.body.idempotencyKey) !== undefined;
      if (actor.kind === 'device' && !isRetry) limit(actor.device.id);
      const { visitId, appointment, late, replayed } = checkInAppointment(app.commands, actor, req.body);
      const visit = q.visit(visitId)!;
      const view = publicVisit(q, q.hub(visit.hubId)!, visit, app.config.now().getTime());
      reply.status(replayed ? 200 : 201);
      return {
        ...view,
        visitId,
        needs: visit.needs,
        phonePath: `/v/${visit.token}`,
        replayed,
        appointment: { id: appointment.id, startsAt: new Date(appointment.startsAt).toISOString(), late },
      };
    },
  );

  r.get(
    '/api/admin/hub/appointment-policy',
    { schema: { tags: ['admin'], summary: "The hub's appointment window: minutes early and late", response: { 200: AppointmentPolicy, ...errors } } },
    async (req) => appointmentPolicy(q, requireUser(req, ['admin']).hubId),
  );

  r.put(
    '/api/admin/hub/appointment-policy',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set how many minutes before its time a checked-in appointment goes ahead of walk-ins, and how late it may check in',
        body: AppointmentPolicy,
        response: { 200: AppointmentPolicy, ...errors },
      },
    },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const now = app.config.now().getTime();
      q.transaction(() => {
        q.putHubSetting(admin.hubId, appointmentPolicyKey, req.body, now);
        q.audit({ hubId: admin.hubId, at: now, actorKind: 'user', actorId: admin.id, action: 'hub.appointment-policy', subject: `hub:${admin.hubId}`, detail: req.body });
      });
      return appointmentPolicy(q, admin.hubId);
    },
  );
}
