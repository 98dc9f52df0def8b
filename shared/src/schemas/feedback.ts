import { z } from 'zod';
import { VisitorLanguage } from './common.js';

/** "Did you get your matter sorted today?" — the one question at the end of a visit. */
export const FeedbackAnswer = z.enum(['yes', 'partly', 'no']);
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

/** The phone page's answer: the visit is the one in the address. */
export const FeedbackBody = z.object({ answer: FeedbackAnswer }).strict();
export type FeedbackBody = z.infer<typeof FeedbackBody>;

/**
 * The feedback tablet's answer. `ticket` is what a scanner typed from the visitor's ticket QR
 * (the phone page address `…/v/<token>`, or the token alone); without it the answer counts
 * with an unknown path.
 */
export const TabletFeedbackBody = z
  .object({
    answer: FeedbackAnswer,
    ticket: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type TabletFeedbackBody = z.infer<typeof TabletFeedbackBody>;

export const FeedbackResult = z.object({
  ok: z.literal(true),
  /** Whether the answer was tied to a visit's path (a ticket was given and accepted). */
  withPath: z.boolean(),
});
export type FeedbackResult = z.infer<typeof FeedbackResult>;

/** What the feedback tablet needs to ask: the hub's name and its languages, first the default. */
export const FeedbackSetup = z.object({
  hubName: z.record(z.string(), z.string()),
  languages: z.array(VisitorLanguage).min(1),
});
export type FeedbackSetup = z.infer<typeof FeedbackSetup>;

/**
 * The token in a scanned ticket: the QR holds the phone page's address, `https://…/v/<token>`;
 * a scanner may also give the token alone. null when it is neither.
 */
export function ticketToken(scanned: string): string | null {
  const m = scanned.trim().match(/(?:^|\/v\/)([A-Za-z0-9_-]{16,64})\/?(?:[?#].*)?$/);
  return m ? m[1]! : null;
}
