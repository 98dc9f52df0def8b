import { defaultPresence, type DeviceRecord, type HubRecord, type Queries, type ServiceRecord } from '@luukku/db';
import {
  fallbackLanguage, isOpenAt, localMoment, pickText, PrinterSettings, type AbsentAgency, type KioskMenu, type LocalizedText, type VisitorLanguage,
} from '@luukku/shared';
import { hoursOn, nextVisit } from '../domain/presence.js';
import { publicLines } from './queues.js';

/** What a kiosk offers now, in the visitor's language: open services by agency, Guidance, the questions. */
export function kioskMenu(q: Queries, hub: HubRecord, device: DeviceRecord, lang: VisitorLanguage, now: Date): KioskMenu {
  // an untranslated text reads as on the hub's own signs, not in English (issue 13 §1)
  const fallback = fallbackLanguage(hub.languages);
  const text = (t: LocalizedText) => pickText(t, lang, fallback);
  const seq = q.lastSeq(hub.id);
  const open = q.services(hub.id).filter((s) => s.active && isOpenAt(s.schedule, now, hub.timeZone));
  const waits = new Map(publicLines(q, hub, now.getTime()).map((w) => [w.serviceId, w]));
  const item = (s: (typeof open)[number]) => ({
    id: s.id,
    label: text(s.publicLabel),
    prefix: s.prefix,
    waiting: waits.get(s.id)?.waiting ?? 0,
    estimateMin: waits.get(s.id)?.estimateMin ?? 0,
    appointmentOnly: s.appointmentOnly,
    bookingInfo: s.appointmentOnly && s.bookingInfo ? text(s.bookingInfo) : null,
  });
  const guidance = open.find((s) => s.isGuidance);
  const byCode = new Map(open.map((s) => [s.code, s]));
  const printer = PrinterSettings.safeParse(device.printer);
  return {
    seq,
    language: lang,
    languages: hub.kioskLanguages,
    printer: printer.success ? printer.data.kind : ('none' as const),
    timeZone: hub.timeZone,
    hubName: text(hub.name),
    guidance: guidance ? item(guidance) : null,
    agencies: q
      .agencies(hub.id)
      .filter((a) => !a.isGuidance)
      .map((a) => ({
        id: a.id,
        name: text(a.name),
        color: a.color,
        services: open.filter((s) => s.agencyId === a.id && !s.isGuidance).map(item),
      }))
      .filter((a) => a.services.length > 0),
    absent: absentAgencies(q, hub, now, text, guidance !== undefined),
    questions: q.kioskQuestions(hub.id).map((question) => ({
      id: question.id,
      icon: question.icon,
      label: text(question.label),
      // a suggestion of a service that is closed today is dropped, not offered
      suggests: question.suggests.flatMap((code) => {
        const s = byCode.get(code);
        return s ? [s.id] : [];
      }),
    })),
  };
}

/**
 * The agencies that have services but none with hours today (issue 12 §1), each with when it is
 * next here and what the visitor can do instead. An agency open earlier or later today is not
 * absent: it is in the hub today, just not now.
 */
function absentAgencies(
  q: Queries,
  hub: HubRecord,
  now: Date,
  text: (t: LocalizedText) => string,
  guidanceOpen: boolean,
): AbsentAgency[] {
  const today = localMoment(now, hub.timeZone).date;
  const byAgency = new Map<number, ServiceRecord[]>();
  for (const s of q.services(hub.id)) {
    if (s.active && !s.isGuidance) byAgency.set(s.agencyId, [...(byAgency.get(s.agencyId) ?? []), s]);
  }
  const presence = q.agencyPresence(hub.id);
  return q.agencies(hub.id).flatMap((a) => {
    const services = byAgency.get(a.id) ?? [];
    if (a.isGuidance || services.length === 0 || services.some((s) => hoursOn(s.schedule, today).length > 0)) return [];
    const p = presence.get(a.id) ?? defaultPresence(a.id);
    return [{
      id: a.id,
      name: text(a.name),
      color: a.color,
      nextVisit: nextVisit(services.map((s) => s.schedule), today),
      phone: p.phone,
      onlineUrl: p.onlineUrl,
      guidance: p.guidance && guidanceOpen,
      text: p.text ? text(p.text) : null,
    }];
  });
}
