import { z } from 'zod';
import { Id, VisitorLanguage } from './common.js';
import { AbsentAgency } from './presence.js';

export const KioskMenuQuery = z.object({ lang: VisitorLanguage.default('fi') }).strict();

const MenuService = z.object({
  id: Id,
  label: z.string(),
  prefix: z.string(),
  waiting: z.number().int(),
  estimateMin: z.number().int(),
  /** Served by appointment only: touching the tile shows `bookingInfo`, not a ticket. */
  appointmentOnly: z.boolean(),
  /** How to book, in the menu's language; null for walk-in services. */
  bookingInfo: z.string().nullable(),
});

/** What the kiosk offers now, in one language (missing translations fall back to the hub's first language). */
export const KioskMenu = z.object({
  /** The hub's event sequence this menu reflects. */
  seq: z.number().int(),
  language: VisitorLanguage,
  /** The languages this hub's kiosk offers (set by an admin; every kiosk language by default). */
  languages: z.array(VisitorLanguage),
  /** How this kiosk prints its tickets (configured per device by an admin). */
  printer: z.enum(['network', 'file', 'browser', 'none']),
  /** The hub's time zone (IANA): times on the kiosk's screen are the hub's, whatever the kiosk's own zone. */
  timeZone: z.string(),
  hubName: z.string(),
  guidance: MenuService.nullable(),
  agencies: z.array(z.object({ id: Id, name: z.string(), color: z.string(), services: z.array(MenuService) })),
  /** Agencies with no service open today: when each is next here and what to do instead (issue 12 §1). */
  absent: z.array(AbsentAgency),
  questions: z.array(
    z.object({
      id: Id,
      icon: z.string(),
      label: z.string(),
      /** Open services this answer suggests, in visiting order; empty means Guidance. */
      suggests: z.array(Id),
    }),
  ),
});
export type KioskMenu = z.infer<typeof KioskMenu>;
