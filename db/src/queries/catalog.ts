import type { CatalogSnapshot, QueryCache } from '../cache.js';
import type { Db } from '../open.js';
import type { AgencyRecord, HubRecord, KioskQuestionRecord, ServiceRecord } from '../records.js';

interface HubRow { id: number; slug: string; name: string; time_zone: string; languages: string; kiosk_languages: string; referral_policy: string; target_wait_min: number; visit_retention_days: number; last_seq: number }
interface QuestionRow { id: number; hub_id: number; icon: string; label: string; suggests: string }
interface AgencyRow { id: number; hub_id: number; code: string; name: string; color: string; is_guidance: number }
interface ServiceRow {
  id: number; hub_id: number; agency_id: number; code: string; name: string; public_label: string; prefix: string;
  is_guidance: number; target_wait_min: number | null; schedule: string; default_service_min: number; active: number;
  appointment_only: number; booking_info: string | null;
}

const toHub = (r: HubRow): HubRecord => ({
  id: r.id,
  slug: r.slug,
  name: JSON.parse(r.name),
  timeZone: r.time_zone,
  languages: JSON.parse(r.languages),
  kioskLanguages: JSON.parse(r.kiosk_languages),
  referralPolicy: r.referral_policy as HubRecord['referralPolicy'],
  targetWaitMin: r.target_wait_min,
  visitRetentionDays: r.visit_retention_days,
  lastSeq: r.last_seq,
});

const toAgency = (r: AgencyRow): AgencyRecord => ({
  id: r.id, hubId: r.hub_id, code: r.code, name: JSON.parse(r.name), color: r.color, isGuidance: r.is_guidance === 1,
});

const toService = (r: ServiceRow): ServiceRecord => ({
  id: r.id,
  hubId: r.hub_id,
  agencyId: r.agency_id,
  code: r.code,
  name: JSON.parse(r.name),
  publicLabel: JSON.parse(r.public_label),
  prefix: r.prefix,
  isGuidance: r.is_guidance === 1,
  targetWaitMin: r.target_wait_min,
  schedule: JSON.parse(r.schedule),
  defaultServiceMin: r.default_service_min,
  active: r.active === 1,
  appointmentOnly: r.appointment_only === 1,
  bookingInfo: r.booking_info === null ? null : JSON.parse(r.booking_info),
});

const toQuestion = (q: QuestionRow): KioskQuestionRecord => ({ id: q.id, icon: q.icon, label: JSON.parse(q.label), suggests: JSON.parse(q.suggests) });

function byHub<T extends { hubId: number }>(items: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(item.hubId);
    if (list) list.push(item);
    else out.set(item.hubId, [item]);
  }
  return out;
}

/**
 * The catalogue is read on every command and most requests and changes only by an admin: it is
 * read whole into memory once (four statements), and any write to it drops the snapshot so the
 * next read, in the same transaction or after it, sees the change. Records are frozen: they are
 * shared by every caller.
 */
export function catalogQueries(db: Db, cache: QueryCache) {
  const loadHubs = db.prepare<[], HubRow>(/* sql */ `SELECT * FROM hubs ORDER BY id`);
  const loadAgencies = db.prepare<[], AgencyRow>(/* sql */ `SELECT * FROM agencies ORDER BY hub_id, sort_order, id`);
  const loadServices = db.prepare<[], ServiceRow>(/* sql */ `SELECT * FROM services ORDER BY hub_id, sort_order, id`);
  const loadQuestions = db.prepare<[], QuestionRow>(/* sql */ `
    SELECT id, hub_id, icon, label, suggests FROM kiosk_questions ORDER BY hub_id, sort_order, id`);
  const load = (): CatalogSnapshot => {
    const hubs = loadHubs.all().map((r) => Object.freeze(toHub(r)));
    const services = loadServices.all().map((r) => Object.freeze(toService(r)));
    const questions = loadQuestions.all().map((r) => ({ hubId: r.hub_id, q: Object.freeze(toQuestion(r)) }));
    const questionsByHub = new Map<number, KioskQuestionRecord[]>();
    for (const { hubId, q } of questions) questionsByHub.set(hubId, [...(questionsByHub.get(hubId) ?? []), q]);
    return {
      hubs,
      hubById: new Map(hubs.map((h) => [h.id, h])),
      hubBySlug: new Map(hubs.map((h) => [h.slug, h])),
      agencies: byHub(loadAgencies.all().map((r) => Object.freeze(toAgency(r)))),
      services: byHub(services),
      serviceById: new Map(services.map((sv) => [sv.id, sv])),
      questions: questionsByHub,
    };
  };
  const catalog = (): CatalogSnapshot => {
    cache.fresh();
    return (cache.catalog ??= load());
  };
  /** A write to the catalogue: the snapshot is rebuilt on the next read. */
  const changed = <T>(result: T): T => {
    cache.catalog = null;
    return result;
  };

  const insertHub = db.prepare(/* sql */ `
    INSERT INTO hubs (slug, name, time_zone, languages, referral_policy, target_wait_min, created_at)
    VALUES (@slug, @name, @timeZone, @languages, @referralPolicy, @targetWaitMin, @now)`);
  const updateHubPolicy = db.prepare(/* sql */ `
    UPDATE hubs SET referral_policy = @referralPolicy, target_wait_min = @targetWaitMin WHERE id = @hubId`);
  const updateKioskLanguages = db.prepare(/* sql */ `
    UPDATE hubs SET kiosk_languages = @kioskLanguages WHERE id = @hubId`);
  const insertAgency = db.prepare(/* sql */ `
    INSERT INTO agencies (hub_id, code, name, color, is_guidance, sort_order)
    VALUES (@hubId, @code, @name, @color, @isGuidance, @sortOrder)`);
  const insertService = db.prepare(/* sql */ `
    INSERT INTO services (hub_id, agency_id, code, name, public_label, prefix, is_guidance, target_wait_min, schedule, default_service_min, sort_order,
      appointment_only, booking_info)
    VALUES (@hubId, @agencyId, @code, @name, @publicLabel, @prefix, @isGuidance, @targetWaitMin, @schedule, @defaultServiceMin, @sortOrder,
      @appointmentOnly, @bookingInfo)`);
  const insertQuestion = db.prepare(/* sql */ `
    INSERT INTO kiosk_questions (hub_id, icon, label, suggests, sort_order) VALUES (@hubId, @icon, @label, @suggests, @sortOrder)`);

  return {
    hub: (id: number): HubRecord | undefined => catalog().hubById.get(id),
    hubBySlug: (slug: string): HubRecord | undefined => catalog().hubBySlug.get(slug),
    hubs: (): HubRecord[] => [...catalog().hubs],
    /** A new hub's kiosk offers every language (the column's default) until an admin narrows it. */
    insertHub: (h: Omit<HubRecord, 'id' | 'lastSeq' | 'visitRetentionDays' | 'kioskLanguages'>, now: number): number =>
      changed(Number(insertHub.run({ ...h, name: JSON.stringify(h.name), languages: JSON.stringify(h.languages), now }).lastInsertRowid)),
    updateHubPolicy: (hubId: number, referralPolicy: string, targetWaitMin: number): void => {
      changed(updateHubPolicy.run({ hubId, referralPolicy, targetWaitMin }));
    },
    setKioskLanguages: (hubId: number, languages: readonly string[]): void => {
      changed(updateKioskLanguages.run({ hubId, kioskLanguages: JSON.stringify(languages) }));
    },
    agencies: (hubId: number): AgencyRecord[] => [...(catalog().agencies.get(hubId) ?? [])],
    insertAgency: (a: Omit<AgencyRecord, 'id'> & { sortOrder: number }): number =>
      changed(Number(insertAgency.run({ ...a, name: JSON.stringify(a.name), isGuidance: a.isGuidance ? 1 : 0 }).lastInsertRowid)),
    services: (hubId: number): ServiceRecord[] => [...(catalog().services.get(hubId) ?? [])],
    service: (id: number): ServiceRecord | undefined => catalog().serviceById.get(id),
    /** Drops the catalogue snapshot: after a change written other than through these queries. */
    catalogChanged: (): void => {
      changed(undefined);
    },
    /** The hub's sequence moved (its events were appended): the snapshot's hub follows. */
    hubSeqMoved: (hubId: number, lastSeq: number): void => {
      const c = cache.catalog;
      const hub = c?.hubById.get(hubId);
      if (!c || !hub) return;
      const moved = Object.freeze({ ...hub, lastSeq });
      c.hubById.set(hubId, moved);
      c.hubBySlug.set(hub.slug, moved);
      c.hubs = c.hubs.map((h) => (h.id === hubId ? moved : h));
    },
    /** Walk-in by default: appointment-only services say so, with how to book. */
    insertService: (s: Omit<ServiceRecord, 'id' | 'active' | 'appointmentOnly' | 'bookingInfo'> & Partial<Pick<ServiceRecord, 'appointmentOnly' | 'bookingInfo'>> & { sortOrder: number }): number =>
      changed(Number(
        insertService.run({
          ...s,
          name: JSON.stringify(s.name),
          publicLabel: JSON.stringify(s.publicLabel),
          schedule: JSON.stringify(s.schedule),
          isGuidance: s.isGuidance ? 1 : 0,
          appointmentOnly: s.appointmentOnly ? 1 : 0,
          bookingInfo: s.bookingInfo ? JSON.stringify(s.bookingInfo) : null,
        }).lastInsertRowid,
      )),
    kioskQuestions: (hubId: number): KioskQuestionRecord[] => [...(catalog().questions.get(hubId) ?? [])],
    insertKioskQuestion: (hubId: number, q: Omit<KioskQuestionRecord, 'id'>, sortOrder: number): void => {
      changed(insertQuestion.run({ hubId, icon: q.icon, label: JSON.stringify(q.label), suggests: JSON.stringify(q.suggests), sortOrder }));
    },
  };
}
