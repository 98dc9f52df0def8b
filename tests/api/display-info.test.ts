import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk } from './helpers.js';

const settings = {
  items: {
    hours: { enabled: true, text: { fi: 'Tervetuloa', sv: 'Välkommen', en: 'Welcome' } },
    agencies: { enabled: true, text: { fi: '', sv: '', en: '' } },
    phone: { enabled: false, text: { fi: 'Seuraa puhelimella', sv: 'Följ i telefonen', en: 'Follow on your phone' } },
  },
  rotateSeconds: 8,
  callSeconds: 30,
};

describe("the display's information between calls", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub(); // a Tuesday: the health counselling pop-up is here
  });
  afterAll(async () => {
    await hub.app.close();
  });

  it("tells the display today's hours, the agencies here today and the pop-ups, by neutral labels", async () => {
    const info = expectOk(await hub.call('GET', '/api/display/info', display));
    expect(info.items.map((i: any) => i.kind)).toEqual(['hours', 'agencies', 'phone']);
    expect(info.date).toBe('2026-11-24');
    expect(info.items[0].hours).toEqual([{ from: '00:00', to: '24:00' }]);
    const agencies = info.items[1];
    expect(agencies.agencies.map((a: any) => a.name.fi)).toContain('Kela');
    // the info desk is the hub's own, not an agency that visits
    expect(agencies.agencies.map((a: any) => a.name.fi)).not.toContain('Neuvonta');
    expect(agencies.popups).toHaveLength(1);
    expect(agencies.popups[0].agencyId).toBe(hub.ids.agency.kunta);
    expect(Object.keys(agencies.popups[0].label)).toEqual(['fi', 'sv', 'en']);
    expect(info.serverVoices).toEqual(expect.arrayContaining(['fi', 'sv', 'en']));
  });

  it('knows no pop-up on a day it is not there', async () => {
    hub.clock.set('2026-11-25T10:00:00+02:00'); // Wednesday
    try {
      const info = expectOk(await hub.call('GET', '/api/display/info', display));
      expect(info.items[1].popups).toEqual([]);
    } finally {
      hub.clock.set('2026-11-24T10:00:00+02:00');
    }
  });

  it('keeps kiosks out, and lets only admins change the settings', async () => {
    expectError(await hub.call('GET', '/api/display/info', kiosk), 403, 'FORBIDDEN');
    expectError(await hub.call('GET', '/api/display/info', null), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('PUT', '/api/admin/display-info', await as(hub, 'kela'), settings), 403, 'FORBIDDEN');
    expectError(await hub.call('PUT', '/api/admin/display-info', display, settings), 403, 'FORBIDDEN');
  });

  it("stores the coordinator's settings, and the display follows them with a catalog event", async () => {
    const admin = await as(hub, 'admin');
    const before = hub.app.q.lastSeq(1);
    expect(expectOk(await hub.call('PUT', '/api/admin/display-info', admin, settings))).toEqual(settings);
    expect(expectOk(await hub.call('GET', '/api/admin/display-info', admin))).toEqual(settings);
    expect(hub.app.q.eventsSince(1, before, 100).map((e) => e.type)).toEqual(['catalog']);
    const info = expectOk(await hub.call('GET', '/api/display/info', display));
    expect(info.items.map((i: any) => i.kind)).toEqual(['hours', 'agencies']);
    expect(info.items[0].text).toEqual(settings.items.hours.text);
    expect([info.rotateSeconds, info.callSeconds]).toEqual([8, 30]);
  });

  it('refuses bad settings with VALIDATION_FAILED and changes nothing', async () => {
    const admin = await as(hub, 'admin');
    const stored = expectOk(await hub.call('GET', '/api/admin/display-info', admin));
    const seq = hub.app.q.lastSeq(1);
    for (const bad of [
      { ...settings, rotateSeconds: 1 },
      { ...settings, callSeconds: 'soon' },
      { ...settings, items: { ...settings.items, phone: { enabled: 'yes', text: settings.items.phone.text } } },
      { ...settings, items: { ...settings.items, hours: { enabled: true, text: { fi: 'x'.repeat(301), sv: '', en: '' } } } },
      { ...settings, items: { ...settings.items, weather: { enabled: true, text: { fi: '', sv: '', en: '' } } } },
      { ...settings, items: { hours: settings.items.hours, agencies: settings.items.agencies } },
      { ...settings, extra: 1 },
    ]) {
      expectError(await hub.call('PUT', '/api/admin/display-info', admin, bad), 400, 'VALIDATION_FAILED');
    }
    expect(expectOk(await hub.call('GET', '/api/admin/display-info', admin))).toEqual(stored);
    expect(hub.app.q.lastSeq(1)).toBe(seq);
  });
});
