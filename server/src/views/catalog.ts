import type { AgencyRecord, DeskRecord, DeviceRecord, HubRecord, Queries, ServiceRecord, UserRecord } from '@luukku/db';
import { isOpenAt, PrinterSettings, type Agency, type Desk, type Device, type Hub, type Service, type User } from '@luukku/shared';
import { isoOrNull } from './time.js';

export const hubView = (h: HubRecord): Hub => ({
  id: h.id, slug: h.slug, name: h.name, timeZone: h.timeZone, languages: h.languages, kioskLanguages: h.kioskLanguages,
  referralPolicy: h.referralPolicy, targetWaitMin: h.targetWaitMin,
});

export const agencyView = (a: AgencyRecord): Agency => ({ id: a.id, code: a.code, name: a.name, color: a.color, isGuidance: a.isGuidance });

export const serviceView = (s: ServiceRecord, hub: HubRecord, now: Date): Service => ({
  id: s.id,
  agencyId: s.agencyId,
  code: s.code,
  name: s.name,
  publicLabel: s.publicLabel,
  prefix: s.prefix,
  isGuidance: s.isGuidance,
  targetWaitMin: s.targetWaitMin,
  schedule: s.schedule,
  active: s.active,
  openNow: isOpenAt(s.schedule, now, hub.timeZone),
  appointmentOnly: s.appointmentOnly,
  bookingInfo: s.bookingInfo,
});

export const deskView = (q: Queries, d: DeskRecord): Desk => ({
  id: d.id,
  name: d.name,
  zone: d.zone,
  status: d.status,
  userId: d.userId,
  serviceIds: d.serviceIds,
  currentStepId: q.activeStepOfDesk(d.id)?.id ?? null,
  accessible: d.accessible,
  languages: d.languages,
});

export const userView = (u: UserRecord): User => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, agencyIds: u.agencyIds, language: u.language,
});

export const deviceView = (d: DeviceRecord): Device => {
  const printer = PrinterSettings.safeParse(d.printer);
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    zone: d.zone,
    revoked: d.revokedAt !== null,
    lastSeenAt: isoOrNull(d.lastSeenAt),
    printer: printer.success ? printer.data : null,
    lastPrint: d.lastPrint ? { at: new Date(d.lastPrint.at).toISOString(), ok: d.lastPrint.ok, error: d.lastPrint.error } : null,
    agencyId: d.agencyId,
  };
};
