import type { AgencyRecord, HubRecord, Queries, ServiceRecord } from '@luukku/db';
import {
  DisplayInfoSettings, defaultDisplayInfoSettings, localMoment, weekdays,
  type DisplayInfo, type LocalizedText, type OpeningHours, type Schedule, type VisitorLanguage,
} from '@luukku/shared';

export const displayInfoKey = 'display.info';

/** The stored settings, or the defaults when never set (or stored by an older, different schema). */
export function displayInfoSettings(q: Queries, hubId: number): DisplayInfoSettings {
  const parsed = DisplayInfoSettings.safeParse(q.hubSetting(hubId, displayInfoKey));
  return parsed.success ? parsed.data : defaultDisplayInfoSettings;
}

type Hours = { from: string; to: string };

function hoursOn(schedule: Schedule, date: string, weekday: (typeof weekdays)[number]): OpeningHours[] {
  if (schedule.closed.includes(date)) return [];
  return schedule.dates.find((d) => d.date === date)?.hours ?? schedule.weekly[weekday] ?? [];
}

/** Overlapping or touching periods as one: 08–12 and 12–16 is 08–16. */
function merged(hours: readonly Hours[]): Hours[] {
  const out: Hours[] = [];
  for (const h of [...hours].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = out.at(-1);
    if (last && h.from <= last.to) last.to = h.to > last.to ? h.to : last.to;
    else out.push({ ...h });
  }
  return out;
}

/** A pop-up is here today by a one-off date, or is missing from some working day of the regular week. */
function isPopup(s: ServiceRecord, date: string): boolean {
  if (s.schedule.dates.some((d) => d.date === date)) return true;
  return (['mon', 'tue', 'wed', 'thu', 'fri'] as const).some((d) => (s.schedule.weekly[d] ?? []).length === 0);
}

const text3 = (t: LocalizedText) => ({ fi: t.fi, sv: t.sv || t.fi, en: t.en || t.fi });

/**
 * What the lobby display shows between calls today: the hub's hours (all its services' hours,
 * merged), the agencies here today with their hours, the pop-ups (by their neutral public
 * label, rule 4), and how to follow one's turn by phone. Disabled items are left out.
 */
export function displayInfoView(
  hub: HubRecord,
  agencies: readonly AgencyRecord[],
  services: readonly ServiceRecord[],
  settings: DisplayInfoSettings,
  now: Date,
  serverVoices: VisitorLanguage[],
): DisplayInfo {
  const { date, weekday } = localMoment(now, hub.timeZone);
  const today = services
    .filter((s) => s.active)
    .map((s) => ({ s, hours: merged(hoursOn(s.schedule, date, weekday)) }))
    .filter((x) => x.hours.length > 0);
  const items: DisplayInfo['items'] = [];
  const { hours, agencies: here, phone } = settings.items;
  if (hours.enabled) items.push({ kind: 'hours', text: hours.text, hours: merged(today.flatMap((x) => x.hours)) });
  if (here.enabled) {
    const open = today.filter((x) => !x.s.isGuidance);
    items.push({
      kind: 'agencies',
      text: here.text,
      agencies: agencies
        .filter((a) => !a.isGuidance)
        .flatMap((a) => {
          const own = open.filter((x) => x.s.agencyId === a.id && !isPopup(x.s, date));
          return own.length ? [{ id: a.id, name: text3(a.name), color: a.color, hours: merged(own.flatMap((x) => x.hours)) }] : [];
        }),
      popups: open
        .filter((x) => isPopup(x.s, date))
        .map((x) => ({ id: x.s.id, agencyId: x.s.agencyId, label: text3(x.s.publicLabel), hours: x.hours })),
    });
  }
  if (phone.enabled) items.push({ kind: 'phone', text: phone.text });
  return { date, rotateSeconds: settings.rotateSeconds, callSeconds: settings.callSeconds, items, serverVoices };
}
