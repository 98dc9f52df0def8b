import { z } from 'zod';
import { Id, LocalizedText } from './common.js';
import { CalendarDate, periodRule } from './reports.js';

const Count = z.number().int().nonnegative();
const Percent = z.number().min(0).max(100).nullable();
const Minutes = z.number().nullable();

/** Which hubs to set side by side (ids, comma-separated; default: every hub the reader may see) and when. */
export const HubsReportQuery = z
  .object({
    day: CalendarDate.optional(),
    week: CalendarDate.optional(),
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    hubs: z
      .string()
      .regex(/^\d{1,9}(,\d{1,9}){0,49}$/, 'hubs: at most 50 hub ids, separated by commas')
      .transform((s) => [...new Set(s.split(',').map(Number))])
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => periodRule(q, ctx));
export type HubsReportQuery = z.infer<typeof HubsReportQuery>;

/**
 * Issue 12 §1: hubs side by side for one period — each hub's own headline figures, and each
 * service (by its code, as a template-made hub shares them) with its waits in every hub. Every
 * figure is computed within its hub and never pooled across hubs, so it reads as that hub's
 * report does.
 */
export const HubsReport = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int().positive(),
  generatedAt: z.string(),
  hubs: z.array(
    z.object({
      hubId: Id,
      slug: z.string(),
      name: LocalizedText,
      visits: Count,
      /** Called from a line, and of those the share within the service's target (all services together). */
      called: Count,
      withinTargetPct: Percent,
      referrals: Count,
      referralsCompletedPct: Percent,
      /** "Sorted in one visit": how many answered, and the share of yes (null below the report's minimum of answers). */
      answered: Count,
      sortedPct: Percent,
    }),
  ),
  services: z.array(
    z.object({
      code: z.string(),
      name: LocalizedText,
      /** One entry per hub above, in the same order; null where that hub has no such service. */
      hubs: z.array(z.object({ hubId: Id, called: Count, medianMin: Minutes, withinTargetPct: Percent }).nullable()),
    }),
  ),
});
export type HubsReport = z.infer<typeof HubsReport>;

/** A region admin's new hub from a template (issue 12 §1). */
export const NewHubBody = z
  .object({
    /** The hub's short name in addresses and logs: a–z, 0–9 and -. */
    slug: z.string().regex(/^[a-z0-9-]{1,40}$/, 'slug: 1–40 of a–z, 0–9 and -'),
    name: LocalizedText,
    /** The hub whose settings, agencies, services and kiosk questions the new one starts with. */
    templateHubId: Id,
  })
  .strict();
export type NewHubBody = z.infer<typeof NewHubBody>;

export const NewHubResult = z.object({
  hub: z.object({ id: Id, slug: z.string(), name: LocalizedText }),
  copied: z.object({ agencies: Count, services: Count, questions: Count }),
});
export type NewHubResult = z.infer<typeof NewHubResult>;
