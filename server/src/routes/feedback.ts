import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, ErrorBody, FeedbackBody, FeedbackResult, FeedbackSetup, localMoment, TabletFeedbackBody, ticketToken, VisitTokenParams } from '@luukku/shared';
import { giveFeedback } from '../commands/feedback.js';
import { requireDevice } from '../plugins/auth.js';
import { createKioskLimiter } from '../plugins/rate-limit.js';
import { assertVisitCurrent } from '../domain/visit-day.js';
import { mayReadVisitByToken } from '../domain/access.js';

/** The one question at the end of a visit: from the visitor's phone page, or the tablet by the exit. */
export default async function feedbackRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = createKioskLimiter(app.config.feedbackRateLimitPerMinute, app.config.now, (n) => `This tablet took ${n} answers in the last minute; wait a moment`);

  r.post(
    '/api/visits/:token/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'The phone page answers "did you get your matter sorted today?" once, after the visit has ended (done); stored without the visit',
        params: VisitTokenParams,
        body: FeedbackBody,
        response: { 201: FeedbackResult, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody },
      },
    },
    async (req, reply) => {
      const visit = app.q.visitByToken(req.params.token);
      // a device or login of another hub does not see this hub's visits (issue 12 §1)
      if (!visit || !mayReadVisitByToken(req.actor?.hubId ?? null, visit.hubId)) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
      const hub = app.q.hub(visit.hubId)!;
      assertVisitCurrent(visit, app.config.now(), hub.timeZone);
      const result = giveFeedback(app.commands, { hubId: hub.id, answer: req.body.answer, source: 'phone', visit, day: visit.day });
      reply.status(201);
      return { ok: true as const, ...result };
    },
  );

  r.post(
    '/api/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'The feedback tablet counts an answer; with the scanned ticket (its QR: /v/<token>) it keeps the visit\'s path and counts once per visit',
        body: TabletFeedbackBody,
        response: { 201: FeedbackResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const device = requireDevice(req, 'feedback');
      limit(device.id);
      const hub = app.q.hub(device.hubId)!;
      const now = app.config.now();
      let visit = null;
      if (req.body.ticket !== undefined) {
        const token = ticketToken(req.body.ticket);
        const found = token === null ? undefined : app.q.visitByToken(token);
        // another hub's ticket, or an earlier day's, is not one this tablet can place
        if (!found || found.hubId !== hub.id) throw new DomainError('VISIT_NOT_FOUND', 'This ticket is not one of this hub');
        assertVisitCurrent(found, now, hub.timeZone);
        visit = found;
      }
      const result = giveFeedback(app.commands, { hubId: hub.id, answer: req.body.answer, source: 'tablet', visit, day: localMoment(now, hub.timeZone).date });
      reply.status(201);
      return { ok: true as const, ...result };
    },
  );

  r.get(
    '/api/feedback/setup',
    {
      schema: {
        tags: ['feedback'],
        summary: "What the feedback tablet asks in: the hub's name and its kiosk languages",
        response: { 200: FeedbackSetup, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const device = requireDevice(req, 'feedback');
      const hub = app.q.hub(device.hubId)!;
      return { hubName: hub.name, languages: hub.kioskLanguages };
    },
  );
}
