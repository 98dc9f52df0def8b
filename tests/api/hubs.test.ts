/**
 * Issue 12 §1 over the API: a region admin makes a hub from a template and enters it; admins set
 * their hubs side by side in one report. Hub admins and staff may do neither beyond their hubs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, key, type TestHub } from '../support/app.js';
import { as, expectError, expectOk } from './helpers.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

const body = (slug: string, templateHubId: number) => ({ slug, name: { fi: 'Ohkolan palvelupiste', sv: 'Ohkola servicepunkt' }, templateHubId });

describe('POST /api/admin/hubs: a hub from a template', () => {
  it("lets the region admin make one from Mäntsälä's catalogue, list it among their hubs and enter it", async () => {
    const h = (hub = await startHub());
    const alue = await as(h, 'alue');
    const mantsala = h.app.q.hubBySlug('mantsala')!.id;
    const made = expectOk(await h.call('POST', '/api/admin/hubs', alue, body('ohkola', mantsala)), 201);
    expect(made.hub).toMatchObject({ slug: 'ohkola', name: { fi: 'Ohkolan palvelupiste' } });
    expect(made.copied).toEqual({
      agencies: h.app.q.agencies(mantsala).length,
      services: h.app.q.services(mantsala).length,
      questions: h.app.q.kioskQuestions(mantsala).length,
    });
    const mine = expectOk(await h.call('GET', '/api/me', alue));
    expect(mine.hubs.map((x: { slug: string }) => x.slug)).toContain('ohkola');
    const entered = expectOk(await h.call('POST', '/api/auth/hub', alue, { hubId: made.hub.id }));
    expect(entered.hubId).toBe(made.hub.id);
    // the new hub's admin pages list the copied services, none of Mäntsälä's rows
    const services = expectOk(await h.call('GET', '/api/services', alue)).services as { id: number; code: string }[];
    expect(services.map((s) => s.code).sort()).toEqual(h.app.q.services(mantsala).map((s) => s.code).sort());
    expect(services.every((s) => h.app.q.services(mantsala).every((m) => m.id !== s.id))).toBe(true);
  });

  it('refuses hub admins and staff, a slug in use, an unknown template and a bad body, and makes nothing', async () => {
    const h = (hub = await startHub());
    const mantsala = h.app.q.hubBySlug('mantsala')!.id;
    const hubs = () => h.app.q.hubs().length;
    const before = hubs();
    expectError(await h.call('POST', '/api/admin/hubs', await as(h, 'admin'), body('ohkola', mantsala)), 403, 'FORBIDDEN');
    expectError(await h.call('POST', '/api/admin/hubs', await as(h, 'kela'), body('ohkola', mantsala)), 403, 'FORBIDDEN');
    expectError(await h.call('POST', '/api/admin/hubs', null, body('ohkola', mantsala)), 401, 'UNAUTHENTICATED');
    const alue = await as(h, 'alue');
    expectError(await h.call('POST', '/api/admin/hubs', alue, body('pornainen', mantsala)), 409, 'HUB_SLUG_TAKEN');
    expectError(await h.call('POST', '/api/admin/hubs', alue, body('ohkola', 999)), 404, 'HUB_NOT_FOUND');
    expectError(await h.call('POST', '/api/admin/hubs', alue, body('Ohkola!', mantsala)), 400, 'VALIDATION_FAILED');
    expectError(await h.call('POST', '/api/admin/hubs', alue, { ...body('ohkola', mantsala), name: { sv: 'ingen finska' } }), 400, 'VALIDATION_FAILED');
    expect(hubs()).toBe(before);
  });
});

describe('GET /api/reports/hubs: hubs side by side', () => {
  async function busyTuesday(h: TestHub) {
    const inMantsala = { token: 'demo-kiosk' };
    const inPornainen = { token: 'demo-kiosk-pornainen' };
    const kelaOf = (slug: string) => h.app.q.services(h.app.q.hubBySlug(slug)!.id).find((s) => s.code === 'kela')!.id;
    const take = async (who: { token: string }, serviceId: number) =>
      expectOk(await h.call('POST', '/api/visits', who, { services: [serviceId], language: 'fi', idempotencyKey: key() }), 201);
    for (let i = 0; i < 3; i++) await take(inMantsala, kelaOf('mantsala'));
    await take(inPornainen, kelaOf('pornainen'));
  }

  it("sets each hub's own figures beside the others', and Kela's line of each hub on one row", async () => {
    const h = (hub = await startHub());
    await busyTuesday(h);
    const report = expectOk(await h.call('GET', '/api/reports/hubs?day=2026-11-24', await as(h, 'alue')));
    expect(report.hubs.map((x: { slug: string; visits: number }) => [x.slug, x.visits])).toEqual([['mantsala', 3], ['pornainen', 1]]);
    const kela = report.services.find((s: { code: string }) => s.code === 'kela');
    expect(kela.hubs.map((x: { hubId: number } | null) => x?.hubId)).toEqual(report.hubs.map((x: { hubId: number }) => x.hubId));
    // a service only Mäntsälä has: no entry for Pornainen
    const police = report.services.find((s: { code: string }) => s.code === 'poliisi');
    expect(police.hubs[1]).toBeNull();
  });

  it("gives a hub admin their own hub only, refuses another's and refuses staff", async () => {
    const h = (hub = await startHub());
    await busyTuesday(h);
    const admin = await as(h, 'admin');
    const own = expectOk(await h.call('GET', '/api/reports/hubs?day=2026-11-24', admin));
    expect(own.hubs.map((x: { slug: string }) => x.slug)).toEqual(['mantsala']);
    const pornainen = h.app.q.hubBySlug('pornainen')!.id;
    expectError(await h.call('GET', `/api/reports/hubs?day=2026-11-24&hubs=${pornainen}`, admin), 403, 'HUB_NOT_ASSIGNED');
    expectError(await h.call('GET', '/api/reports/hubs?day=2026-11-24&hubs=999', admin), 404, 'HUB_NOT_FOUND');
    expectError(await h.call('GET', '/api/reports/hubs?day=2026-11-24', await as(h, 'kela')), 403, 'FORBIDDEN');
    expectError(await h.call('GET', '/api/reports/hubs', admin), 400, 'VALIDATION_FAILED');
  });
});
