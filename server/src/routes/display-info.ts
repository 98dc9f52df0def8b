import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DisplayInfo, DisplayInfoSettings, DomainError, ErrorBody } from '@luukku/shared';
import { adminChange } from '../commands/admin.js';
import { requireActor, requireUser } from '../plugins/auth.js';
import { espeakLanguages } from '../speech/espeak.js';
import { displayInfoKey, displayInfoSettings, displayInfoView } from '../views/display-info.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** The display's information between calls: what it shows today, and the coordinator's settings for it. */
export default async function displayInfoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;

  r.get(
    '/api/display/info',
    { schema: { tags: ['display'], summary: "What the lobby display shows between calls today: hours, agencies and pop-ups, following one's turn by phone", response: { 200: DisplayInfo, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind === 'device' && actor.device.kind !== 'display') throw new DomainError('FORBIDDEN', 'This needs a display device or staff');
      const hub = q.hub(actor.hubId)!;
      return displayInfoView(hub, q.agencies(hub.id), q.services(hub.id), displayInfoSettings(q, hub.id), app.config.now(), espeakLanguages(app.config.espeakPath));
    },
  );

  r.get(
    '/api/admin/display-info',
    { schema: { tags: ['admin'], summary: "The display's information between calls: items on or off, texts per language, timing", response: { 200: DisplayInfoSettings, ...errors } } },
    async (req) => displayInfoSettings(q, requireUser(req, ['admin']).hubId),
  );

  r.put(
    '/api/admin/display-info',
    { schema: { tags: ['admin'], summary: "Set the display's information between calls (displays follow at once)", body: DisplayInfoSettings, response: { 200: DisplayInfoSettings, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      // a `catalog` event with it: displays fetch their information again
      adminChange(app.commands, admin, 'display.info', `hub:${admin.hubId}`, req.body, (now) => q.putHubSetting(admin.hubId, displayInfoKey, req.body, now));
      return displayInfoSettings(q, admin.hubId);
    },
  );
}
