import type { Agent } from 'node:https';
import type { FastifyBaseLogger } from 'fastify';
import webpush from 'web-push';
import type { PushSubscriptionRecord } from '@luukku/db';
import type { VapidKeys } from './keys.js';

export interface SenderOptions {
  keys: VapidKeys;
  subject: string;
  timeoutMs: number;
  agent?: Agent;
  log: FastifyBaseLogger;
  /** The push service says the subscription no longer exists (404, 410): forget it. */
  onGone: (subscription: PushSubscriptionRecord) => void;
}

/** How long a push service keeps an undelivered nudge: after a quarter of an hour it is stale. */
const ttlSeconds = 15 * 60;

/**
 * Sends Web Push messages off the command's path: `send` returns at once, the request runs in
 * the background with a socket timeout, and its failure is logged, never thrown. The endpoint
 * is a capability URL, so no log line carries it (nor the error, whose text may quote it).
 */
export class PushSender {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly o: SenderOptions) {}

  send(subscription: PushSubscriptionRecord, payload: string): void {
    const p = this.deliver(subscription, payload).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves when every message sent so far has been delivered or given up (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async deliver(s: PushSubscriptionRecord, payload: string): Promise<void> {
    const visitId = s.visitId;
    try {
      const res = await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
        vapidDetails: { subject: this.o.subject, publicKey: this.o.keys.publicKey, privateKey: this.o.keys.privateKey },
        TTL: ttlSeconds,
        urgency: 'high',
        timeout: this.o.timeoutMs,
        ...(this.o.agent ? { agent: this.o.agent } : {}),
      });
      this.o.log.debug({ visitId, status: res.statusCode }, 'push: sent');
    } catch (err) {
      const status = err instanceof webpush.WebPushError ? err.statusCode : undefined;
      if (status === 404 || status === 410) {
        this.o.onGone(s);
        this.o.log.info({ visitId, status }, 'push: the subscription is gone; deleted');
      } else if (status !== undefined) {
        this.o.log.warn({ visitId, status }, 'push: the push service refused the message');
      } else {
        // a network error's message names the host and port; its code is enough (web-push's
        // own socket timeout has none, and says so in a message that holds no address)
        const e = err as NodeJS.ErrnoException;
        const code = e.code ?? (e.message === 'Socket timeout' ? 'TIMEOUT' : 'UNKNOWN');
        this.o.log.warn({ visitId, code }, 'push: the push service could not be reached');
      }
    }
  }
}
