import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk } from './helpers.js';

const allDay = { from: '00:00', to: '24:00' };

describe('the hub coordinator changes the hub through the API', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub(); // a Tuesday, 2026-11-24
  });
  afterAll(async () => {
    await hub.app.close();
  });

  const catalogEvents = () => hub.app.q.eventsSince(1, 0, 10_000).filter((e) => e.type === 'catalog').length;
  const menu = async () => expectOk(await hub.call('GET', '/api/kiosk/menu?lang=fi', kiosk));

  it('keeps staff and strangers out of every admin route', async () => {
    const kela = await as(hub, 'kela');
    for (const [method, url, body] of [
      ['GET', '/api/admin/catalog', undefined],
      ['POST', '/api/admin/agencies', { code: 'x1', name: { fi: 'X' }, color: '#123456' }],
      ['PUT', '/api/admin/kiosk-questions', { questions: [{ icon: 'question', label: { fi: 'X' }, suggests: [] }] }],
      ['GET', '/api/admin/audit', undefined],
      ['POST', '/api/admin/devices/pair', { code: 'ABCDEF', name: 'x' }],
    ] as const) {
      expectError(await hub.call(method, url, kela, body), 403, 'FORBIDDEN');
      expectError(await hub.call(method, url, null, body), 401, 'UNAUTHENTICATED');
    }
  });

  it('adds a pop-up service for today that the kiosk offers at once, and says so to every screen', async () => {
    const admin = await as(hub, 'admin');
    const before = catalogEvents();
    const agency = expectOk(await hub.call('POST', '/api/admin/agencies', admin, { code: 'hyvinvointi', name: { fi: 'Hyvinvointialue', sv: 'Välfärdsområdet', en: 'Wellbeing county' }, color: '#0f766e' }), 201);
    const service = expectOk(
      await hub.call('POST', '/api/admin/services', admin, {
        agencyId: agency.id, code: 'rokotus', prefix: 'R',
        name: { fi: 'Influenssarokotus', sv: 'Influensavaccination', en: 'Flu vaccination' },
        publicLabel: { fi: 'Pop-up: rokotus', sv: 'Pop-up: vaccination', en: 'Pop-up: vaccination' },
        schedule: { weekly: {}, dates: [{ date: '2026-11-24', hours: [{ from: '09:00', to: '15:00' }] }], closed: [] },
      }),
      201,
    );
    expect(catalogEvents()).toBe(before + 2);
    const offered = (await menu()).agencies.flatMap((a: { services: { id: number; label: string }[] }) => a.services);
    expect(offered).toContainEqual(expect.objectContaining({ id: service.id, label: 'Pop-up: rokotus' }));
    const ticket = expectOk(await hub.call('POST', '/api/visits', kiosk, { services: [service.id], language: 'fi', idempotencyKey: 'popup-ticket-1' }), 201);
    expect(ticket.number).toBe('R001');

    // tomorrow it is not offered
    hub.clock.set('2026-11-25T10:00:00+02:00');
    expect((await menu()).agencies.flatMap((a: { services: { id: number }[] }) => a.services).map((s: { id: number }) => s.id)).not.toContain(service.id);
    hub.clock.set('2026-11-24T10:00:00+02:00');

    // switched off: gone from the kiosk
    const catalog = expectOk(await hub.call('GET', '/api/admin/catalog', admin));
    const current = catalog.services.find((s: { id: number }) => s.id === service.id);
    const { id: _id, code: _code, isGuidance: _g, openNow: _o, ...editable } = current;
    expectOk(await hub.call('PUT', `/api/admin/services/${service.id}`, admin, { ...editable, active: false }));
    expect((await menu()).agencies.flatMap((a: { services: { id: number }[] }) => a.services).map((s: { id: number }) => s.id)).not.toContain(service.id);
  });

  it('refuses bad hours, prefixes and duplicate codes with a clear 400, changing nothing', async () => {
    const admin = await as(hub, 'admin');
    const before = catalogEvents();
    const base = { agencyId: 2, code: 'kela-2', prefix: 'Q', name: { fi: 'Kela 2' }, publicLabel: { fi: 'Kela' }, schedule: { weekly: { mon: [allDay] } } };
    expectError(await hub.call('POST', '/api/admin/services', admin, { ...base, schedule: { weekly: { mon: [{ from: '15:00', to: '09:00' }] } } }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/admin/services', admin, { ...base, prefix: 'qq' }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/admin/services', admin, { ...base, code: 'kela' }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/admin/services', admin, { ...base, agencyId: 999 }), 404, 'NOT_FOUND');
    expectError(await hub.call('POST', '/api/admin/desks', admin, { name: '1', zone: 'a' }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/admin/desks', admin, { name: '7', zone: 'Not A Zone' }), 400, 'VALIDATION_FAILED');
    expect(catalogEvents()).toBe(before);
  });

  it('adds and renames desks and moves them between zones', async () => {
    const admin = await as(hub, 'admin');
    const desk = expectOk(await hub.call('POST', '/api/admin/desks', admin, { name: '7', zone: 'c' }), 201);
    expect(desk).toMatchObject({ name: '7', zone: 'c', status: 'closed' });
    expectOk(await hub.call('PUT', `/api/admin/desks/${desk.id}`, admin, { name: '7A', zone: 'b' }));
    const desks = expectOk(await hub.call('GET', '/api/desks', admin)).desks;
    expect(desks.find((d: { id: number }) => d.id === desk.id)).toMatchObject({ name: '7A', zone: 'b' });
  });

  it('changes an account, ends its sessions when deactivated, and resets a password', async () => {
    const admin = await as(hub, 'admin');
    const created = expectOk(await hub.call('POST', '/api/admin/users', admin, { username: 'sijainen', displayName: 'Sijainen', password: 'alkusalasana', role: 'staff', agencyIds: [2] }), 201);
    const session = { cookie: await hub.login('sijainen', 'alkusalasana') };
    // a name or language change leaves the session alone; new agencies end it (rule 8)
    expectOk(await hub.call('PUT', `/api/admin/users/${created.id}`, admin, { displayName: 'Sijainen', role: 'staff', agencyIds: [2], active: true, language: 'sv' }));
    expect(expectOk(await hub.call('GET', '/api/me', session)).user).toMatchObject({ agencyIds: [2], language: 'sv' });
    expectOk(await hub.call('PUT', `/api/admin/users/${created.id}`, admin, { displayName: 'Sijainen', role: 'staff', agencyIds: [2, 4], active: true, language: 'sv' }));
    expectError(await hub.call('GET', '/api/me', session), 401, 'UNAUTHENTICATED');
    const relogged = { cookie: await hub.login('sijainen', 'alkusalasana') };
    expect(expectOk(await hub.call('GET', '/api/me', relogged)).user).toMatchObject({ agencyIds: [2, 4], language: 'sv' });
    expectOk(await hub.call('POST', `/api/admin/users/${created.id}/password`, admin, { password: 'uusisalasana' }));
    expectError(await hub.call('GET', '/api/me', relogged), 401, 'UNAUTHENTICATED');
    await expect(hub.login('sijainen', 'alkusalasana')).rejects.toThrow(/401/);
    const again = { cookie: await hub.login('sijainen', 'uusisalasana') };
    expectOk(await hub.call('PUT', `/api/admin/users/${created.id}`, admin, { displayName: 'Sijainen', role: 'staff', agencyIds: [2], active: false, language: 'fi' }));
    expectError(await hub.call('GET', '/api/me', again), 401, 'UNAUTHENTICATED');
    const adminUser = expectOk(await hub.call('GET', '/api/me', admin)).user;
    expectError(await hub.call('PUT', `/api/admin/users/${adminUser.id}`, admin, { displayName: 'x', role: 'staff', agencyIds: [], active: true, language: 'fi' }), 400, 'VALIDATION_FAILED');
  });

  it('edits the "I don\'t know" questions, and the kiosk asks the new ones', async () => {
    const admin = await as(hub, 'admin');
    expectError(await hub.call('PUT', '/api/admin/kiosk-questions', admin, { questions: [{ icon: 'home', label: { fi: 'X' }, suggests: [1] }] }), 404, 'SERVICE_NOT_FOUND');
    expectOk(
      await hub.call('PUT', '/api/admin/kiosk-questions', admin, {
        questions: [
          { icon: 'home', label: { fi: 'Asunto', en: 'Housing' }, suggests: [4, 2] },
          { icon: 'question', label: { fi: 'Muu asia' }, suggests: [] },
        ],
      }),
    );
    const questions = (await hub.call('GET', '/api/kiosk/menu?lang=en', kiosk)).body.questions;
    expect(questions.map((q: { label: string; suggests: number[] }) => [q.label, q.suggests])).toEqual([
      ['Housing', [4, 2]],
      ['Muu asia', []],
    ]);
  });

  it('pairs a display by the code on its screen; the device picks up its token once', async () => {
    const admin = await as(hub, 'admin');
    const start = expectOk(await hub.call('POST', '/api/pairing', null, { kind: 'display' }), 201);
    expect(start.code).toMatch(/^[A-Z2-9]{6}$/);
    const pollWith = async (secret: string) => {
      const res = await hub.app.inject({ method: 'GET', url: `/api/pairing/${start.id}`, headers: { 'x-pairing-secret': secret } });
      return { status: res.statusCode, body: res.json() };
    };
    const poll = () => pollWith(start.secret);
    expect(expectOk(await poll())).toEqual({ status: 'waiting' });
    expectError(await pollWith('x'.repeat(20)), 404, 'NOT_FOUND');
    expectError(await hub.call('POST', '/api/admin/devices/pair', admin, { code: 'ZZZZZZ', name: 'Käytävän näyttö' }), 404, 'NOT_FOUND');
    const paired = expectOk(await hub.call('POST', '/api/admin/devices/pair', admin, { code: start.code.toLowerCase(), name: 'Käytävän näyttö', zone: 'b' }), 201);
    expect(paired.device).toMatchObject({ kind: 'display', name: 'Käytävän näyttö', zone: 'b' });
    const got = expectOk(await poll());
    expect(got).toMatchObject({ status: 'paired', zone: 'b' });
    const me = expectOk(await hub.call('GET', '/api/me', { token: got.token }));
    expect(me.device).toMatchObject({ kind: 'display', name: 'Käytävän näyttö' });
    expectError(await poll(), 404, 'NOT_FOUND');
  });

  it('writes who changed what and when', async () => {
    const admin = await as(hub, 'admin');
    const entries = expectOk(await hub.call('GET', '/api/admin/audit?limit=50', admin)).entries;
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['agency.create', 'service.create', 'service.update', 'desk.create', 'user.update', 'kiosk.questions', 'device.pair']));
    expect(entries.find((e: { action: string }) => e.action === 'service.create')).toMatchObject({ actor: 'admin', actorKind: 'user' });
  });
});
