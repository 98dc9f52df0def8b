import { z } from 'zod';
import { Id, LocalizedText, VisitorLanguage } from './common.js';
import { Needs, ReferralReason, StepAppointment } from './visit.js';

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
  appointment: StepAppointment,
});
export type WaitingEntry = z.infer<typeof WaitingEntry>;

/**
 * One line as everyone may see it: counts and estimates, no one in it. The `queues` event
 * carries these for every line of the hub, so a screen replaces its figures without asking.
 * The waits grow with the clock between events: `oldestAt` lets a screen count the longest
 * wait itself, and `typicalMin` lets a phone page estimate its own wait from its place.
 */
export const QueueLine = z.object({
  serviceId: Id,
  agencyId: Id,
  openNow: z.boolean(),
  waiting: z.number().int(),
  openDesks: z.number().int(),
  /** The wait of the last in line. */
  estimateMin: z.number().int(),
  /** Minutes a visit of this service typically takes (median of the recent ones). */
  typicalMin: z.number(),
  /** When the longest-waiting visitor joined the line; null when nobody waits. */
  oldestAt: z.string().nullable(),
  longestWaitMin: z.number().int(),
  /**
   * When today's appointments not yet in the line's order go ahead of walk-ins (booked, or
   * checked in early), in time order: a phone page estimates its wait with them as the server does.
   */
  appointmentsDue: z.array(z.string()),
});
export type QueueLine = z.infer<typeof QueueLine>;

/** A line as staff see it: the public figures, its name, and who waits for those who may serve it. */
export const QueueSummary = QueueLine.extend({
  label: LocalizedText,
  prefix: z.string(),
  /** Only for staff who may serve this service. */
  entries: z.array(WaitingEntry).optional(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueuesResponse = z.object({ seq: z.number().int(), queues: z.array(QueueSummary) });
export type QueuesResponse = z.infer<typeof QueuesResponse>;
