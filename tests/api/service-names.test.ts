import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, expectError, expectOk, sid } from './helpers.js';

const allKioskLanguages = ['fi', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa', 'fi-x-easy'];

const menu = async (hub: TestHub, lang: string) => expectOk(await hub.call('GET', `/api/kiosk/menu?lang=${lang}`, kiosk));
const labelIn = (m: any, agency: number) => m.agencies.find((a: any) => a.id === agency).services[0].label;

async function editService(hub: TestHub, code: string, change: (s: any) => Record<string, unknown>) {
  const admin = await as(hub, 'admin');
  const catalog = expectOk(await hub.call('GET', '/api/admin/catalog', admin));
  const s = catalog.services.find((x: any) => x.code === code);
  const body = {
    agencyId: s.agencyId, name: s.name, publicLabel: s.publicLabel, prefix: s.prefix, targetWaitMin: s.targetWaitMin,
    schedule: s.schedule, defaultServiceMin: s.defaultServiceMin, active: s.active, ...change(s),
  };
  return hub.call('PUT', `/api/admin/services/${s.id}`, admin, body);
}

describe('service names in the languages of the kiosk', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.app.close();
  });

  it("shows a Ukrainian kiosk the Finnish name of a service without a Ukrainian one, and the Ukrainian one once it is set", async () => {
    const before = await menu(hub, 'uk');
    expect(labelIn(before, aid(hub, 'poliisi'))).toBe('Poliisi');
    expect(before.agencies.find((a: any) => a.id === aid(hub, 'tyo')).name).toBe('Työllisyyspalvelut');

    expectOk(await editService(hub, 'poliisi', (s) => ({ publicLabel: { ...s.publicLabel, uk: 'Поліція' }, name: { ...s.name, uk: 'Поліція: паспорти та ID-картки' } })));

    const after = await menu(hub, 'uk');
    expect(labelIn(after, aid(hub, 'poliisi'))).toBe('Поліція');
    expect(labelIn(await menu(hub, 'fi'), aid(hub, 'poliisi'))).toBe('Poliisi');
    const catalog = expectOk(await hub.call('GET', '/api/services', kiosk));
    expect(catalog.services.find((s: any) => s.id === sid(hub, 'poliisi')).name.uk).toBe('Поліція: паспорти та ID-картки');
  });

  it('falls back to the Finnish text in Easy Finnish and in a language the hub has not translated', async () => {
    expect(labelIn(await menu(hub, 'fi-x-easy'), aid(hub, 'kela'))).toBe('Kela');
    expect(labelIn(await menu(hub, 'so'), aid(hub, 'asunnot'))).toBe('Vuokra-asunnot');
    expect((await menu(hub, 'ar')).guidance.label).toBe('Neuvonta');
  });

  it('offers every kiosk language by default, and the admin narrows the list', async () => {
    const admin = await as(hub, 'admin');
    expect(expectOk(await hub.call('GET', '/api/admin/catalog', admin)).hub.kioskLanguages).toEqual(allKioskLanguages);
    expect((await menu(hub, 'fi')).languages).toEqual(allKioskLanguages);

    const hubAfter = expectOk(await hub.call('PUT', '/api/admin/hub/policy', admin, { referralPolicy: 'keep', targetWaitMin: 15, kioskLanguages: ['fi', 'sv', 'en', 'uk', 'ar'] }));
    expect(hubAfter.kioskLanguages).toEqual(['fi', 'sv', 'en', 'uk', 'ar']);
    expect((await menu(hub, 'fi')).languages).toEqual(['fi', 'sv', 'en', 'uk', 'ar']);
    // a policy change that does not name the languages leaves them as they were
    expectOk(await hub.call('PUT', '/api/admin/hub/policy', admin, { referralPolicy: 'back', targetWaitMin: 20 }));
    expect(expectOk(await hub.call('GET', '/api/admin/catalog', admin)).hub.kioskLanguages).toEqual(['fi', 'sv', 'en', 'uk', 'ar']);
  });

  it('refuses a kiosk language list that is empty, names an unknown language or leaves out Finnish', async () => {
    const admin = await as(hub, 'admin');
    for (const kioskLanguages of [[], ['fi', 'klingon'], ['sv', 'en']]) {
      expectError(await hub.call('PUT', '/api/admin/hub/policy', admin, { referralPolicy: 'keep', targetWaitMin: 15, kioskLanguages }), 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a service name in a language the kiosk does not know', async () => {
    expectError(await editService(hub, 'kela', (s) => ({ name: { ...s.name, de: 'Kela' } })), 400, 'VALIDATION_FAILED');
  });
});
