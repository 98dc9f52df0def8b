import { z } from 'zod';

/**
 * A staff member's own day at the hub (issue 13 §2, "my day"): counts of the steps this user
 * ended since the hub's local midnight. Only their own work, no visitor in it.
 */
export const MyDay = z.object({
  /** The hub's local day the counts are of (YYYY-MM-DD). */
  day: z.string(),
  /** Steps this user finished today. */
  served: z.number().int(),
  /** Mean minutes from start (or the call, when finished without starting) to finish; null before the first. */
  averageMin: z.number().nullable(),
  /** Steps this user referred on to another service today. */
  referred: z.number().int(),
});
export type MyDay = z.infer<typeof MyDay>;
