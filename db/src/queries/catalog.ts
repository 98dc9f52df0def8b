import type { Db } from '../open.js';
import type { AgencyRecord, HubRecord, KioskQuestionRecord, ServiceRecord } from '../records.js';

interface HubRow { id: number; slug: string; name: string; time_zone: string; languages: string; referral_policy: string; target_wait_min: number; visit_retention_days: number; last_seq: number }
interface AgencyRow { id: number; hub_id: number; code: string; name: string; color: string; is_guidance: number }
interface ServiceRow {
  id: number; hub_id: number; agency_id: number; code: string; name: string; public_label: string; prefix: string;
  is_guidance: number; target_wait_min: number | null; schedule: string; default_service_min: number; active: number;
}

const toHub = (r: HubRow): HubRecord => ({
  id: r.id,
  slug: r.slug,
  name: JSON.parse(r.name),
  timeZone: r.time_zone,
  languages: JSON.parse(r.languages),
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
});

export function catalogQueries(db: Db) {
  const hubById = db.prepare<[number], HubRow>(/* sql */ `SELECT * FROM hubs WHERE id = ?`);
  const hubBySlug = db.prepare<[string], HubRow>(/* sql */ `SELECT * FROM hubs WHERE slug = ?`);
  const allHubs = db.prepare<[], HubRow>(/* sql */ `SELECT * FROM hubs ORDER BY id`);
  const insertHub = db.prepare(/* sql */ `
    INSERT INTO hubs (slug, name, time_zone, languages, referral_policy, target_wait_min, created_at)
    VALUES (@slug, @name, @timeZone, @languages, @referralPolicy, @targetWaitMin, @now)`);
  const updateHubPolicy = db.prepare(/* sql */ `
    UPDATE hubs SET referral_policy = @referralPolicy, target_wait_min = @targetWaitMin WHERE id = @hubId`);
  const agencies = db.prepare<[number], AgencyRow>(/* sql */ `SELECT * FROM agencies WHERE hub_id = ? ORDER BY sort_order, id`);
  const insertAgency = db.prepare(/* sql */ `
    INSERT INTO agencies (hub_id, code, name, color, is_guidance, sort_order)
    VALUES (@hubId, @code, @name, @color, @isGuidance, @sortOrder)`);
  const services = db.prepare<[number], ServiceRow>(/* sql */ `SELECT * FROM services WHERE hub_id = ? ORDER BY sort_order, id`);
  const serviceById = db.prepare<[number], ServiceRow>(/* sql */ `SELECT * FROM services WHERE id = ?`);
  const insertService = db.prepare(/* sql */ `
    INSERT INTO services (hub_id, agency_id, code, name, public_label, prefix, is_guidance, target_wait_min, schedule, default_service_min, sort_order)
    VALUES (@hubId, @agencyId, @code, @name, @publicLabel, @prefix, @isGuidance, @targetWaitMin, @schedule, @defaultServiceMin, @sortOrder)`);
  const questions = db.prepare<[number], { id: number; icon: string; label: string; suggests: string }>(/* sql */ `
    SELECT id, icon, label, suggests FROM kiosk_questions WHERE hub_id = ? ORDER BY sort_order, id`);
  const insertQuestion = db.prepare(/* sql */ `
    INSERT INTO kiosk_questions (hub_id, icon, label, suggests, sort_order) VALUES (@hubId, @icon, @label, @suggests, @sortOrder)`);

  return {
    hub: (id: number): HubRecord | undefined => {
      const r = hubById.get(id);
      return r && toHub(r);
    },
    hubBySlug: (slug: string): HubRecord | undefined => {
      const r = hubBySlug.get(slug);
      return r && toHub(r);
    },
    hubs: (): HubRecord[] => allHubs.all().map(toHub),
    insertHub: (h: Omit<HubRecord, 'id' | 'lastSeq' | 'visitRetentionDays'>, now: number): number =>
      Number(insertHub.run({ ...h, name: JSON.stringify(h.name), languages: JSON.stringify(h.languages), now }).lastInsertRowid),
    updateHubPolicy: (hubId: number, referralPolicy: string, targetWaitMin: number): void => {
      updateHubPolicy.run({ hubId, referralPolicy, targetWaitMin });
    },
    agencies: (hubId: number): AgencyRecord[] => agencies.all(hubId).map(toAgency),
    insertAgency: (a: Omit<AgencyRecord, 'id'> & { sortOrder: number }): number =>
      Number(insertAgency.run({ ...a, name: JSON.stringify(a.name), isGuidance: a.isGuidance ? 1 : 0 }).lastInsertRowid),
    services: (hubId: number): ServiceRecord[] => services.all(hubId).map(toService),
    service: (id: number): ServiceRecord | undefined => {
      const r = serviceById.get(id);
      return r && toService(r);
    },
    insertService: (s: Omit<ServiceRecord, 'id' | 'active'> & { sortOrder: number }): number =>
      Number(
        insertService.run({
          ...s,
          name: JSON.stringify(s.name),
          publicLabel: JSON.stringify(s.publicLabel),
          schedule: JSON.stringify(s.schedule),
          isGuidance: s.isGuidance ? 1 : 0,
        }).lastInsertRowid,
      ),
    kioskQuestions: (hubId: number): KioskQuestionRecord[] =>
      questions.all(hubId).map((q) => ({ id: q.id, icon: q.icon, label: JSON.parse(q.label), suggests: JSON.parse(q.suggests) })),
    insertKioskQuestion: (hubId: number, q: Omit<KioskQuestionRecord, 'id'>, sortOrder: number): void => {
      insertQuestion.run({ hubId, icon: q.icon, label: JSON.stringify(q.label), suggests: JSON.stringify(q.suggests), sortOrder });
    },
  };
}
