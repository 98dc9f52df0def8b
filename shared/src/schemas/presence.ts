import { z } from 'zod';
import { Id, IsoDate, LocalizedText } from './common.js';
import { OpeningHours, Weekday } from './schedule.js';

/** A public phone number as an agency prints it: digits, spaces, +, -, brackets. */
export const PresencePhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,28}[0-9]$/, 'phone: digits, spaces, +, - and brackets, e.g. 020 692 202');

/** The agency's online service: an absolute http(s) address (the kiosk shows it and its QR code). */
export const PresenceUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'onlineUrl: an http(s) address, e.g. https://www.kela.fi' }).max(300);

/**
 * What the kiosk offers in an agency's place on a day it is not in the hub (issue 12 §1): its
 * phone service, its online service, a Guidance ticket, and a short text of its own.
 */
export const AgencyPresenceBody = z
  .object({
    phone: PresencePhone.nullable(),
    onlineUrl: PresenceUrl.nullable(),
    guidance: z.boolean(),
    text: LocalizedText.nullable(),
  })
  .strict();
export type AgencyPresenceBody = z.infer<typeof AgencyPresenceBody>;

export const AgencyPresence = z.object({
  agencyId: Id,
  phone: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  guidance: z.boolean(),
  text: LocalizedText.nullable(),
});
export type AgencyPresence = z.infer<typeof AgencyPresence>;

export const AgencyPresenceList = z.object({ presence: z.array(AgencyPresence) });

/** The next local day the agency is here, with its hours that day (its services' hours merged). */
export const NextVisit = z.object({ date: IsoDate, weekday: Weekday, hours: z.array(OpeningHours) });
export type NextVisit = z.infer<typeof NextVisit>;

/** An agency with no service open today, as the kiosk menu shows it (texts in the menu's language). */
export const AbsentAgency = z.object({
  id: Id,
  name: z.string(),
  color: z.string(),
  /** null: no opening day within the days the kiosk looks ahead. */
  nextVisit: NextVisit.nullable(),
  phone: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  /** Whether to offer a Guidance ticket instead; false also when Guidance is closed now. */
  guidance: z.boolean(),
  text: z.string().nullable(),
});
export type AbsentAgency = z.infer<typeof AbsentAgency>;
