import { z } from 'zod';
import { ClockTime, VisitorLanguage } from './common.js';

/** The lobby display's information between calls (issue 13 §3), in the hub's three languages. */
export const displayInfoItems = ['hours', 'agencies', 'phone'] as const;
export const DisplayInfoItem = z.enum(displayInfoItems);
export type DisplayInfoItem = z.infer<typeof DisplayInfoItem>;

const Line = z.string().trim().max(300, 'at most 300 characters');
/** What the coordinator writes for one item, per language; empty: the display's own words. */
export const DisplayInfoText = z.object({ fi: Line, sv: Line, en: Line }).strict();
export type DisplayInfoText = z.infer<typeof DisplayInfoText>;

export const DisplayInfoItemSettings = z.object({ enabled: z.boolean(), text: DisplayInfoText }).strict();

/** Stored as a hub setting; the admin pages send the whole object. */
export const DisplayInfoSettings = z
  .object({
    items: z.object({ hours: DisplayInfoItemSettings, agencies: DisplayInfoItemSettings, phone: DisplayInfoItemSettings }).strict(),
    /** How long each item stays before the next. */
    rotateSeconds: z.number().int().min(3).max(120),
    /** How long a call stays large before the information returns. */
    callSeconds: z.number().int().min(5).max(3600),
  })
  .strict();
export type DisplayInfoSettings = z.infer<typeof DisplayInfoSettings>;

const Text3 = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const Hours = z.object({ from: ClockTime, to: ClockTime });

/** What the display shows between calls, worked out by the server for today in the hub's time zone. */
export const DisplayInfo = z.object({
  date: z.string(),
  rotateSeconds: z.number().int(),
  callSeconds: z.number().int(),
  items: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('hours'), text: Text3, hours: z.array(Hours) }),
      z.object({
        kind: z.literal('agencies'),
        text: Text3,
        agencies: z.array(z.object({ id: z.number().int(), name: Text3, color: z.string(), hours: z.array(Hours) })),
        /** Services open today that are not there every weekday: neutral public labels only (rule 4). */
        popups: z.array(z.object({ id: z.number().int(), agencyId: z.number().int(), label: Text3, hours: z.array(Hours) })),
      }),
      z.object({ kind: z.literal('phone'), text: Text3 }),
    ]),
  ),
  /** Languages the server can render as audio when the display's browser has no voice. */
  serverVoices: z.array(VisitorLanguage),
});
export type DisplayInfo = z.infer<typeof DisplayInfo>;

/** How a display can say a language: its browser's own voice, audio from the server, or not at all. */
export const SpeechVia = z.enum(['browser', 'server', 'none']);
export type SpeechVia = z.infer<typeof SpeechVia>;

/** A display's report of what it can say, sent on start and whenever that changes. */
export const SpeechReport = z
  .object({
    voices: z.array(z.object({ lang: VisitorLanguage, via: SpeechVia }).strict()).max(20),
    /** The last phrase that could not be said at all, if any (the call was shown but silent). */
    lastSilent: z.object({ lang: VisitorLanguage, at: z.iso.datetime() }).strict().nullable().default(null),
  })
  .strict();
export type SpeechReport = z.infer<typeof SpeechReport>;

export const DisplaySpeechStatus = z.object({
  displays: z.array(
    z.object({
      deviceId: z.number().int(),
      name: z.string(),
      zone: z.string().nullable(),
      revoked: z.boolean(),
      reportedAt: z.string().nullable(),
      voices: SpeechReport.shape.voices,
      lastSilent: SpeechReport.shape.lastSilent,
    }),
  ),
});
export type DisplaySpeechStatus = z.infer<typeof DisplaySpeechStatus>;

export const SpeechAudioQuery = z
  .object({ lang: VisitorLanguage, text: z.string().trim().min(1).max(300) })
  .strict();

/** Until the coordinator changes them: every item on, the display's own words, 12 s each, a call stays a minute. */
export const defaultDisplayInfoSettings: DisplayInfoSettings = {
  items: {
    hours: { enabled: true, text: { fi: '', sv: '', en: '' } },
    agencies: { enabled: true, text: { fi: '', sv: '', en: '' } },
    phone: { enabled: true, text: { fi: '', sv: '', en: '' } },
  },
  rotateSeconds: 12,
  callSeconds: 60,
};
