import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, ErrorBody, PushKey, PushSettings, PushSubscribed, PushSubscriptionBody, PushUnsubscribeBody, VisitTokenParams } from '@luukku/shared';
import { adminChange } from '../commands/admin.js';
import { assertVisitCurrent } from '../domain/visit-day.js';
import { requireUser } from '../plugins/auth.js';
import { pushAhead, pushAheadKey } from '../push/nudges.js';
import { mayReadVisitByToken } from '../domain/access.js';

/** Subscriptions one visit may hold: a visitor's phone and a companion's, with room to spare. */
export const maxSubscriptionsPerVisit = 5;

/** Whether the endpoint's host is one of the push services the server posts to ('*.x' matches subdomains of x). */
export function pushHostAllowed(endpoint: string, hosts: readonly string[]): boolean {
  const host = new URL(endpoint).hostname.toLowerCase();
  return hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}

/**
 * The phone page's opt-in. The visit's token is the credential, as for GET /api/visits/:token.
 * Answers never echo the endpoint: it is the visitor's capability at their push service.
 */
export default async function pushRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/push/key',
    { schema: { tags: ['push'], summary: "The server's VAPID public key, for the phone page's push subscription", response: { 200: PushKey } } },
    async () => ({ publicKey: app.push.publicKey }),
  );

  r.post(
    '/api/visits/:token/push',
    {
      schema: {
        tags: ['push'],
        summary: 'Nudge this phone when the turn is near, when called, when referred (the body is the browser\'s PushSubscription); deleted when the visit ends',
        params: VisitTokenParams,
        body: PushSubscriptionBody,
        response: { 200: PushSubscribed, 201: PushSubscribed, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody },
      },
    },
    async (req, reply) => {
      const visit = app.q.visitByToken(req.params.token);
      // a device or login of another hub does not see this hub's visits (issue 12 §1)
      if (!visit || !mayReadVisitByToken(req.actor?.hubId ?? null, visit.hubId)) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
      assertVisitCurrent(visit, app.config.now(), app.q.hub(visit.hubId)!.timeZone);
      if (visit.status !== 'active') throw new DomainError('VISIT_ENDED', 'The visit has ended; there is nothing to be notified about');
      const body = req.body;
      if (!pushHostAllowed(body.endpoint, app.config.pushHosts)) {
        throw new DomainError('PUSH_SERVICE_NOT_ALLOWED', 'The subscription is not at a push service this server sends to');
      }
      const known = app.q.hasPushSubscription(visit.id, body.endpoint);
      if (!known && app.q.pushSubscriptionCount(visit.id) >= maxSubscriptionsPerVisit) {
        throw new DomainError('PUSH_SUBSCRIPTIONS_FULL', `A visit may notify ${maxSubscriptionsPerVisit} phones at most`);
      }
      app.q.putPushSubscription(
        { visitId: visit.id, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, language: body.language ?? visit.language },
        app.config.now().getTime(),
      );
      reply.status(known ? 200 : 201);
      return { subscribed: true };
    },
  );

  r.delete(
    '/api/visits/:token/push',
    {
      schema: {
        tags: ['push'],
        summary: "Stop this phone's nudges ({ endpoint }), or every phone's of the visit (no body)",
        params: VisitTokenParams,
        body: PushUnsubscribeBody,
        response: { 200: PushSubscribed, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const visit = app.q.visitByToken(req.params.token);
      // a device or login of another hub does not see this hub's visits (issue 12 §1)
      if (!visit || !mayReadVisitByToken(req.actor?.hubId ?? null, visit.hubId)) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
      app.q.deletePushSubscription(visit.id, req.body?.endpoint);
      return { subscribed: false };
    },
  );

  const adminErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
  r.get(
    '/api/admin/push',
    { schema: { tags: ['admin'], summary: 'Push settings: nudge a waiting visitor when this many people (or fewer) are ahead', response: { 200: PushSettings, ...adminErrors } } },
    async (req) => ({ ahead: pushAhead(app.q, requireUser(req, ['admin']).hubId) }),
  );

  r.put(
    '/api/admin/push',
    { schema: { tags: ['admin'], summary: 'Set the push settings (audited)', body: PushSettings, response: { 200: PushSettings, ...adminErrors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      adminChange(app.commands, admin, 'push.settings', `hub:${admin.hubId}`, req.body, (now) => app.q.putHubSetting(admin.hubId, pushAheadKey, req.body.ahead, now));
      return { ahead: pushAhead(app.q, admin.hubId) };
    },
  );
}
