import { z } from 'zod';
import { HexColor, Id, LocalizedText, VisitorLanguage, Zone } from './common.js';
import { Schedule } from './schedule.js';

export const ReferralPlacement = z.enum(['keep', 'back', 'front']);
export type ReferralPlacement = z.infer<typeof ReferralPlacement>;

export const Hub = z.object({
  id: Id,
  slug: z.string(),
  name: LocalizedText,
  timeZone: z.string(),
  /** The hub's own languages; the first is what a missing translation falls back to. */
  languages: z.array(z.string()),
  /** The languages its kiosk offers visitors; the admin pages ask for names in each. */
  kioskLanguages: z.array(VisitorLanguage),
  referralPolicy: ReferralPlacement,
  targetWaitMin: z.number().int(),
});
export type Hub = z.infer<typeof Hub>;

export const Agency = z.object({
  id: Id,
  code: z.string(),
  name: LocalizedText,
  color: HexColor,
  isGuidance: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

export const Prefix = z.string().regex(/^[A-Z]$/, 'prefix: one capital letter A–Z');

export const Service = z.object({
  id: Id,
  agencyId: Id,
  code: z.string(),
  name: LocalizedText,
  /** What public screens and tickets say; never a sensitive name. */
  publicLabel: LocalizedText,
  prefix: Prefix,
  isGuidance: z.boolean(),
  targetWaitMin: z.number().int().nullable(),
  schedule: Schedule,
  active: z.boolean(),
  openNow: z.boolean(),
  /** No walk-in numbers: the kiosk shows `bookingInfo` instead of a ticket. */
  appointmentOnly: z.boolean(),
  /** How to book (phone, web address), per language; null when none is given. */
  bookingInfo: LocalizedText.nullable(),
});
export type Service = z.infer<typeof Service>;

export const DeskStatus = z.enum(['closed', 'open', 'break']);
export type DeskStatus = z.infer<typeof DeskStatus>;

export const Desk = z.object({
  id: Id,
  name: z.string(),
  zone: Zone,
  status: DeskStatus,
  userId: Id.nullable(),
  serviceIds: z.array(Id),
  currentStepId: Id.nullable(),
  /** A visitor who asked for an accessible desk is called only to an accessible one. */
  accessible: z.boolean(),
  /** Languages spoken at this desk. */
  languages: z.array(VisitorLanguage),
});
export type Desk = z.infer<typeof Desk>;

export const ServicesResponse = z.object({ hub: Hub, agencies: z.array(Agency), services: z.array(Service) });
export const DesksResponse = z.object({ desks: z.array(Desk) });
