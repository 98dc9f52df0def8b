import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminCatalog, AgencyBody, AgencyUpdateBody, AuditEntry, Desk, DeskBody, Device, DeviceUpdateBody, DomainError, ErrorBody,
  IdParams, KioskQuestionsBody, Ok, PasswordBody, ServiceBody, ServiceUpdateBody, UserUpdateBody,
} from '@luukku/shared';
import { accountChange, adminChange } from '../commands/admin.js';
import { hashPassword } from '../auth/secrets.js';
import { requireUser, userInHub } from '../plugins/auth.js';
import { mayGrantRole } from '../domain/access.js';
import { agencyView, deskView, deviceView, hubView, serviceView, userView } from '../views/catalog.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Agencies, services and their hours, desks, accounts, kiosk questions: the hub without touching a file. */
export default async function adminCatalogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;
  const admin = (req: Parameters<typeof requireUser>[0]) => requireUser(req, ['admin']);
  const agencyOf = (hubId: number, id: number) => {
    const a = q.agencies(hubId).find((x) => x.id === id);
    if (!a) throw new DomainError('NOT_FOUND', `No agency ${id} in this hub`);
    return a;
  };
  const unique = <T>(taken: boolean, code: string, what: string): void => {
    if (taken) throw new DomainError('VALIDATION_FAILED', `The ${what} ${code} is already in use`);
  };

  r.get('/api/admin/catalog', { schema: { tags: ['admin'], summary: 'Everything the admin pages edit', response: { 200: AdminCatalog, ...errors } } }, async (req) => {
    const user = admin(req);
    const hub = q.hub(user.hubId)!;
    const now = app.config.now();
    const services = q.services(hub.id);
    const codeToId = new Map(services.map((s) => [s.code, s.id]));
    return {
      hub: hubView(hub),
      agencies: q.agencies(hub.id).map(agencyView),
      services: services.map((s) => ({ ...serviceView(s, hub, now), defaultServiceMin: s.defaultServiceMin })),
      desks: q.desks(hub.id).map((d) => deskView(q, d)),
      users: q.users(hub.id).map((u) => ({ ...userView(u), active: u.active, roster: q.roster(u.id) })),
      devices: q.devices(hub.id).map(deviceView),
      questions: q.kioskQuestions(hub.id).map((k) => ({
        id: k.id,
        icon: k.icon as 'question',
        label: k.label,
        suggests: k.suggests.flatMap((c) => (codeToId.has(c) ? [codeToId.get(c)!] : [])),
      })),
    };
  });

  r.post('/api/admin/agencies', { schema: { tags: ['admin'], summary: 'Add an agency', body: AgencyBody, response: { 201: z.object({ id: z.number() }), ...errors } } }, async (req, reply) => {
    const user = admin(req);
    unique(q.agencies(user.hubId).some((a) => a.code === req.body.code), req.body.code, 'agency code');
    const id = adminChange(app.commands, user, 'agency.create', `agency:${req.body.code}`, req.body, () =>
      q.insertAgency({ hubId: user.hubId, ...req.body, isGuidance: false, sortOrder: q.agencies(user.hubId).length }),
    );
    reply.status(201);
    return { id };
  });

  r.put('/api/admin/agencies/:id', { schema: { tags: ['admin'], summary: 'Rename or recolour an agency', params: IdParams, body: AgencyUpdateBody, response: { 200: Ok, ...errors } } }, async (req) => {
    const user = admin(req);
    agencyOf(user.hubId, req.params.id);
    adminChange(app.commands, user, 'agency.update', `agency:${req.params.id}`, req.body, () =>
      q.updateAgency({ id: req.params.id, hubId: user.hubId, ...req.body }),
    );
    return { ok: true as const };
  });

  /** An appointment-only service says how to book; Guidance takes everyone and stays walk-in. */
  const bookable = (body: { appointmentOnly: boolean; bookingInfo: unknown }, isGuidance: boolean): void => {
    if (body.appointmentOnly && isGuidance) throw new DomainError('VALIDATION_FAILED', 'Guidance cannot be appointment-only');
    if (body.appointmentOnly && body.bookingInfo === null) {
      throw new DomainError('VALIDATION_FAILED', 'bookingInfo: an appointment-only service needs the text that tells how to book');
    }
  };

  r.post('/api/admin/services', { schema: { tags: ['admin'], summary: 'Add a service (with its opening hours and pop-up days)', body: ServiceBody, response: { 201: z.object({ id: z.number() }), ...errors } } }, async (req, reply) => {
    const user = admin(req);
    agencyOf(user.hubId, req.body.agencyId);
    unique(q.services(user.hubId).some((s) => s.code === req.body.code), req.body.code, 'service code');
    bookable(req.body, false);
    const id = adminChange(app.commands, user, 'service.create', `service:${req.body.code}`, { code: req.body.code, prefix: req.body.prefix }, () =>
      q.insertService({ hubId: user.hubId, ...req.body, isGuidance: false, sortOrder: q.services(user.hubId).length }),
    );
    reply.status(201);
    return { id };
  });

  r.put('/api/admin/services/:id', { schema: { tags: ['admin'], summary: 'Change a service, its hours, pop-up days and exceptions', params: IdParams, body: ServiceUpdateBody, response: { 200: Ok, ...errors } } }, async (req) => {
    const user = admin(req);
    const service = q.service(req.params.id);
    if (!service || service.hubId !== user.hubId) throw new DomainError('SERVICE_NOT_FOUND', `No service ${req.params.id}`);
    agencyOf(user.hubId, req.body.agencyId);
    if (service.isGuidance && req.body.agencyId !== service.agencyId) {
      throw new DomainError('VALIDATION_FAILED', 'Guidance stays with the guidance agency');
    }
    const booking = {
      appointmentOnly: req.body.appointmentOnly ?? service.appointmentOnly,
      bookingInfo: req.body.bookingInfo !== undefined ? req.body.bookingInfo : service.bookingInfo,
    };
    bookable(booking, service.isGuidance);
    adminChange(app.commands, user, 'service.update', `service:${service.id}`, { active: req.body.active, prefix: req.body.prefix, appointmentOnly: booking.appointmentOnly }, () =>
      q.updateService({ id: service.id, hubId: user.hubId, ...req.body, ...booking }),
    );
    return { ok: true as const };
  });

  r.post('/api/admin/desks', { schema: { tags: ['admin'], summary: 'Add a desk in a display zone (accessible or not, languages spoken there)', body: DeskBody, response: { 201: Desk, ...errors } } }, async (req, reply) => {
    const user = admin(req);
    unique(q.desks(user.hubId).some((d) => d.name === req.body.name), req.body.name, 'desk name');
    const fit = { accessible: req.body.accessible ?? false, languages: [...new Set(req.body.languages ?? [])] };
    const id = adminChange(app.commands, user, 'desk.create', `desk:${req.body.name}`, req.body, () =>
      q.insertDesk({ hubId: user.hubId, name: req.body.name, zone: req.body.zone, ...fit, sortOrder: q.desks(user.hubId).length }),
    );
    reply.status(201);
    return deskView(q, q.desk(id)!);
  });

  r.put('/api/admin/desks/:id', { schema: { tags: ['admin'], summary: 'Rename a desk, move it to another zone, or change whether it is accessible and its languages', params: IdParams, body: DeskBody, response: { 200: Desk, ...errors } } }, async (req) => {
    const user = admin(req);
    const desk = q.desk(req.params.id);
    if (!desk || desk.hubId !== user.hubId) throw new DomainError('DESK_NOT_FOUND', `No desk ${req.params.id}`);
    unique(q.desks(user.hubId).some((d) => d.name === req.body.name && d.id !== desk.id), req.body.name, 'desk name');
    // left out, the desk keeps whether it is accessible and its languages
    const fit = { accessible: req.body.accessible ?? desk.accessible, languages: [...new Set(req.body.languages ?? desk.languages)] };
    adminChange(app.commands, user, 'desk.update', `desk:${desk.id}`, req.body, () =>
      q.updateDesk({ id: desk.id, hubId: user.hubId, name: req.body.name, zone: req.body.zone, ...fit }),
    );
    return deskView(q, q.desk(desk.id)!);
  });

  r.put('/api/admin/users/:id', { schema: { tags: ['admin'], summary: 'Change a staff account: agencies, role, active', params: IdParams, body: UserUpdateBody, response: { 200: Ok, ...errors } } }, async (req) => {
    const user = admin(req);
    const found = q.user(req.params.id);
    // a hub's people are those assigned to it; their agencies here are this hub's rows
    if (!found || !found.hubIds.includes(user.hubId)) throw new DomainError('USER_NOT_FOUND', `No user ${req.params.id}`);
    const target = userInHub(q, found, user.hubId);
    for (const a of req.body.agencyIds) agencyOf(user.hubId, a);
    if (target.id === user.id && (req.body.role !== user.role || !req.body.active)) {
      throw new DomainError('VALIDATION_FAILED', 'You cannot remove your own admin rights');
    }
    if (!mayGrantRole(user.role, target.role, req.body.role)) throw new DomainError('FORBIDDEN', 'Only a region admin makes or changes a region admin');
    const detail = { role: req.body.role, active: req.body.active, agencyIds: req.body.agencyIds };
    const sameAgencies = [...target.agencyIds].sort().join() === [...new Set(req.body.agencyIds)].sort().join();
    const apply = () => q.updateUser({ id: target.id, hubId: user.hubId, ...req.body });
    if (req.body.role === target.role && req.body.active === target.active && sameAgencies) {
      adminChange(app.commands, user, 'user.update', `user:${target.id}`, detail, apply);
    } else {
      // who they are changed: their sessions, desk and sockets end now (rule 8)
      accountChange(app.commands, user, target.id, 'user.update', detail, apply);
      app.realtime.kickUser(target.id);
    }
    return { ok: true as const };
  });

  r.post('/api/admin/users/:id/password', { schema: { tags: ['admin'], summary: "Reset a staff member's password (ends their sessions)", params: IdParams, body: PasswordBody, response: { 200: Ok, ...errors } } }, async (req) => {
    const user = admin(req);
    const target = q.user(req.params.id);
    if (!target || !target.hubIds.includes(user.hubId)) throw new DomainError('USER_NOT_FOUND', `No user ${req.params.id}`);
    if (!mayGrantRole(user.role, target.role, target.role)) throw new DomainError('FORBIDDEN', "Only a region admin resets a region admin's password");
    const hash = await hashPassword(req.body.password, app.config.scryptLog2N);
    accountChange(app.commands, user, target.id, 'user.password', null, () => q.setPassword(target.id, user.hubId, hash));
    app.realtime.kickUser(target.id);
    return { ok: true as const };
  });

  r.put('/api/admin/kiosk-questions', { schema: { tags: ['admin'], summary: 'The kiosk\'s "I don\'t know" questions and what each suggests', body: KioskQuestionsBody, response: { 200: Ok, ...errors } } }, async (req) => {
    const user = admin(req);
    const services = new Map(q.services(user.hubId).map((s) => [s.id, s]));
    const questions = req.body.questions.map((question) => ({
      icon: question.icon,
      label: question.label,
      suggests: question.suggests.map((id) => {
        const s = services.get(id);
        if (!s || s.isGuidance) throw new DomainError('SERVICE_NOT_FOUND', `No service ${id} to suggest (Guidance is what an empty list means)`);
        return s.code;
      }),
    }));
    adminChange(app.commands, user, 'kiosk.questions', `hub:${user.hubId}`, { count: questions.length }, () => q.replaceKioskQuestions(user.hubId, questions));
    return { ok: true as const };
  });

  r.put('/api/admin/devices/:id', { schema: { tags: ['admin'], summary: 'Rename a device or set its display zone', params: IdParams, body: DeviceUpdateBody, response: { 200: Device, ...errors } } }, async (req) => {
    const user = admin(req);
    const device = q.device(req.params.id);
    if (!device || device.hubId !== user.hubId) throw new DomainError('DEVICE_NOT_FOUND', `No device ${req.params.id}`);
    adminChange(app.commands, user, 'device.update', `device:${device.id}`, req.body, () => q.updateDevice({ id: device.id, hubId: user.hubId, ...req.body }));
    return deviceView(q.device(device.id)!);
  });

  r.get('/api/admin/audit', { schema: { tags: ['admin'], summary: 'Who changed what, when (newest first)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(), response: { 200: z.object({ entries: z.array(AuditEntry) }), ...errors } } }, async (req) => {
    const user = admin(req);
    return { entries: q.auditLog(user.hubId, req.query.limit).map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  });
}
