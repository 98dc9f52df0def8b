import { z } from 'zod';
import { Id, IsoDate, VisitorLanguage } from './common.js';
import { IdempotencyKey, IssuedVisit, Needs } from './visit.js';

/**
 * Appointments that flow into the line (issue 11 §1). An appointment holds no name and no
 * personal identity code: service, time, length, language, needs and a check-in code only.
 */
export const appointmentStatuses = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;
export const AppointmentStatus = z.enum(appointmentStatuses);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const AppointmentSource = z.enum(['api', 'import', 'console']);
export type AppointmentSource = z.infer<typeof AppointmentSource>;

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const checkInAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CheckInCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${checkInAlphabet}]{6}$`), 'code: the 6 letters and digits of the appointment confirmation');

/** The agency's own id of the booking: letters, digits and . _ : - (it is an id, never a name). */
export const BookingId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'bookingId: 1–100 of A–Z, a–z, 0–9, . _ : -');

export const AppointmentBody = z
  .object({
    /** Required from a booking system; staff booking a follow-up may leave it out (one is made). */
    bookingId: BookingId.optional(),
    serviceId: Id,
    /** ISO 8601 with an offset or Z, e.g. 2026-11-24T10:30:00+02:00. */
    startsAt: z.iso.datetime({ offset: true }),
    lengthMin: z.number().int().min(1).max(480).default(15),
    language: VisitorLanguage.optional(),
    needs: Needs.default({ interpreter: false, accessible: false, accompanied: false }),
    source: z.enum(['api', 'console']).optional(),
  })
  .strict();
export type AppointmentBody = z.infer<typeof AppointmentBody>;

export const Appointment = z.object({
  id: Id,
  agencyId: Id,
  serviceId: Id,
  bookingId: z.string(),
  startsAt: z.string(),
  lengthMin: z.number().int(),
  language: VisitorLanguage.nullable(),
  needs: Needs,
  code: z.string(),
  status: AppointmentStatus,
  source: AppointmentSource,
  /** The visit it became at check-in; null before. */
  visitId: Id.nullable(),
  /** The visit's number once checked in. */
  number: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;

/** What a POST answered: a new appointment (201), the same one again, or a move (200). */
export const AppointmentResult = z.object({
  change: z.enum(['created', 'unchanged', 'moved']),
  appointment: Appointment,
});
export type AppointmentResult = z.infer<typeof AppointmentResult>;

export const AppointmentsQuery = z.object({ day: IsoDate.optional() }).strict();
export const AppointmentsResponse = z.object({ day: IsoDate, appointments: z.array(Appointment) });
export type AppointmentsResponse = z.infer<typeof AppointmentsResponse>;

export const CheckInBody = z
  .object({ code: CheckInCode, language: VisitorLanguage.optional(), idempotencyKey: IdempotencyKey })
  .strict();
export type CheckInBody = z.infer<typeof CheckInBody>;

/** The ticket of a check-in: a visit like a walk-in's, and the appointment's time. */
export const CheckedIn = IssuedVisit.extend({
  appointment: z.object({
    id: Id,
    startsAt: z.string(),
    /** Past the hub's late limit: the visitor joined the line as a walk-in (the kiosk says so). */
    late: z.boolean(),
  }),
});
export type CheckedIn = z.infer<typeof CheckedIn>;

/** The hub's window around an appointment's time (hub setting `appointments`). */
export const AppointmentPolicy = z
  .object({
    /** How long before its time a checked-in appointment goes ahead of walk-ins. */
    earlyMin: z.number().int().min(0).max(120).default(10),
    /** How long after its time a check-in still counts as on time; later joins as a walk-in. */
    lateMin: z.number().int().min(0).max(120).default(10),
  })
  .strict();
export type AppointmentPolicy = z.infer<typeof AppointmentPolicy>;

/** An appointment's news for its agency's staff (never public). */
export const AppointmentData = z.object({
  change: z.enum(['created', 'moved', 'cancelled', 'checked_in']),
  appointment: Appointment,
});
export type AppointmentData = z.infer<typeof AppointmentData>;

/** The largest import file (characters): a few thousand bookings, far beyond a hub's day. */
export const importMaxChars = 1_000_000;

/** An import of a booking system's export (issue 11 §1): all rows or none. */
export const AppointmentImportBody = z
  .object({
    format: z.enum(['ics', 'csv']),
    /** For .ics events without X-LUUKKU-SERVICE (a CSV row names its service). */
    serviceId: Id.optional(),
    text: z.string().min(1).max(importMaxChars),
    /** Check and count without storing anything (the admin page's preview). */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type AppointmentImportBody = z.infer<typeof AppointmentImportBody>;

export const ImportChange = z.enum(['created', 'moved', 'cancelled', 'unchanged']);
export type ImportChange = z.infer<typeof ImportChange>;

export const AppointmentImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  moved: z.number().int(),
  cancelled: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(
    z.object({
      /** The file's line the row or event starts on. */
      line: z.number().int(),
      bookingId: z.string(),
      change: ImportChange,
      serviceId: Id,
      startsAt: z.string(),
      /** The check-in code to tell the visitor; null in a dry run for a booking not yet made. */
      code: z.string().nullable(),
    }),
  ),
});
export type AppointmentImportResult = z.infer<typeof AppointmentImportResult>;

/** One problem of a refused import (`IMPORT_INVALID` details: { problems }). */
export const ImportProblem = z.object({ line: z.number().int(), message: z.string(), code: z.string().optional() });
export type ImportProblem = z.infer<typeof ImportProblem>;
