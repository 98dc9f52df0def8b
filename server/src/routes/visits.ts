import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, ErrorBody, IssuedVisit, IssueVisitBody, PublicVisit, VisitTokenParams } from '@luukku/shared';
import { issueVisit } from '../commands/issue-visit.js';
import { requireActor } from '../plugins/auth.js';
import { createKioskLimiter } from '../plugins/rate-limit.js';
import { publicVisit } from '../views/visits.js';
import { assertVisitCurrent } from '../domain/visit-day.js';
import { mayReadVisitByToken } from '../domain/access.js';

export default async function visitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = createKioskLimiter(app.config.kioskRateLimitPerMinute, app.config.now);

  r.post(
    '/api/visits',
    {
      schema: {
        tags: ['visits'],
        summary: 'Issue a visit (kiosk device, or staff for a walk-in); retries with the same idempotency key return the same visit',
        body: IssueVisitBody,
        response: { 200: IssuedVisit, 201: IssuedVisit, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (actor.kind === 'device' && actor.device.kind !== 'kiosk') {
        throw new DomainError('FORBIDDEN', 'Only a kiosk or staff can issue numbers');
      }
      // a retry is not a new number, so it does not count against the kiosk's limit
      const isRetry = app.q.idempotency(actor.hubId, req.body.idempotencyKey) !== undefined;
      if (actor.kind === 'device' && !isRetry) limit(actor.device.id);
      const { visitId, replayed } = issueVisit(app.commands, actor, req.body);
      const visit = app.q.visit(visitId)!;
      const view = publicVisit(app.q, app.q.hub(visit.hubId)!, visit, app.config.now().getTime());
      reply.status(replayed ? 200 : 201);
      return { ...view, visitId, needs: visit.needs, phonePath: `/v/${visit.token}`, replayed };
    },
  );

  r.get(
    '/api/visits/:token',
    {
      schema: {
        tags: ['visits'],
        summary: "The visitor's phone page: status, people ahead, estimate, the desk when called (the token is the secret); 410 VISIT_EXPIRED after the visit's day",
        params: VisitTokenParams,
        response: { 200: PublicVisit, 400: ErrorBody, 404: ErrorBody, 410: ErrorBody },
      },
    },
    async (req) => {
      const visit = app.q.visitByToken(req.params.token);
      // a device or login of another hub does not see this hub's visits (issue 12 §1)
      if (!visit || !mayReadVisitByToken(req.actor?.hubId ?? null, visit.hubId)) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
      const hub = app.q.hub(visit.hubId)!;
      assertVisitCurrent(visit, app.config.now(), hub.timeZone);
      return publicVisit(app.q, hub, visit, app.config.now().getTime());
    },
  );
}
