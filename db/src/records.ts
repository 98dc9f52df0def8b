/**
 * Rows as the rest of the system sees them: camelCase, JSON parsed, booleans as booleans.
 * Times stay UTC milliseconds; the API turns them into ISO strings.
 */
import type { LocalizedText, Needs, ReferralPlacement, ReferralReason, Role, Schedule, StepStatus, VisitStatus, DeskStatus, DeviceKind, VisitorLanguage } from '@luukku/shared';

export type LocalizedTextRecord = LocalizedText;
export type ScheduleRecord = Schedule;

export interface HubRecord {
  id: number;
  slug: string;
  name: LocalizedText;
  timeZone: string;
  languages: string[];
  /** The languages the hub's kiosk offers; service names are asked for in these. */
  kioskLanguages: VisitorLanguage[];
  referralPolicy: ReferralPlacement;
  targetWaitMin: number;
  visitRetentionDays: number;
  lastSeq: number;
}

export interface AgencyRecord {
  id: number;
  hubId: number;
  code: string;
  name: LocalizedText;
  color: string;
  isGuidance: boolean;
}

export interface ServiceRecord {
  id: number;
  hubId: number;
  agencyId: number;
  code: string;
  name: LocalizedText;
  publicLabel: LocalizedText;
  prefix: string;
  isGuidance: boolean;
  targetWaitMin: number | null;
  schedule: Schedule;
  defaultServiceMin: number;
  active: boolean;
  /** No walk-in numbers: visitors book (bookingInfo says how) and check in. */
  appointmentOnly: boolean;
  bookingInfo: LocalizedText | null;
}

export interface DeskRecord {
  id: number;
  hubId: number;
  name: string;
  zone: string;
  status: DeskStatus;
  userId: number | null;
  serviceIds: number[];
  /** A visitor who asked for an accessible desk is called only to one. */
  accessible: boolean;
  /** Languages spoken at the desk (a soft fit: the console tells, nothing is refused). */
  languages: VisitorLanguage[];
}

export interface UserRecord {
  id: number;
  hubId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  language: 'fi' | 'sv' | 'en';
  active: boolean;
  agencyIds: number[];
  /** The hubs the user is assigned to (their roster); hubId is the home hub among them. */
  hubIds: number[];
}

/** One hub of a user's roster: ISO weekdays 1 (Monday) … 7, or null for any day. */
export interface RosterEntry {
  hubId: number;
  weekdays: number[] | null;
}

export interface DeviceRecord {
  id: number;
  hubId: number;
  kind: DeviceKind;
  name: string;
  zone: string | null;
  revokedAt: number | null;
  lastSeenAt: number | null;
  /** Parsed by the server with PrinterSettings; null = not set. */
  printer: unknown;
  lastPrint: { at: number; ok: boolean; error: string | null } | null;
  /** A booking system's agency (whose appointments it writes); null for other kinds. */
  agencyId: number | null;
}

export interface VisitRecord {
  id: number;
  hubId: number;
  day: string;
  number: string;
  token: string;
  /** Checked by the issuing schema: only the kiosk's languages are ever stored. */
  language: VisitorLanguage;
  needs: Needs;
  status: VisitStatus;
  arrivedAt: number;
  endedAt: number | null;
  /** The visit has answered the end-of-visit question (issue 11 §3). */
  feedbackGiven: boolean;
}

export interface StepRecord {
  id: number;
  hubId: number;
  visitId: number;
  serviceId: number;
  position: number;
  status: StepStatus;
  queueTime: number | null;
  priority: number;
  deskId: number | null;
  userId: number | null;
  createdAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
}

export interface ReferralRecord {
  id: number;
  hubId: number;
  visitId: number;
  fromStepId: number;
  toStepId: number;
  fromAgencyId: number;
  toAgencyId: number;
  reason: ReferralReason;
  placement: ReferralPlacement;
  note: string | null;
  noteDeletedAt: number | null;
  /** The one agency whose staff read the note (with its writer); null when there is no note. */
  noteForAgencyId: number | null;
  byUserId: number | null;
  createdAt: number;
}

export interface EventRecord {
  seq: number;
  type: string;
  zone: string | null;
  agencyIds: number[] | null;
  visitId: number | null;
  data: unknown;
  at: number;
}

export interface KioskQuestionRecord {
  id: number;
  icon: string;
  label: LocalizedText;
  suggests: string[];
}
