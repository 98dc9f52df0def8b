/**
 * Seeding the bench's own database file directly with createQueries, before the server process
 * opens it. The seeding connection turns synchronous off for speed (a per-connection setting:
 * the server still opens the file with WAL + synchronous=FULL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createQueries, openDatabase, type Db, type Queries } from '@luukku/db';
import { localMoment, type LocalizedText, type Schedule, type VisitorLanguage } from '@luukku/shared';
import { seedDemo } from '../../../server/src/demo/seed.js';
import { hashToken } from '../../../server/src/auth/secrets.js';
import { openDesk } from '../../../server/src/commands/desks.js';
import { issueVisit } from '../../../server/src/commands/issue-visit.js';
import type { CommandContext } from '../../../server/src/commands/context.js';

export interface BenchDir {
  dir: string;
  databasePath: string;
  remove: () => void;
}

export function benchDir(name: string): BenchDir {
  const dir = mkdtempSync(join(tmpdir(), `luukku-bench-${name}-`));
  return { dir, databasePath: join(dir, 'luukku.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Seeder {
  db: Db;
  q: Queries;
  ctx: CommandContext;
  close: () => void;
}

export function openSeeder(databasePath: string): Seeder {
  const db = openDatabase(databasePath);
  db.pragma('synchronous = OFF');
  const q = createQueries(db);
  const ctx: CommandContext = { q, now: () => new Date(), publish: () => {}, newToken: () => randomBytes(16).toString('base64url') };
  return { db, q, ctx, close: () => db.close() };
}

/** Nobody logs in with this: sessions are inserted directly (a login costs one scrypt, ~50 ms). */
const noPassword = 'bench$no-login';
const t = (fi: string, en = fi): LocalizedText => ({ fi, en });
const always: Schedule = {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])),
  dates: [],
  closed: [],
};

/** A staff session for the user; returns the Cookie header value. */
export function session(q: Queries, userId: number): string {
  const token = randomBytes(24).toString('base64url');
  const now = Date.now();
  q.insertSession(hashToken(token), userId, now, now + 24 * 3600_000);
  return `luukku_session=${token}`;
}

export function addStaff(q: Queries, hubId: number, username: string, agencyIds: number[], role: 'staff' | 'guide' | 'admin' = 'staff'): number {
  return q.insertUser({ hubId, username, displayName: username, passwordHash: noPassword, role, language: 'fi', agencyIds }, Date.now());
}

export function addDevice(q: Queries, hubId: number, kind: 'kiosk' | 'display', token: string, zone: string | null = null): number {
  return q.insertDevice({ hubId, kind, name: `bench ${kind} ${token}`, tokenHash: hashToken(token), zone, printer: null }, Date.now());
}

export interface DemoSeed {
  hubId: number;
  /** The demo's always-open services (all but the Tuesday pop-up), by code. */
  services: Record<string, number>;
  agencies: Record<string, number>;
}

export async function seedDemoHub(s: Seeder): Promise<DemoSeed> {
  await seedDemo(s.q, Date.now());
  const hub = s.q.hubBySlug('mantsala')!;
  const services = Object.fromEntries(s.q.services(hub.id).filter((x) => x.code !== 'terveys').map((x) => [x.code, x.id]));
  const agencies = Object.fromEntries(s.q.agencies(hub.id).map((a) => [a.code, a.id]));
  return { hubId: hub.id, services, agencies };
}

export interface BenchDesk {
  deskId: number;
  userId: number;
  cookie: string;
  serviceIds: number[];
}

/** Desks with one staff member each, opened for the given services, with a session each. */
export function openDesks(s: Seeder, hubId: number, count: number, serviceIds: number[], agencyIds: number[], prefix: string, zone = 'a'): BenchDesk[] {
  const out: BenchDesk[] = [];
  s.q.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const deskId = s.q.insertDesk({ hubId, name: `${prefix}${i}`, zone, sortOrder: 100 + i });
      const userId = addStaff(s.q, hubId, `${prefix.toLowerCase()}-${hubId}-${i}`, agencyIds);
      openDesk(s.ctx, s.q.user(userId)!, deskId, serviceIds);
      out.push({ deskId, userId, cookie: session(s.q, userId), serviceIds });
    }
  });
  return out;
}

/** Issues visits straight through the issue command (one transaction for all), as a kiosk would. */
export function fillQueue(s: Seeder, hubId: number, deviceId: number, count: number, serviceIds: number[], language: VisitorLanguage = 'fi'): number[] {
  const device = s.q.device(deviceId)!;
  const ids: number[] = [];
  s.q.transaction(() => {
    for (let i = 0; i < count; i++) {
      const { visitId } = issueVisit(s.ctx, { kind: 'device', hubId, device }, {
        services: [serviceIds[i % serviceIds.length]!],
        language,
        needs: { interpreter: false, accessible: false, accompanied: false },
        idempotencyKey: `seed-${hubId}-${i}-${randomBytes(4).toString('hex')}`,
      });
      ids.push(visitId);
    }
  });
  return ids;
}

// --- a hub like Espoo's Iso Omena: 10 agencies and Guidance, 40 desks ---

export interface BusyAgency {
  code: string;
  name: string;
  prefix: string;
  /** Share of the visits that come straight to this agency (not through Guidance). */
  weight: number;
  desks: number;
  minutes: number;
}

/**
 * Ten agencies, modelled on (not copied from) the units of a large Finnish service hub, plus the
 * hub's own Guidance. Weights are shares of direct visits; desks add up to 40 with Guidance.
 */
export const busyAgencies: BusyAgency[] = [
  { code: 'kela', name: 'Kela', prefix: 'K', weight: 22, desks: 8, minutes: 12 },
  { code: 'asiointi', name: 'Espoon asiointipiste', prefix: 'E', weight: 15, desks: 5, minutes: 8 },
  { code: 'tyo', name: 'Työllisyyspalvelut', prefix: 'T', weight: 12, desks: 5, minutes: 15 },
  { code: 'poliisi', name: 'Poliisi: lupapalvelut', prefix: 'P', weight: 10, desks: 4, minutes: 10 },
  { code: 'vero', name: 'Verohallinto', prefix: 'V', weight: 8, desks: 3, minutes: 10 },
  { code: 'sosiaali', name: 'Sosiaalineuvonta', prefix: 'S', weight: 8, desks: 3, minutes: 20 },
  { code: 'maahanmuutto', name: 'Maahanmuuttajapalvelut', prefix: 'M', weight: 8, desks: 3, minutes: 20 },
  { code: 'dvv', name: 'Digi- ja väestötietovirasto', prefix: 'D', weight: 6, desks: 2, minutes: 10 },
  { code: 'asunnot', name: 'Espoon Asunnot', prefix: 'H', weight: 6, desks: 2, minutes: 12 },
  { code: 'ohjaamo', name: 'Ohjaamo', prefix: 'O', weight: 5, desks: 2, minutes: 20 },
];
export const guidanceDesks = 3;

export interface BusyHub {
  hubId: number;
  slug: string;
  kioskToken: string;
  displayToken: string;
  guidanceServiceId: number;
  /** Agency services in busyAgencies order. */
  serviceIds: number[];
  desks: (BenchDesk & { guidance: boolean })[];
}

export function seedBusyHub(s: Seeder, index: number): BusyHub {
  const { q } = s;
  const slug = `iso-omena-${index}`;
  let hub!: BusyHub;
  q.transaction(() => {
    const now = Date.now();
    const hubId = q.insertHub(
      { slug, name: t(`Iso Omenan palvelutori ${index}`), timeZone: 'Europe/Helsinki', languages: ['fi', 'sv', 'en'], referralPolicy: 'keep', targetWaitMin: 20 },
      now,
    );
    const guidanceAgency = q.insertAgency({ hubId, code: 'neuvonta', name: t('Neuvonta', 'Guidance'), color: '#4b5563', isGuidance: true, sortOrder: 0 });
    const guidanceServiceId = q.insertService({
      hubId, agencyId: guidanceAgency, code: 'neuvonta', name: t('Neuvonta', 'Guidance'), publicLabel: t('Neuvonta', 'Guidance'),
      prefix: 'A', isGuidance: true, targetWaitMin: null, schedule: always, defaultServiceMin: 5, sortOrder: 0,
    });
    const agencyIds: number[] = [];
    const serviceIds: number[] = [];
    busyAgencies.forEach((a, i) => {
      const agencyId = q.insertAgency({ hubId, code: a.code, name: t(a.name), color: '#0b6e8a', isGuidance: false, sortOrder: i + 1 });
      agencyIds.push(agencyId);
      serviceIds.push(
        q.insertService({
          hubId, agencyId, code: a.code, name: t(a.name), publicLabel: t(a.name), prefix: a.prefix, isGuidance: false,
          targetWaitMin: null, schedule: always, defaultServiceMin: a.minutes, sortOrder: i + 1,
        }),
      );
    });
    const kioskToken = `bench-kiosk-${slug}`;
    const displayToken = `bench-display-${slug}`;
    addDevice(q, hubId, 'kiosk', kioskToken);
    addDevice(q, hubId, 'display', displayToken);
    const desks: BusyHub['desks'] = [];
    let n = 0;
    const desk = (agencyId: number, serviceId: number, guidance: boolean) => {
      n++;
      const deskId = q.insertDesk({ hubId, name: String(n), zone: n <= 20 ? 'a' : 'b', sortOrder: n });
      const userId = addStaff(q, hubId, `${slug}-desk-${n}`, [agencyId], guidance ? 'guide' : 'staff');
      openDesk(s.ctx, q.user(userId)!, deskId, [serviceId]);
      desks.push({ deskId, userId, cookie: session(q, userId), serviceIds: [serviceId], guidance });
    };
    for (let i = 0; i < guidanceDesks; i++) desk(guidanceAgency, guidanceServiceId, true);
    busyAgencies.forEach((a, i) => {
      for (let k = 0; k < a.desks; k++) desk(agencyIds[i]!, serviceIds[i]!, false);
    });
    hub = { hubId, slug, kioskToken, displayToken, guidanceServiceId, serviceIds, desks };
  });
  return hub;
}

/** Waiting visits inserted row by row (no events, no estimates): a deep line in a fraction of a second. */
export function fillQueueFast(s: Seeder, hubId: number, serviceIds: number[], count: number): void {
  const hub = s.q.hub(hubId)!;
  const day = localMoment(new Date(), hub.timeZone).date;
  s.q.transaction(() => {
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const serviceId = serviceIds[i % serviceIds.length]!;
      const prefix = s.q.service(serviceId)!.prefix;
      const number = prefix + String(s.q.nextNumber(hubId, day, prefix)).padStart(3, '0');
      const visitId = s.q.insertVisit({
        hubId, day, number, token: randomBytes(16).toString('base64url'), language: 'fi',
        needs: { interpreter: false, accessible: false, accompanied: false }, deviceId: null, userId: null, arrivedAt: now,
      });
      s.q.insertStep({ hubId, visitId, serviceId, position: 1, status: 'waiting', queueTime: now, priority: 0, placement: null }, now);
    }
  });
}
