import type { Queries } from '@luukku/db';
import { hashPassword, hashToken, productionLog2N } from '../auth/secrets.js';
import type { LocalizedText, Role, Schedule } from '@luukku/shared';
import { demoAgencies, demoDesks, demoDevices, demoHub, demoPassword, demoPopUp, demoPresence, demoQuestions, demoServices, demoSharedUsers, demoUsers } from './demo-hub.js';

const demoHashes = new Map<number, Promise<string>>();

/**
 * Seeds the demo hub into an empty database; does nothing if any hub exists. The demo users
 * share one hash of the public demo password (one scrypt per process and cost, not eight).
 */
export async function seedDemo(q: Queries, now: number, log2N = productionLog2N): Promise<boolean> {
  if (q.hubs().length > 0) return false;
  let demoHash = demoHashes.get(log2N);
  if (!demoHash) demoHashes.set(log2N, (demoHash = hashPassword(demoPassword, log2N)));
  const passwordHash = await demoHash;
  q.transaction(() => {
    if (q.hubs().length > 0) return;
    const main = seedHub(q, now, passwordHash, {
      hub: demoHub, agencies: demoAgencies, services: demoServices, desks: demoDesks,
      users: demoUsers, devices: demoDevices, questions: demoQuestions,
    });
    // the second hub after every row of the first, so the first hub's ids are what they always were
    const popUp = seedHub(q, now, passwordHash, demoPopUp);
    const hubs = { mantsala: main, pornainen: popUp };
    for (const u of demoSharedUsers) {
      const agencyIds = Object.values(hubs).flatMap((h) => u.agencies.flatMap((a) => h.agencyIds.get(a) ?? []));
      const id = q.insertUser({ hubId: main.hubId, username: u.username, displayName: u.displayName, passwordHash, role: u.role, language: 'fi', agencyIds }, now);
      for (const [slug, weekdays] of Object.entries(u.roster)) q.setRoster(id, { hubId: hubs[slug as keyof typeof hubs].hubId, weekdays: weekdays === null ? null : [...weekdays] });
    }
  });
  return true;
}

interface HubSeed {
  hub: Parameters<Queries['insertHub']>[0];
  agencies: readonly { code: string; name: LocalizedText; color: string; isGuidance: boolean }[];
  services: readonly {
    code: string; agency: string; prefix: string; isGuidance: boolean; schedule: Schedule; minutes: number;
    name: LocalizedText; label: LocalizedText; appointmentOnly?: boolean; bookingInfo?: LocalizedText;
  }[];
  desks: readonly { name: string; zone: string; accessible: boolean; languages: string[] }[];
  users: readonly { username: string; displayName: string; role: Role; agencies: readonly string[] }[];
  devices: readonly { token: string; kind: 'kiosk' | 'display' | 'feedback'; name: string; zone: string | null; printer: object | null }[];
  questions: readonly { icon: string; suggests: readonly string[]; label: LocalizedText }[];
}

/** One demo hub: its agencies, services, desks, own users, devices and kiosk questions. */
function seedHub(q: Queries, now: number, passwordHash: string, seed: HubSeed): { hubId: number; agencyIds: Map<string, number> } {
  const hubId = q.insertHub(seed.hub, now);
  const agencyIds = new Map<string, number>();
  seed.agencies.forEach((a, i) => agencyIds.set(a.code, q.insertAgency({ hubId, ...a, sortOrder: i })));
  seed.services.forEach((s, i) => {
    q.insertService({
      hubId,
      agencyId: agencyIds.get(s.agency)!,
      code: s.code,
      name: s.name,
      publicLabel: s.label,
      prefix: s.prefix,
      isGuidance: s.isGuidance,
      targetWaitMin: null,
      schedule: s.schedule,
      defaultServiceMin: s.minutes,
      sortOrder: i,
      appointmentOnly: s.appointmentOnly ?? false,
      bookingInfo: s.bookingInfo ?? null,
    });
  });
  seed.desks.forEach((d, i) => q.insertDesk({ hubId, ...d, sortOrder: i }));
  // what the kiosk offers on a day an agency is away: the same public services in every hub
  for (const { agency, ...p } of demoPresence) {
    const agencyId = agencyIds.get(agency);
    if (agencyId !== undefined) q.setAgencyPresence(hubId, { agencyId, ...p });
  }
  for (const u of seed.users) {
    q.insertUser(
      { hubId, username: u.username, displayName: u.displayName, passwordHash, role: u.role, language: 'fi', agencyIds: u.agencies.map((a) => agencyIds.get(a)!) },
      now,
    );
  }
  for (const d of seed.devices) q.insertDevice({ hubId, kind: d.kind, name: d.name, tokenHash: hashToken(d.token), zone: d.zone, printer: d.printer }, now);
  seed.questions.forEach((question, i) => q.insertKioskQuestion(hubId, { ...question, suggests: [...question.suggests] }, i));
  q.audit({ hubId, at: now, actorKind: 'system', actorId: null, action: 'demo.seed', subject: `hub:${hubId}`, detail: null });
  return { hubId, agencyIds };
}
