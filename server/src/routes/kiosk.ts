import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, KioskMenu, KioskMenuQuery } from '@luukku/shared';
import { requireDevice } from '../plugins/auth.js';
import { kioskMenu } from '../views/kiosk.js';

export default async function kioskRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/kiosk/menu',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'What the kiosk offers now: open services by agency, Guidance, the "I don\'t know" questions',
        querystring: KioskMenuQuery,
        response: { 200: KioskMenu, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const device = requireDevice(req, 'kiosk');
      return kioskMenu(app.q, app.q.hub(device.hubId)!, device, req.query.lang, app.config.now());
    },
  );
}
