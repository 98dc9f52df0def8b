import { z } from 'zod';
import { Id, LocalizedText, VisitorLanguage } from './common.js';
import { Needs, ReferralReason } from './visit.js';

/** A waiting visitor as the serving agency's staff see them in their line. */
export const WaitingEntry = z.object({
  stepId: Id,
  visitId: Id,
  number: z.string(),
  arrivedAt: z.string(),
  queueTime: z.string(),
  priority: z.number().int(),
  language: VisitorLanguage,
  needs: Needs,
  referredFrom: z.object({ agencyId: Id, reason: ReferralReason, hasNote: z.boolean() }).nullable(),
});
export type WaitingEntry = z.infer<typeof WaitingEntry>;

export const QueueSummary = z.object({
  serviceId: Id,
  agencyId: Id,
  label: LocalizedText,
  prefix: z.string(),
  openNow: z.boolean(),
  waiting: z.number().int(),
  openDesks: z.number().int(),
  estimateMin: z.number().int(),
  longestWaitMin: z.number().int(),
  /** Only for staff who may serve this service. */
  entries: z.array(WaitingEntry).optional(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueuesResponse = z.object({ seq: z.number().int(), queues: z.array(QueueSummary) });
export type QueuesResponse = z.infer<typeof QueuesResponse>;
