import type { Queries } from '@luukku/db';
import { hashPassword, hashToken, productionLog2N } from '../auth/secrets.js';
import { demoAgencies, demoDesks, demoDevices, demoHub, demoPassword, demoQuestions, demoServices, demoUsers } from './demo-hub.js';
import { demoPresence } from './demo-hub.js';

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
    const hubId = q.insertHub(demoHub, now);
    const agencyIds = new Map<string, number>();
    demoAgencies.forEach((a, i) => agencyIds.set(a.code, q.insertAgency({ hubId, ...a, sortOrder: i })));
    demoServices.forEach((s, i) => {
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
        appointmentOnly: 'appointmentOnly' in s ? s.appointmentOnly : false,
        bookingInfo: 'bookingInfo' in s ? s.bookingInfo : null,
      });
    });
    demoDesks.forEach((d, i) => q.insertDesk({ hubId, ...d, sortOrder: i }));
    for (const { agency, ...p } of demoPresence) q.setAgencyPresence(hubId, { agencyId: agencyIds.get(agency)!, ...p });
    for (const u of demoUsers) {
      q.insertUser(
        {
          hubId,
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          role: u.role,
          language: 'fi',
          agencyIds: u.agencies.map((a) => agencyIds.get(a)!),
        },
        now,
      );
    }
    for (const d of demoDevices) q.insertDevice({ hubId, kind: d.kind, name: d.name, tokenHash: hashToken(d.token), zone: d.zone, printer: d.printer }, now);
    demoQuestions.forEach((question, i) => q.insertKioskQuestion(hubId, question, i));
    q.audit({ hubId, at: now, actorKind: 'system', actorId: null, action: 'demo.seed', subject: `hub:${hubId}`, detail: null });
  });
  return true;
}
