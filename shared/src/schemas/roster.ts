import { z } from 'zod';
import { Id } from './common.js';

/** ISO weekdays (1 = Monday … 7 = Sunday), each once; null means any day. */
export const RosterWeekdays = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'weekdays: each day once')
  .nullable();

/** One hub of a person's roster (issue 12 §1: "Kela: Mäntsälä ti, Pornainen to"). */
export const RosterEntry = z.object({ hubId: Id, weekdays: RosterWeekdays });
export type RosterEntry = z.infer<typeof RosterEntry>;

/** The whole roster as the editor wants it; a hub admin's entries for hubs they cannot enter are kept as they were. */
export const RosterBody = z.object({
  hubs: z
    .array(RosterEntry)
    .max(100)
    .refine((hubs) => new Set(hubs.map((h) => h.hubId)).size === hubs.length, 'hubs: each hub once'),
});
export type RosterBody = z.infer<typeof RosterBody>;
