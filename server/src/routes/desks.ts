import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Desk, DeskBreakBody, DesksResponse, ErrorBody, IdParams, OpenDeskBody, StepResponse } from '@luukku/shared';
import { callNext, closeDesk, openDesk, setDeskBreak } from '../commands/desks.js';
import { requireActor, requireUser } from '../plugins/auth.js';
import { deskView } from '../views/catalog.js';
import { readerStep, visitDetail } from '../views/steps.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export default async function deskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = (id: number) => deskView(app.q, app.q.desk(id)!);

  r.get(
    '/api/desks',
    { schema: { tags: ['desks'], summary: 'Desks with their state, services and current visitor', response: { 200: DesksResponse, 401: ErrorBody } } },
    async (req) => {
      const actor = requireActor(req);
      return { desks: app.q.desks(actor.hubId).map((d) => deskView(app.q, d)) };
    },
  );

  r.post(
    '/api/desks/:id/open',
    { schema: { tags: ['desks'], summary: 'Open the desk for the services served now', params: IdParams, body: OpenDeskBody, response: { 200: Desk, ...errors } } },
    async (req) => {
      const user = requireUser(req);
      openDesk(app.commands, user, req.params.id, req.body.services);
      // a desk open for Guidance brings Guidance steps to the user's sockets; closing takes them away
      app.realtime.refreshUser(user.id);
      return view(req.params.id);
    },
  );

  r.post(
    '/api/desks/:id/close',
    { schema: { tags: ['desks'], summary: 'Close the desk', params: IdParams, response: { 200: Desk, ...errors } } },
    async (req) => {
      const holder = app.q.desk(req.params.id)?.userId ?? null;
      closeDesk(app.commands, requireUser(req), req.params.id);
      if (holder !== null) app.realtime.refreshUser(holder);
      return view(req.params.id);
    },
  );

  r.post(
    '/api/desks/:id/break',
    { schema: { tags: ['desks'], summary: 'Start or end a break', params: IdParams, body: DeskBreakBody, response: { 200: Desk, ...errors } } },
    async (req) => {
      setDeskBreak(app.commands, requireUser(req), req.params.id, req.body.onBreak);
      return view(req.params.id);
    },
  );

  r.post(
    '/api/desks/:id/call-next',
    { schema: { tags: ['desks'], summary: 'Call the next visitor for this desk’s services', params: IdParams, response: { 200: StepResponse, ...errors } } },
    async (req) => {
      const user = requireUser(req);
      const step = callNext(app.commands, user, req.params.id);
      return { step: readerStep(app.q, step, user), visit: visitDetail(app.q, app.q.visit(step.visitId)!, user) };
    },
  );
}
