import { z } from 'zod';
import { ReferralPlacement } from './catalog.js';
import { VisitorLanguage, visitorLanguages } from './common.js';

export const HubPolicyBody = z
  .object({
    referralPolicy: ReferralPlacement,
    targetWaitMin: z.number().int().min(1).max(240),
    /** Left out, the kiosk's languages stay as they are. */
    kioskLanguages: z.array(VisitorLanguage).min(1).max(visitorLanguages.length).optional(),
  })
  .strict();

import { Zone, LocalizedText } from './common.js';
import { RecentCall, QueuesData } from './events.js';
import { PrinterStatus } from './printer.js';

export const DisplayQuery = z.object({ zone: z.union([z.literal('all'), Zone]).optional(), limit: z.coerce.number().int().min(1).max(50).default(12) }).strict();

/** Everything a lobby display paints first; live events after `seq` keep it current. */
export const DisplaySnapshot = z.object({
  seq: z.number().int(),
  hubName: LocalizedText,
  zone: z.string().nullable(),
  agencies: z.array(z.object({ id: z.number().int(), name: LocalizedText, color: z.string() })),
  services: z.array(z.object({ id: z.number().int(), agencyId: z.number().int(), label: LocalizedText })),
  calls: z.array(RecentCall),
  queues: QueuesData.shape.queues,
});
export type DisplaySnapshot = z.infer<typeof DisplaySnapshot>;

export const PrintersResponse = z.object({ printers: z.array(PrinterStatus) });

// ——— the hub coordinator's changes ———
import { HexColor, Id, StaffLanguage } from './common.js';
import { Agency, Desk, Hub, Prefix } from './catalog.js';
import { Schedule } from './schedule.js';
import { Device, DeviceKind, PairableKind, Role, User } from './auth.js';
import { RosterEntry } from './roster.js';

const Code = z.string().regex(/^[a-z0-9-]{2,40}$/, 'code: 2–40 of a–z, 0–9, -');

export const AgencyBody = z.object({ code: Code, name: LocalizedText, color: HexColor }).strict();
export const AgencyUpdateBody = AgencyBody.omit({ code: true });

export const ServiceBody = z
  .object({
    agencyId: Id,
    code: Code,
    name: LocalizedText,
    publicLabel: LocalizedText,
    prefix: Prefix,
    targetWaitMin: z.number().int().min(1).max(240).nullable().default(null),
    schedule: Schedule,
    defaultServiceMin: z.number().min(1).max(240).default(10),
    /** Served by appointment only; the route requires `bookingInfo` with it. */
    appointmentOnly: z.boolean().default(false),
    bookingInfo: LocalizedText.nullable().default(null),
  })
  .strict();
export const ServiceUpdateBody = ServiceBody.omit({ code: true }).extend({
  active: z.boolean().default(true),
  /** Left out, the service keeps whether it is appointment-only and its booking text. */
  appointmentOnly: z.boolean().optional(),
  bookingInfo: LocalizedText.nullable().optional(),
});

/** A service as the admin edits it: everything, including the default service time. */
export const AdminService = z.object({
  id: Id,
  agencyId: Id,
  code: z.string(),
  name: LocalizedText,
  publicLabel: LocalizedText,
  prefix: z.string(),
  isGuidance: z.boolean(),
  targetWaitMin: z.number().int().nullable(),
  schedule: Schedule,
  defaultServiceMin: z.number(),
  active: z.boolean(),
  openNow: z.boolean(),
  appointmentOnly: z.boolean(),
  bookingInfo: LocalizedText.nullable(),
});

export const DeskBody = z
  .object({
    name: z.string().trim().min(1).max(20),
    zone: Zone,
    /** Left out, a new desk is not accessible and an edited one keeps what it was. */
    accessible: z.boolean().optional(),
    /** Languages spoken at the desk (kept once each); left out, as for `accessible`. */
    languages: z.array(VisitorLanguage).max(visitorLanguages.length * 2).optional(),
  })
  .strict();

export const UserUpdateBody = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    role: Role,
    agencyIds: z.array(Id).max(20),
    active: z.boolean(),
    language: StaffLanguage,
  })
  .strict();
export const PasswordBody = z.object({ password: z.string().min(8, 'password: at least 8 characters').max(200) }).strict();

export const KioskQuestionBody = z
  .object({
    icon: z.enum(['briefcase', 'home', 'coins', 'compass', 'id-card', 'question']),
    label: LocalizedText,
    /** Service ids in visiting order; empty = Guidance. */
    suggests: z.array(Id).max(5),
  })
  .strict();
export const KioskQuestionsBody = z.object({ questions: z.array(KioskQuestionBody).min(1).max(12) }).strict();

export const DeviceUpdateBody = z.object({ name: z.string().trim().min(1).max(100), zone: Zone.nullable() }).strict();

export const PairStartBody = z.object({ kind: PairableKind }).strict();
export const PairStartResponse = z.object({ id: Id, code: z.string(), secret: z.string(), expiresAt: z.string() });
/** The pairing secret travels in a header: a query string ends up in access logs and history. */
export const PairStatusHeaders = z.object({ 'x-pairing-secret': z.string().min(10).max(100) });
export const PairStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting') }),
  z.object({ status: z.literal('paired'), token: z.string(), zone: z.string().nullable() }),
]);
export const PairBody = z
  .object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/, 'code: the 6 letters and digits on the device’s screen'),
    name: z.string().trim().min(1).max(100),
    zone: Zone.nullable().default(null),
  })
  .strict();

export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  actor: z.string().nullable(),
  actorKind: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.unknown(),
});

export const AdminCatalog = z.object({
  hub: Hub,
  agencies: z.array(Agency),
  services: z.array(AdminService),
  desks: z.array(Desk),
  users: z.array(User.extend({ active: z.boolean(), roster: z.array(RosterEntry) })),
  devices: z.array(Device),
  questions: z.array(KioskQuestionBody.extend({ id: Id })),
});
export type AdminCatalog = z.infer<typeof AdminCatalog>;
