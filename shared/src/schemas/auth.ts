import { z } from 'zod';
import { Id, LocalizedText, StaffLanguage, Zone } from './common.js';
import { PrinterSettings } from './printer.js';

/** A region admin manages every hub; an admin manages the hubs they are assigned to. */
export const Role = z.enum(['staff', 'guide', 'admin', 'region_admin']);
export type Role = z.infer<typeof Role>;
/** A feedback tablet by the exit; a booking system is an agency's API client for appointments. */
export const DeviceKind = z.enum(['kiosk', 'display', 'feedback', 'booking']);
export type DeviceKind = z.infer<typeof DeviceKind>;
/** The kinds with a screen that shows a pairing code (a booking system gets its token from an admin). */
export const PairableKind = z.enum(['kiosk', 'display', 'feedback']);
export type PairableKind = z.infer<typeof PairableKind>;

export const LoginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  agencyIds: z.array(Id),
  language: StaffLanguage,
});
export type User = z.infer<typeof User>;

export const Device = z.object({
  id: Id,
  kind: DeviceKind,
  name: z.string(),
  zone: z.string().nullable(),
  revoked: z.boolean(),
  lastSeenAt: z.string().nullable(),
  printer: PrinterSettings.nullable(),
  lastPrint: z.object({ at: z.string(), ok: z.boolean(), error: z.string().nullable() }).nullable(),
  /** A booking system's agency; null for other kinds. */
  agencyId: Id.nullable(),
});
export type Device = z.infer<typeof Device>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);
/** A hub the user may work in: rostered there today, and on which weekdays (null = any day). */
export const UserHub = z.object({
  id: Id,
  slug: z.string(),
  name: LocalizedText,
  today: z.boolean(),
  weekdays: z.array(IsoWeekday).nullable(),
});
export type UserHub = z.infer<typeof UserHub>;
export const SwitchHubBody = z.object({ hubId: Id }).strict();

export const Me = z.discriminatedUnion('kind', [
  /** hubId is the hub this session is in now; hubs are those the user may switch to. */
  z.object({ kind: z.literal('user'), hubId: Id, user: User, hubs: z.array(UserHub) }),
  z.object({ kind: z.literal('device'), hubId: Id, device: Device }),
]);
export type Me = z.infer<typeof Me>;

export const CreateDeviceBody = z
  .object({
    kind: DeviceKind,
    name: z.string().trim().min(1).max(100),
    zone: Zone.nullable().default(null),
    /** The agency whose appointments a booking system writes: required for `booking`, refused for the rest. */
    agencyId: Id.optional(),
  })
  .strict()
  .refine((b) => (b.kind === 'booking') === (b.agencyId !== undefined), {
    message: 'agencyId: required for a booking system, and only for one',
    path: ['agencyId'],
  });
export const CreatedDevice = z.object({ device: Device, token: z.string() });

export const CreateUserBody = z
  .object({
    username: z.string().trim().regex(/^[a-z0-9._-]{2,64}$/, 'username: 2–64 of a–z, 0–9, . _ -'),
    displayName: z.string().trim().min(1).max(100),
    password: z.string().min(8).max(200),
    role: Role,
    agencyIds: z.array(Id).max(20).default([]),
    language: StaffLanguage.default('fi'),
  })
  .strict();
