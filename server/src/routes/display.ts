import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DisplayQuery, DisplaySnapshot, DomainError, ErrorBody, PrintersResponse } from '@luukku/shared';
import { requireActor, requireUser } from '../plugins/auth.js';
import { displaySnapshot } from '../views/display.js';

export default async function displayRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/display/snapshot',
    {
      schema: {
        tags: ['display'],
        summary: "A lobby display's first paint: recent calls of its zone, waiting counts, labels (numbers and desks only)",
        querystring: DisplayQuery,
        response: { 200: DisplaySnapshot, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind === 'device' && actor.device.kind !== 'display') throw new DomainError('FORBIDDEN', 'This needs a display device or staff');
      const zoneParam = req.query.zone ?? (actor.kind === 'device' ? (actor.device.zone ?? 'all') : 'all');
      const zone = zoneParam === 'all' ? null : zoneParam;
      return displaySnapshot(app.q, app.q.hub(actor.hubId)!, zone, req.query.limit, app.config.now());
    },
  );

  r.get(
    '/api/printers',
    { schema: { tags: ['kiosk'], summary: "The kiosks' printers: how the last print went", response: { 200: PrintersResponse, 401: ErrorBody, 403: ErrorBody } } },
    async (req) => {
      const user = requireUser(req);
      return {
        printers: app.q
          .devices(user.hubId)
          .filter((d) => d.kind === 'kiosk' && d.revokedAt === null && d.lastPrint)
          .map((d) => ({ deviceId: d.id, name: d.name, ok: d.lastPrint!.ok, at: new Date(d.lastPrint!.at).toISOString(), error: d.lastPrint!.error })),
      };
    },
  );
}
