import { z } from 'zod';
import { VisitorLanguage } from './common.js';

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it. The endpoint is an https
 * URL at the browser's push service; p256dh is an uncompressed P-256 point (65 bytes, so 87
 * base64url characters starting with "B", the 0x04 prefix) and auth a 16-byte secret (22).
 */
export const PushSubscriptionBody = z
  .object({
    endpoint: z
      .url({ protocol: /^https$/, error: 'endpoint: an https URL' })
      .max(2000)
      .refine((u) => !/^https:\/\/[^/]*@/.test(u), 'endpoint: no user or password in the URL'),
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        p256dh: z.string().regex(/^B[A-Za-z0-9_-]{86}=?$/, 'keys.p256dh: a P-256 public key, 65 bytes in base64url'),
        auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'keys.auth: 16 bytes in base64url'),
      })
      .strict(),
    /** The language the nudges are written in; by default the visit's. */
    language: VisitorLanguage.optional(),
  })
  .strict();
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

/** Which phone turns its nudges off; without it, every phone of the visit. */
export const PushUnsubscribeBody = z.object({ endpoint: z.string().max(2000) }).strict().nullish();

export const PushKey = z.object({
  /** The server's VAPID public key, base64url: the page's `applicationServerKey`. */
  publicKey: z.string(),
});

export const PushSubscribed = z.object({ subscribed: z.boolean() });

/** Hub setting `push_ahead`: the nudge goes when this many people (or fewer) are ahead. */
export const PushAheadSetting = z.number().int().min(0).max(50);

/** The hub's push settings as the admin pages read and write them. */
export const PushSettings = z.object({ ahead: PushAheadSetting }).strict();
export type PushSettings = z.infer<typeof PushSettings>;
