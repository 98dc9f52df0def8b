import { z } from 'zod';
import { Id, LocalizedText, VisitorLanguage } from './common.js';
import { ReferralPlacement } from './catalog.js';

export const Needs = z
  .object({
    /** An interpreter in the visit's language. */
    interpreter: z.boolean().default(false),
    /** An accessible desk or more time. */
    accessible: z.boolean().default(false),
    /** Someone is with the visitor (own worker, family). */
    accompanied: z.boolean().default(false),
  })
  .strict();
export type Needs = z.infer<typeof Needs>;

/** How staff see that a visitor came by appointment, and when it is due; null for a walk-in. */
export const StepAppointment = z.object({ startsAt: z.string() }).nullable();
export type StepAppointment = z.infer<typeof StepAppointment>;

export const stepStatuses = ['planned', 'waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'referred'] as const;
export const StepStatus = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof StepStatus>;

export const VisitStatus = z.enum(['active', 'done', 'no_show', 'cancelled']);
export type VisitStatus = z.infer<typeof VisitStatus>;

export const referralReasons = ['needs_other_service', 'wrong_queue', 'planned_visit', 'visitor_request', 'other'] as const;
export const ReferralReason = z.enum(referralReasons);
export type ReferralReason = z.infer<typeof ReferralReason>;

export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'idempotencyKey: 8–100 letters, digits, _ or -');

export const IssueVisitBody = z
  .object({
    services: z.array(Id).min(1).max(5).optional(),
    guidance: z.literal(true).optional(),
    language: VisitorLanguage,
    needs: Needs.default({ interpreter: false, accessible: false, accompanied: false }),
    idempotencyKey: IdempotencyKey,
  })
  .strict()
  .refine((b) => (b.services ? !b.guidance : b.guidance === true), {
    message: 'give either "services" or "guidance": true',
    path: ['services'],
  })
  .refine((b) => !b.services || new Set(b.services).size === b.services.length, {
    message: 'a service can be listed once',
    path: ['services'],
  });
export type IssueVisitBody = z.infer<typeof IssueVisitBody>;

export const PublicDesk = z.object({ id: Id, name: z.string(), zone: z.string() });

/** One step as a public surface may show it: neutral label, no notes, no staff. */
export const PublicStep = z.object({
  serviceId: Id,
  label: LocalizedText,
  status: StepStatus,
  desk: PublicDesk.nullable(),
});

export const PublicVisit = z.object({
  /** The hub's event sequence this view reflects; live events after it update it. */
  seq: z.number().int(),
  number: z.string(),
  token: z.string(),
  status: VisitStatus,
  language: VisitorLanguage,
  issuedAt: z.string(),
  hubName: LocalizedText,
  steps: z.array(PublicStep),
  current: PublicStep.extend({
    peopleAhead: z.number().int(),
    estimateMin: z.number().int(),
    /** The step's place in its line while it waits: the page compares the `queues` moves with it. */
    place: z.object({ stepId: Id, priority: z.number().int(), queueTime: z.string() }).nullable(),
  }).nullable(),
  /** The visit has answered the end-of-visit question: the phone page does not ask again. */
  feedbackGiven: z.boolean(),
});
export type PublicVisit = z.infer<typeof PublicVisit>;

export const IssuedVisit = PublicVisit.extend({
  visitId: Id,
  needs: Needs,
  /** Path of the visitor's phone page, for the ticket's QR code. */
  phonePath: z.string(),
  /** True when this answer repeats an earlier issue with the same idempotency key. */
  replayed: z.boolean(),
});
export type IssuedVisit = z.infer<typeof IssuedVisit>;

export const VisitTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'malformed visit token') });

/** A step as staff see it: everything but notes. */
export const StaffStep = z.object({
  id: Id,
  visitId: Id,
  number: z.string(),
  serviceId: Id,
  agencyId: Id,
  status: StepStatus,
  position: z.number().int(),
  priority: z.number().int(),
  queueTime: z.string(),
  arrivedAt: z.string(),
  language: VisitorLanguage,
  needs: Needs,
  deskId: Id.nullable(),
  userId: Id.nullable(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  referredFrom: z
    .object({ agencyId: Id, serviceId: Id, reason: ReferralReason, hasNote: z.boolean() })
    .nullable(),
  appointment: StepAppointment,
});
export type StaffStep = z.infer<typeof StaffStep>;

export const Referral = z.object({
  id: Id,
  fromStepId: Id,
  toStepId: Id,
  fromAgencyId: Id,
  toAgencyId: Id,
  reason: ReferralReason,
  placement: ReferralPlacement,
  /** null when there is none, it was deleted, or the reader may not see it. */
  note: z.string().nullable(),
  noteHidden: z.boolean(),
  /** The agency the note is addressed to: only its staff (and the writer) read it. */
  noteFor: Id.nullable(),
  byUserId: Id.nullable(),
  at: z.string(),
});
export type Referral = z.infer<typeof Referral>;

export const VisitDetail = z.object({
  id: Id,
  number: z.string(),
  status: VisitStatus,
  language: VisitorLanguage,
  needs: Needs,
  arrivedAt: z.string(),
  steps: z.array(StaffStep),
  referrals: z.array(Referral),
});
export type VisitDetail = z.infer<typeof VisitDetail>;

export const StepResponse = z.object({ step: StaffStep, visit: VisitDetail });
export type StepResponse = z.infer<typeof StepResponse>;

export const ReferBody = z
  .object({
    /** Next services in order; the first is queued now, the rest are planned. */
    services: z.array(Id).min(1).max(5),
    reason: ReferralReason,
    note: z.string().trim().max(1000).optional(),
    /**
     * The one agency that reads the note; by default the first service's. The server checks
     * that it is the agency of one of `services`.
     */
    noteFor: Id.optional(),
    placement: ReferralPlacement.optional(),
  })
  .strict()
  .refine((b) => new Set(b.services).size === b.services.length, {
    message: 'a service can be listed once',
    path: ['services'],
  });
export type ReferBody = z.infer<typeof ReferBody>;

export const CallStepBody = z.object({ deskId: Id }).strict();
/** An admin takes over a step another desk holds; the reason goes to the audit log. */
export const TakeOverBody = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export const OpenDeskBody = z.object({ services: z.array(Id).min(1).max(50) }).strict();
export const DeskBreakBody = z.object({ onBreak: z.boolean() }).strict();
