import fp from 'fastify-plugin';
import { loadVapidKeys } from '../push/keys.js';
import { planNudges } from '../push/nudges.js';
import { PushSender } from '../push/sender.js';
import { nudgeMessage } from '../push/words.js';

export interface PushService {
  /** The VAPID public key (base64url) the phone page subscribes with. */
  publicKey: string;
  /** Resolves when every nudge sent so far was delivered or given up. */
  idle: () => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    push: PushService;
  }
}

/**
 * The phone page's nudges (issue 11 §2). After a command commits, the visits it touched that
 * asked to be nudged get a Web Push message in their language; the sending runs in the
 * background, so a slow or broken push service never slows or fails the desk's command. A
 * visit that ended loses its subscriptions here, right after the commit that ended it.
 */
export default fp(
  async (app) => {
    const keys = loadVapidKeys(app.config.pushKeysFile);
    const sender = new PushSender({
      keys,
      subject: app.config.pushSubject,
      timeoutMs: app.config.pushTimeoutMs,
      ...(app.config.pushAgent ? { agent: app.config.pushAgent } : {}),
      log: app.log,
      onGone: (s) => app.q.deletePushSubscription(s.visitId, s.endpoint),
    });
    app.decorate('push', { publicKey: keys.publicKey, idle: () => sender.idle() });

    app.onEvents((events) => {
      const { nudges, ended } = planNudges(app.q, events, app.config.now().getTime());
      for (const { visit, nudge } of nudges) {
        const hub = app.q.hub(visit.hubId)!;
        for (const s of app.q.pushSubscriptionsOfVisit(visit.id)) {
          const message = nudgeMessage(nudge, s.language, hub.languages);
          sender.send(s, JSON.stringify({ ...message, tag: `luukku-${visit.number}`, url: `/v/${visit.token}` }));
        }
      }
      for (const visitId of ended) app.q.deleteVisitPush(visitId);
    });
    app.addHook('onClose', async () => sender.idle());
  },
  { name: 'push', dependencies: ['database'] },
);
