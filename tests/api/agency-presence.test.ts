/**
 * Issue 12 §1, agency presence: an agency that is not in the hub today is in the kiosk's menu
 * with when it is next here and what the visitor can do instead, as its admin set it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, expectError, expectOk } from './helpers.js';

const wednesday = '2026-11-25T10:00:00+02:00';
const tuesdayMorning = '2026-11-24T10:00:00+02:00';
const tuesdayAfternoon = '2026-11-24T15:00:00+02:00';
const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });

describe('an agency that is here on Tuesdays only', () => {
  let hub: TestHub;
  let vero: number;
  const presence = {
    phone: '029 497 000',
    onlineUrl: 'https://www.vero.fi/omavero',
    guidance: true,
    text: t('Verotoimisto on täällä tiistaisin.', 'Skattebyrån är här på tisdagar.', 'The tax office is here on Tuesdays.'),
  };
  const menu = async (lang = 'fi') => expectOk(await hub.call('GET', `/api/kiosk/menu?lang=${lang}`, kiosk));
  const stored = async () => expectOk(await hub.call('GET', '/api/admin/agency-presence', await as(hub, 'admin'))).presence;

  beforeAll(async () => {
    hub = await startHub({ now: wednesday });
    const admin = await as(hub, 'admin');
    vero = expectOk(await hub.call('POST', '/api/admin/agencies', admin, { code: 'vero', name: t('Verohallinto', 'Skatteförvaltningen', 'Tax Administration'), color: '#6d28d9' }), 201).id;
    // 9–12 on Tuesdays, but not on Tuesday 1 December (a training day)
    expectOk(await hub.call('POST', '/api/admin/services', admin, {
      agencyId: vero, code: 'vero', name: t('Verotus', 'Beskattning', 'Taxation'), publicLabel: t('Vero', 'Skatt', 'Tax'), prefix: 'X',
      schedule: { weekly: { tue: [{ from: '09:00', to: '12:00' }] }, dates: [], closed: ['2026-12-01'] },
    }), 201);
    expectOk(await hub.call('PUT', `/api/admin/agencies/${vero}/presence`, admin, presence));
  });
  afterAll(async () => {
    await hub.app.close();
  });

  it('is absent on a Wednesday: next here on the next open Tuesday with its hours, and its alternatives', async () => {
    hub.clock.set(wednesday);
    const m = await menu('sv');
    expect(m.agencies.map((a: any) => a.id)).not.toContain(vero);
    expect(m.absent).toEqual([
      {
        id: vero,
        name: 'Skatteförvaltningen',
        color: '#6d28d9',
        // Tuesday 1 December is closed: the next visit is the Tuesday after
        nextVisit: { date: '2026-12-08', weekday: 'tue', hours: [{ from: '09:00', to: '12:00' }] },
        phone: '029 497 000',
        onlineUrl: 'https://www.vero.fi/omavero',
        guidance: true,
        text: 'Skattebyrån är här på tisdagar.',
      },
    ]);
    // the demo's own agencies are here every day
    expect(m.absent.map((a: any) => a.id)).not.toContain(aid(hub, 'kela'));
  });

  it('is present on a Tuesday, and still counts as here on Tuesday afternoon after it has closed', async () => {
    hub.clock.set(tuesdayMorning);
    const morning = await menu();
    expect(morning.agencies.find((a: any) => a.id === vero)).toMatchObject({ name: 'Verohallinto', services: [expect.objectContaining({ label: 'Vero' })] });
    expect(morning.absent).toEqual([]);
    hub.clock.set(tuesdayAfternoon);
    const afternoon = await menu();
    expect(afternoon.agencies.map((a: any) => a.id)).not.toContain(vero);
    expect(afternoon.absent).toEqual([]);
    hub.clock.set(wednesday);
  });

  it('falls back to the Guidance desk alone for an agency that has set nothing', async () => {
    const admin = await as(hub, 'admin');
    const other = expectOk(await hub.call('POST', '/api/admin/agencies', admin, { code: 'ely', name: t('ELY-keskus', 'NTM-centralen', 'ELY Centre'), color: '#0f766e' }), 201).id;
    expectOk(await hub.call('POST', '/api/admin/services', admin, {
      agencyId: other, code: 'ely', name: t('ELY', 'NTM', 'ELY'), publicLabel: t('ELY', 'NTM', 'ELY'), prefix: 'Y',
      schedule: { weekly: {}, dates: [{ date: '2026-12-03', hours: [{ from: '12:00', to: '15:00' }] }], closed: [] },
    }), 201);
    const absent = (await menu('en')).absent.find((a: any) => a.id === other);
    expect(absent).toEqual({
      id: other, name: 'ELY Centre', color: '#0f766e',
      nextVisit: { date: '2026-12-03', weekday: 'thu', hours: [{ from: '12:00', to: '15:00' }] },
      phone: null, onlineUrl: null, guidance: true, text: null,
    });
    expect((await stored()).find((p: any) => p.agencyId === other)).toEqual({ agencyId: other, phone: null, onlineUrl: null, guidance: true, text: null });
  });

  it('refuses bad input to the admin route with a code and changes nothing', async () => {
    const admin = await as(hub, 'admin');
    const before = await stored();
    const put = (id: number, body: unknown, who = admin) => hub.call('PUT', `/api/admin/agencies/${id}/presence`, who, body);
    expectError(await put(vero, { ...presence, phone: 'call us!' }), 400, 'VALIDATION_FAILED');
    expectError(await put(vero, { ...presence, onlineUrl: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED');
    expectError(await put(vero, { ...presence, onlineUrl: 'vero.fi' }), 400, 'VALIDATION_FAILED');
    expectError(await put(vero, { ...presence, text: { sv: 'Ingen finska' } }), 400, 'VALIDATION_FAILED');
    expectError(await put(vero, { ...presence, guidance: 'yes' }), 400, 'VALIDATION_FAILED');
    expectError(await put(vero, { ...presence, extra: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await put(aid(hub, 'neuvonta'), presence), 400, 'VALIDATION_FAILED');
    expectError(await put(999_999, presence), 404, 'NOT_FOUND');
    expectError(await put(vero, presence, await as(hub, 'kela')), 403, 'FORBIDDEN');
    expect(await stored()).toEqual(before);
    expect((await menu()).absent.find((a: any) => a.id === vero)).toMatchObject({ phone: '029 497 000', onlineUrl: 'https://www.vero.fi/omavero' });
  });

  it('offers neither phone, address nor Guidance once the admin clears them', async () => {
    const admin = await as(hub, 'admin');
    expectOk(await hub.call('PUT', `/api/admin/agencies/${vero}/presence`, admin, { phone: null, onlineUrl: null, guidance: false, text: null }));
    expect((await menu()).absent.find((a: any) => a.id === vero)).toMatchObject({ phone: null, onlineUrl: null, guidance: false, text: null });
    expectOk(await hub.call('PUT', `/api/admin/agencies/${vero}/presence`, admin, presence));
  });
});

describe("the demo hub's agencies", () => {
  it('come with their public phone services and online addresses, and point to Guidance', async () => {
    const hub = await startHub({ now: wednesday });
    const presence = expectOk(await hub.call('GET', '/api/admin/agency-presence', await as(hub, 'admin'))).presence;
    const of = (code: string) => presence.find((p: any) => p.agencyId === aid(hub, code));
    expect(of('kela')).toMatchObject({ phone: '020 692 202', onlineUrl: 'https://www.kela.fi/asiointi', guidance: true });
    expect(of('kela').text.fi).toContain('verkossa');
    expect(of('poliisi')).toMatchObject({ onlineUrl: 'https://poliisi.fi/asiointi', guidance: true });
    expect(presence).toHaveLength(6);
    expect(presence.every((p: any) => p.guidance)).toBe(true);
    // every demo agency is here every day: nothing is absent until an admin changes a schedule
    expect(expectOk(await hub.call('GET', '/api/kiosk/menu', kiosk)).absent).toEqual([]);
    await hub.app.close();
  });
});
