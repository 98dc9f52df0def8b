import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fallbackLanguage, visitorLanguages, PrinterSettings, CreatedDevice, CreateDeviceBody, CreateUserBody, Device, DomainError, ErrorBody, HubPolicyBody, Hub, IdParams, RosterBody, RosterEntry, User } from '@luukku/shared';
import { hashPassword, hashToken, newToken } from '../auth/secrets.js';
import { requireUser, userInHub } from '../plugins/auth.js';
import { mayGrantRole, rosterAfterEdit } from '../domain/access.js';
import { deviceView, hubView, userView } from '../views/catalog.js';
import { write } from '../commands/context.js';
import { releaseUserDesks } from '../commands/desks.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The hub coordinator's API: devices, staff accounts, the referral policy. */
export default async function adminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;
  const audit = (hubId: number, actorId: number, action: string, subject: string, detail?: unknown) =>
    q.audit({ hubId, at: app.config.now().getTime(), actorKind: 'user', actorId, action, subject, detail });

  r.get('/api/admin/devices', { schema: { tags: ['admin'], summary: 'Paired devices', response: { 200: z.object({ devices: z.array(Device) }), ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      return { devices: q.devices(admin.hubId).map(deviceView) };
    });

  r.post(
    '/api/admin/devices',
    { schema: { tags: ['admin'], summary: 'Create a kiosk, display, feedback tablet or booking system (with its agencyId); the token is shown only once', body: CreateDeviceBody, response: { 201: CreatedDevice, ...errors } } },
    async (req, reply) => {
      const admin = requireUser(req, ['admin']);
      const { agencyId } = req.body;
      if (agencyId !== undefined && !q.agencies(admin.hubId).some((a) => a.id === agencyId)) {
        throw new DomainError('NOT_FOUND', `No agency ${agencyId} in this hub`);
      }
      const token = newToken(24);
      const id = q.transaction(() => {
        const deviceId = q.insertDevice(
          { hubId: admin.hubId, kind: req.body.kind, name: req.body.name, tokenHash: hashToken(token), zone: req.body.zone, agencyId: agencyId ?? null },
          app.config.now().getTime(),
        );
        audit(admin.hubId, admin.id, 'device.create', `device:${deviceId}`, { kind: req.body.kind });
        return deviceId;
      });
      reply.status(201);
      return { device: deviceView(q.device(id)!), token };
    },
  );

  r.post(
    '/api/admin/devices/:id/revoke',
    { schema: { tags: ['admin'], summary: 'Revoke a device; its token stops working at once', params: IdParams, response: { 200: Device, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const device = q.device(req.params.id);
      if (!device || device.hubId !== admin.hubId) throw new DomainError('DEVICE_NOT_FOUND', `No device ${req.params.id}`);
      q.transaction(() => {
        q.revokeDevice(device.id, app.config.now().getTime());
        audit(admin.hubId, admin.id, 'device.revoke', `device:${device.id}`);
      });
      app.realtime.kick({ deviceId: device.id });
      return deviceView(q.device(device.id)!);
    },
  );

  r.put(
    '/api/admin/devices/:id/printer',
    { schema: { tags: ['admin'], summary: "Set a kiosk's printer: network (host, port 9100), file, browser or none", params: IdParams, body: PrinterSettings, response: { 200: Device, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const device = q.device(req.params.id);
      if (!device || device.hubId !== admin.hubId || device.kind !== 'kiosk') throw new DomainError('DEVICE_NOT_FOUND', `No kiosk ${req.params.id}`);
      q.transaction(() => {
        q.setDevicePrinter(device.id, req.body);
        audit(admin.hubId, admin.id, 'device.printer', `device:${device.id}`, { kind: req.body.kind });
      });
      return deviceView(q.device(device.id)!);
    },
  );

  r.get('/api/admin/users', { schema: { tags: ['admin'], summary: 'Staff accounts', response: { 200: z.object({ users: z.array(User) }), ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      return { users: q.users(admin.hubId).map((u) => userView(userInHub(q, u, admin.hubId))) };
    });

  r.post(
    '/api/admin/users',
    { schema: { tags: ['admin'], summary: 'Create a staff account', body: CreateUserBody, response: { 201: User, ...errors } } },
    async (req, reply) => {
      const admin = requireUser(req, ['admin']);
      if (!mayGrantRole(admin.role, req.body.role, req.body.role)) throw new DomainError('FORBIDDEN', 'Only a region admin makes a region admin');
      const agencies = new Set(q.agencies(admin.hubId).map((a) => a.id));
      const unknown = req.body.agencyIds.filter((a) => !agencies.has(a));
      if (unknown.length > 0) throw new DomainError('NOT_FOUND', `No agency ${unknown.join(', ')} in this hub`);
      if (q.userByUsername(req.body.username)) throw new DomainError('USERNAME_TAKEN', `The username ${req.body.username} is taken`);
      const passwordHash = await hashPassword(req.body.password, app.config.scryptLog2N);
      const id = q.transaction(() => {
        if (q.userByUsername(req.body.username)) throw new DomainError('USERNAME_TAKEN', `The username ${req.body.username} is taken`);
        const { password: _pw, ...rest } = req.body;
        const userId = q.insertUser({ ...rest, hubId: admin.hubId, passwordHash }, app.config.now().getTime());
        audit(admin.hubId, admin.id, 'user.create', `user:${userId}`, { role: req.body.role });
        return userId;
      });
      reply.status(201);
      return userView(q.user(id)!);
    },
  );

  r.put(
    '/api/admin/users/:id/roster',
    {
      schema: {
        tags: ['admin'],
        summary: "Replace a person's roster: the hubs they work in and on which ISO weekdays (null = any day). A hub admin changes only their own hubs' entries; the rest are kept",
        params: IdParams, body: RosterBody, response: { 200: z.object({ hubs: z.array(RosterEntry) }), ...errors },
      },
    },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const target = q.user(req.params.id);
      // a hub's people are those rostered to the hub the admin is in now
      if (!target || !target.hubIds.includes(admin.hubId)) throw new DomainError('USER_NOT_FOUND', `No user ${req.params.id}`);
      if (!mayGrantRole(admin.role, target.role, target.role)) throw new DomainError('FORBIDDEN', "Only a region admin changes a region admin's hubs");
      for (const e of req.body.hubs) if (!q.hub(e.hubId)) throw new DomainError('HUB_NOT_FOUND', `No hub ${e.hubId}`);
      const before = q.roster(target.id);
      const edit = rosterAfterEdit(admin, before, req.body.hubs);
      if (!edit.ok && edit.reason === 'forbidden') throw new DomainError('FORBIDDEN', 'A hub admin changes only the entries of hubs they may enter');
      if (!edit.ok) throw new DomainError('ROSTER_EMPTY', 'A person must stay rostered to at least one hub');
      const roster = edit.roster.map((e) => ({ hubId: e.hubId, weekdays: e.weekdays && [...e.weekdays] }));
      q.transaction(() => {
        q.replaceRoster(target.id, roster);
        audit(admin.hubId, admin.id, 'user.roster', `user:${target.id}`, { before, after: roster });
      });
      // a session in a hub they were taken off already fails its hub check; a desk they left
      // open there closes (a visitor it held goes back to their place), and their sockets go now
      const removed = before.filter((b) => !roster.some((e) => e.hubId === b.hubId)).map((b) => b.hubId);
      for (const hubId of removed) write(app.commands, hubId, (w, now) => releaseUserDesks(q, w, target.id, now, hubId));
      if (removed.length > 0) app.realtime.kickUser(target.id);
      return { hubs: q.roster(target.id) };
    },
  );

  r.put(
    '/api/admin/hub/policy',
    { schema: { tags: ['admin'], summary: "Referral placement policy, target wait and the kiosk's languages", body: HubPolicyBody, response: { 200: Hub, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const kioskLanguages = req.body.kioskLanguages && kioskLanguageList(req.body.kioskLanguages, q.hub(admin.hubId)!.languages);
      q.transaction(() => {
        q.updateHubPolicy(admin.hubId, req.body.referralPolicy, req.body.targetWaitMin);
        if (kioskLanguages) q.setKioskLanguages(admin.hubId, kioskLanguages);
        audit(admin.hubId, admin.id, 'hub.policy', `hub:${admin.hubId}`, req.body);
      });
      return hubView(q.hub(admin.hubId)!);
    },
  );
}

/** In the kiosk's own order, once each; the fallback language must be among them, or a visitor could get a text in a language the kiosk does not offer. */
function kioskLanguageList(chosen: readonly string[], hubLanguages: readonly string[]): string[] {
  const fallback = fallbackLanguage(hubLanguages);
  if (!chosen.includes(fallback)) throw new DomainError('VALIDATION_FAILED', `The kiosk must offer ${fallback}, the language untranslated texts fall back to`);
  return visitorLanguages.filter((l) => chosen.includes(l));
}
