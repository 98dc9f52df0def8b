import { z } from 'zod';
import { ClockTime, IsoDate } from './common.js';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(weekdays);

export const OpeningHours = z
  .object({ from: ClockTime, to: ClockTime })
  .refine((h) => h.from < h.to, { message: '"from" must be before "to"' });
export type OpeningHours = z.infer<typeof OpeningHours>;

/**
 * When a service takes visitors. `weekly` is the regular week; a pop-up service simply has
 * hours on some days only (e.g. Tuesdays). `dates` adds one-off days (a pop-up day, a Saturday
 * event) and `closed` removes days (holidays). Times are the hub's local time.
 */
export const Schedule = z.object({
  weekly: z.partialRecord(Weekday, z.array(OpeningHours).max(4)).default({}),
  dates: z.array(z.object({ date: IsoDate, hours: z.array(OpeningHours).min(1).max(4) })).max(366).default([]),
  closed: z.array(IsoDate).max(366).default([]),
});
export type Schedule = z.infer<typeof Schedule>;
