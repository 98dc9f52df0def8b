import { z } from 'zod';

/** Languages a visitor can choose at the kiosk; staff UIs use the first three. */
export const visitorLanguages = ['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa', 'fi-x-easy'] as const;
export const staffLanguages = ['fi', 'sv', 'en'] as const;

export const VisitorLanguage = z.enum(visitorLanguages);
export type VisitorLanguage = z.infer<typeof VisitorLanguage>;
export const StaffLanguage = z.enum(staffLanguages);
export type StaffLanguage = z.infer<typeof StaffLanguage>;

export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: Id });

/** Text per language. Finnish is required; a missing one falls back to the hub's first language (pickText). */
export const LocalizedText = z
  .object({ fi: z.string().min(1).max(200) })
  .catchall(z.string().max(200))
  .refine((t) => Object.keys(t).every((k) => (visitorLanguages as readonly string[]).includes(k)), {
    message: 'unknown language key',
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

export { fallbackLanguage, missingLanguages, pickText } from '../i18n/text.js';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM (24:00 = end of day)');
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected #RRGGBB');
export const Zone = z.string().regex(/^[a-z0-9-]{1,32}$/, 'zone: lowercase letters, digits, dashes');

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
