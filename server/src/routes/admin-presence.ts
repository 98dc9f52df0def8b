import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defaultPresence } from '@luukku/db';
import { AgencyPresenceBody, AgencyPresenceList, DomainError, ErrorBody, IdParams, Ok } from '@luukku/shared';
import { adminChange } from '../commands/admin.js';
import { requireUser } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** What the kiosk offers in an agency's place on a day it is not in the hub (issue 12 §1). */
export default async function adminPresenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;

  r.get(
    '/api/admin/agency-presence',
    { schema: { tags: ['admin'], summary: "Each agency's phone, online service, Guidance and text for the days it is not here", response: { 200: AgencyPresenceList, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const set = q.agencyPresence(admin.hubId);
      return {
        presence: q
          .agencies(admin.hubId)
          .filter((a) => !a.isGuidance)
          .map((a) => set.get(a.id) ?? defaultPresence(a.id)),
      };
    },
  );

  r.put(
    '/api/admin/agencies/:id/presence',
    { schema: { tags: ['admin'], summary: 'Set what the kiosk offers on the days the agency is not here', params: IdParams, body: AgencyPresenceBody, response: { 200: Ok, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      const agency = q.agencies(admin.hubId).find((a) => a.id === req.params.id);
      if (!agency) throw new DomainError('NOT_FOUND', `No agency ${req.params.id} in this hub`);
      // Guidance is the fallback itself: it has no "instead" of its own
      if (agency.isGuidance) throw new DomainError('VALIDATION_FAILED', 'Guidance has no absent-day alternatives');
      adminChange(app.commands, admin, 'agency.presence', `agency:${agency.id}`, req.body, () =>
        q.setAgencyPresence(admin.hubId, { agencyId: agency.id, ...req.body }),
      );
      return { ok: true as const };
    },
  );
}
