import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, QueuesResponse, ServicesResponse } from '@luukku/shared';
import { mayReadLine } from '../domain/access.js';
import { deskOf } from '../commands/load.js';
import { requireActor } from '../plugins/auth.js';
import { agencyView, hubView, serviceView } from '../views/catalog.js';
import { queueSummaries } from '../views/queues.js';

export default async function queueRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/queues',
    {
      schema: {
        tags: ['queues'],
        summary: 'Waiting lines with counts and estimates; staff also get the visitors in the lines they serve',
        response: { 200: QueuesResponse, 401: ErrorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const hub = app.q.hub(actor.hubId)!;
      // read the sequence first: a client applies events after it, so nothing falls in between
      const seq = app.q.lastSeq(hub.id);
      const desk = actor.kind === 'user' ? deskOf(app.q, actor.user) : null;
      const queues = queueSummaries(app.q, hub, app.config.now().getTime(), (s) =>
        actor.kind === 'user' ? mayReadLine(actor.user, s, desk) : false,
      );
      return { seq, queues };
    },
  );

  r.get(
    '/api/services',
    { schema: { tags: ['queues'], summary: 'The hub, its agencies and services', response: { 200: ServicesResponse, 401: ErrorBody } } },
    async (req) => {
      const actor = requireActor(req);
      const hub = app.q.hub(actor.hubId)!;
      const now = app.config.now();
      return {
        hub: hubView(hub),
        agencies: app.q.agencies(hub.id).map(agencyView),
        services: app.q.services(hub.id).map((s) => serviceView(s, hub, now)),
      };
    },
  );
}
