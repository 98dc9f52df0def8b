/**
 * Many hubs in one install (issue 12 §1): numbers, lines, visits, events, devices and people of
 * one hub never reach another. The demo seeds two hubs with the same agency codes and ticket
 * letters: Mäntsälä (every day) and the Pornainen pop-up point (Tuesdays and Thursdays).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { key, startHub, type Identity, type TestHub } from '../support/app.js';
import { expectError, expectOk } from '../api/helpers.js';
import { Clients, listen } from '../realtime/clients.js';

const kioskA = { token: 'demo-kiosk' } as const;
const kioskB = { token: 'demo-kiosk-pornainen' } as const;
const displayB = { token: 'demo-display-pornainen' } as const;
/** Helsinki, 2026: Monday 23 Nov, Tuesday 24 Nov, Saturday 28 Nov. */
const monday = '2026-11-23T10:00:00+02:00';
const tuesday = '2026-11-24T10:00:00+02:00';
const saturday = '2026-11-28T10:00:00+02:00';

let hub: TestHub;
const clients = new Clients(() => url);
let url = '';
afterEach(async () => {
  clients.closeAll();
  await hub?.app.close();
});

/** Pornainen's service, agency and desk ids, as its own kiosk sees them. */
async function idsB(h: TestHub) {
  const services = expectOk(await h.call('GET', '/api/services', kioskB));
  const desks = expectOk(await h.call('GET', '/api/desks', kioskB));
  return {
    service: Object.fromEntries(services.services.map((s: any) => [s.code, s.id])) as Record<string, number>,
    agency: Object.fromEntries(services.agencies.map((a: any) => [a.code, a.id])) as Record<string, number>,
    desk: Object.fromEntries(desks.desks.map((d: any) => [d.name, d.id])) as Record<string, number>,
  };
}

async function issueAt(h: TestHub, kiosk: Identity, services: number[] | 'guidance') {
  const body = services === 'guidance' ? { guidance: true } : { services };
  return expectOk(await h.call('POST', '/api/visits', kiosk, { ...body, language: 'fi', idempotencyKey: key() }), 201);
}

async function login(h: TestHub, username: string) {
  const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
  expect(res.statusCode).toBe(200);
  const c = res.cookies.find((x) => x.name === 'luukku_session')!;
  return { cookie: `luukku_session=${c.value}`, me: res.json() };
}

describe('which hub a login opens', () => {
  it('opens the hub a rotating Kela worker is rostered to today, and lists their hubs with today first', async () => {
    hub = await startHub({ now: tuesday });
    const { me } = await login(hub, 'kela-kierto');
    const [mantsala, pornainen] = [hub.app.q.hubBySlug('mantsala')!, hub.app.q.hubBySlug('pornainen')!];
    expect(me.hubId).toBe(pornainen.id);
    expect(me.hubs.map((h: any) => [h.slug, h.today, h.weekdays])).toEqual([
      ['pornainen', true, [2, 4]],
      ['mantsala', false, [1, 3, 5]],
    ]);
    // their agencies are the Kela row of the hub they are in
    expect(me.user.agencyIds).toEqual([(await idsB(hub)).agency.kela]);

    hub.clock.set(monday);
    expect((await login(hub, 'kela-kierto')).me.hubId).toBe(mantsala.id);
    expect((await login(hub, 'kela-kierto')).me.user.agencyIds).toEqual([hub.ids.agency.kela]);
    // a day they are rostered nowhere: their home hub
    hub.clock.set(saturday);
    expect((await login(hub, 'kela-kierto')).me.hubId).toBe(mantsala.id);
  });

  it('keeps the original demo logins in Mäntsälä on a Pornainen day', async () => {
    hub = await startHub({ now: tuesday });
    const { me } = await login(hub, 'kela');
    expect(me.hubId).toBe(hub.app.q.hubBySlug('mantsala')!.id);
    expect(me.hubs.map((h: any) => h.slug)).toEqual(['mantsala']);
  });
});

describe('switching hubs', () => {
  it('refuses a switch to a hub the user is not assigned to (403 HUB_NOT_ASSIGNED)', async () => {
    hub = await startHub({ now: tuesday });
    const kela = await login(hub, 'kela');
    const pornainen = hub.app.q.hubBySlug('pornainen')!;
    expectError(await hub.call('POST', '/api/auth/hub', kela, { hubId: pornainen.id }), 403, 'HUB_NOT_ASSIGNED');
    expectError(await hub.call('POST', '/api/auth/hub', kela, { hubId: 9999 }), 404, 'HUB_NOT_FOUND');
    expect(expectOk(await hub.call('GET', '/api/me', kela)).hubId).toBe(hub.app.q.hubBySlug('mantsala')!.id);
    // a device is in its own hub for good
    expectError(await hub.call('POST', '/api/auth/hub', kioskA, { hubId: pornainen.id }), 403, 'FORBIDDEN');
  });

  it('lets a region admin switch to any hub and administer it there', async () => {
    hub = await startHub({ now: tuesday });
    const alue = await login(hub, 'alue');
    const pornainen = hub.app.q.hubBySlug('pornainen')!;
    expect(alue.me.hubs.map((h: any) => h.slug).sort()).toEqual(['mantsala', 'pornainen']);
    const me = expectOk(await hub.call('POST', '/api/auth/hub', alue, { hubId: pornainen.id }));
    expect(me.hubId).toBe(pornainen.id);
    const catalog = expectOk(await hub.call('GET', '/api/admin/catalog', alue));
    expect(catalog.agencies.map((a: any) => a.code).sort()).toEqual(['kela', 'neuvonta', 'tyo']);
    const users = expectOk(await hub.call('GET', '/api/admin/users', alue)).users.map((u: any) => u.username);
    expect(users).toContain('kela-kierto');
    expect(users).not.toContain('kela');
  });

  it('refuses a switch while the desk is open (409 DESK_STILL_OPEN), and cuts the sockets of a switch', async () => {
    hub = await startHub({ now: tuesday });
    url = await listen(hub);
    const b = await idsB(hub);
    const kierto = await login(hub, 'kela-kierto');
    const mantsala = hub.app.q.hubBySlug('mantsala')!;
    expectOk(await hub.call('POST', `/api/desks/${b.desk['1']}/open`, kierto, { services: [b.service.kela!] }));
    expectError(await hub.call('POST', '/api/auth/hub', kierto, { hubId: mantsala.id }), 409, 'DESK_STILL_OPEN');
    expectOk(await hub.call('POST', `/api/desks/${b.desk['1']}/close`, kierto));

    const socket = await clients.staff(kierto.cookie, 'kela-kierto');
    const gone = new Promise<void>((resolve) => socket.socket.once('disconnect', () => resolve()));
    expect(expectOk(await hub.call('POST', '/api/auth/hub', kierto, { hubId: mantsala.id })).hubId).toBe(mantsala.id);
    await gone;
    // in Mäntsälä now: Pornainen's desk is another hub's
    expectError(await hub.call('POST', `/api/desks/${b.desk['1']}/open`, kierto, { services: [b.service.kela!] }), 404, 'DESK_NOT_FOUND');
    expectOk(await hub.call('POST', `/api/desks/${hub.ids.desk['2']!}/open`, kierto, { services: [hub.ids.service.kela!] }));
  });
});

describe('numbers, lines and visits stay in their hub', () => {
  it('issues A001 in both hubs, and each kiosk sees only its own lines', async () => {
    hub = await startHub({ now: tuesday });
    const b = await idsB(hub);
    expect((await issueAt(hub, kioskA, 'guidance')).number).toBe('A001');
    expect((await issueAt(hub, kioskB, 'guidance')).number).toBe('A001');
    expect((await issueAt(hub, kioskB, [b.service.kela!])).number).toBe('K001');
    expect((await issueAt(hub, kioskA, [hub.ids.service.kela!])).number).toBe('K001');

    const linesA = expectOk(await hub.call('GET', '/api/queues', kioskA)).queues.map((l: any) => l.serviceId);
    const linesB = expectOk(await hub.call('GET', '/api/queues', kioskB)).queues.map((l: any) => l.serviceId);
    expect(linesA).not.toContain(b.service.kela);
    expect(linesB).not.toContain(hub.ids.service.kela);
    expect(linesB.sort()).toEqual(Object.values(b.service).sort());
  });

  it("keeps a device of Pornainen from reading or acting on Mäntsälä's visits, lines and services", async () => {
    hub = await startHub({ now: tuesday });
    const a = await issueAt(hub, kioskA, [hub.ids.service.kela!]);
    // issuing into another hub's line, reading or printing another hub's ticket
    expectError(await hub.call('POST', '/api/visits', kioskB, { services: [hub.ids.service.kela!], language: 'fi', idempotencyKey: key() }), 404, 'SERVICE_NOT_FOUND');
    expectError(await hub.call('GET', `/api/visits/${a.token}`, kioskB), 404, 'VISIT_NOT_FOUND');
    expectError(await hub.call('GET', `/api/visits/${a.token}`, displayB), 404, 'VISIT_NOT_FOUND');
    expectError(await hub.call('POST', '/api/kiosk/print', kioskB, { token: a.token }), 404, 'VISIT_NOT_FOUND');
    // the phone page (no credential but the token) still reads it
    expectOk(await hub.call('GET', `/api/visits/${a.token}`, null));

    const menuB = expectOk(await hub.call('GET', '/api/kiosk/menu?lang=fi', kioskB));
    expect(JSON.stringify(menuB)).not.toContain(`"id":${hub.ids.service.kela},`);
    const snapB = expectOk(await hub.call('GET', '/api/display/snapshot', displayB));
    expect(JSON.stringify(snapB)).not.toContain('K001');
    const info = expectOk(await hub.call('GET', '/api/display/info', displayB));
    expect(JSON.stringify(info)).not.toContain('Mäntsälä');
  });

  it("gives staff rostered only to Mäntsälä 404 on Pornainen's steps and desks, and a hub admin of Pornainen none of Mäntsälä's people", async () => {
    hub = await startHub({ now: tuesday });
    const b = await idsB(hub);
    const issued = await issueAt(hub, kioskB, [b.service.kela!]);
    const stepB = hub.app.q.stepsOfVisit(issued.visitId)[0]!.id;
    const kela = await login(hub, 'kela');
    const admin = await login(hub, 'admin');
    expectOk(await hub.call('POST', `/api/desks/${hub.ids.desk['1']!}/open`, kela, { services: [hub.ids.service.kela!] }));
    expectError(await hub.call('GET', `/api/steps/${stepB}`, kela), 404, 'STEP_NOT_FOUND');
    expectError(await hub.call('POST', `/api/steps/${stepB}/call`, kela, { deskId: hub.ids.desk['1']! }), 404, 'STEP_NOT_FOUND');
    expectError(await hub.call('GET', `/api/steps/${stepB}`, admin), 404, 'STEP_NOT_FOUND');
    expectError(await hub.call('POST', `/api/steps/${stepB}/cancel`, admin), 404, 'STEP_NOT_FOUND');
    expectError(await hub.call('POST', `/api/desks/${b.desk['1']}/open`, admin, { services: [b.service.kela!] }), 404, 'DESK_NOT_FOUND');
    expect(hub.app.q.step(stepB)!.status).toBe('waiting');

    const adminB = await login(hub, 'admin-pornainen');
    const kelaUser = hub.app.q.userByUsername('kela')!;
    const users = expectOk(await hub.call('GET', '/api/admin/users', adminB)).users.map((u: any) => u.username);
    expect(users).not.toContain('kela');
    expectError(
      await hub.call('PUT', `/api/admin/users/${kelaUser.id}`, adminB, { displayName: 'X', role: 'staff', agencyIds: [], active: false, language: 'fi' }),
      404,
      'USER_NOT_FOUND',
    );
    expectError(await hub.call('POST', `/api/admin/users/${kelaUser.id}/password`, adminB, { password: 'stolen-password-1' }), 404, 'USER_NOT_FOUND');
    // a hub admin cannot make a region admin
    expectError(
      await hub.call('POST', '/api/admin/users', adminB, { username: 'climber', displayName: 'C', password: 'climber-password-1', role: 'region_admin' }),
      403,
      'FORBIDDEN',
    );
    expect(hub.app.q.userByUsername('kela')!.active).toBe(true);
  });

  it("keeps a hub admin's agency edit of a shared worker to their own hub's agencies", async () => {
    hub = await startHub({ now: tuesday });
    const b = await idsB(hub);
    const adminB = await login(hub, 'admin-pornainen');
    const kierto = hub.app.q.userByUsername('kela-kierto')!;
    expectOk(await hub.call('PUT', `/api/admin/users/${kierto.id}`, adminB, { displayName: kierto.displayName, role: 'staff', agencyIds: [b.agency.tyo!], active: true, language: 'fi' }));
    expect(hub.app.q.user(kierto.id)!.agencyIds.sort()).toEqual([hub.ids.agency.kela, b.agency.tyo].sort());
  });
});

describe('events stay in their hub', () => {
  it("never sends a socket in Mäntsälä Pornainen's events, not even to the same user's other session", async () => {
    hub = await startHub({ now: tuesday });
    url = await listen(hub);
    const b = await idsB(hub);
    const mantsala = hub.app.q.hubBySlug('mantsala')!;
    // the rotating Kela worker: one session moved to Mäntsälä, the other in Pornainen (today's)
    const here = await login(hub, 'kela-kierto');
    expectOk(await hub.call('POST', '/api/auth/hub', here, { hubId: mantsala.id }));
    const there = await login(hub, 'kela-kierto');
    const admin = await login(hub, 'admin');
    const watchers = [
      await clients.staff(here.cookie, 'kela-kierto in Mäntsälä'),
      await clients.staff(admin.cookie, 'admin of Mäntsälä'),
      await clients.display(undefined, 'display of Mäntsälä'),
      await clients.connect('kiosk of Mäntsälä', { token: 'demo-kiosk' }),
    ];
    const displayOfB = await clients.connect('display of Pornainen', displayB);

    const issued = await issueAt(hub, kioskB, [b.service.kela!]);
    expectOk(await hub.call('POST', `/api/desks/${b.desk['1']}/open`, there, { services: [b.service.kela!] }));
    const called = expectOk(await hub.call('POST', `/api/desks/${b.desk['1']}/call-next`, there));
    expect(called.step.visitId).toBe(issued.visitId);
    await displayOfB.waitFor('call', (e) => e.data.number === 'K001');
    await Promise.all(watchers.map((c) => c.barrier()));

    for (const c of watchers) {
      expect(c.raw.filter((m) => JSON.stringify(m.payload).includes(`"visitId":${issued.visitId}`)), c.name).toEqual([]);
      expect(c.ofType('call'), c.name).toEqual([]);
      const ack = await c.sync({ since: 0 });
      expect('data' in ack && ack.data.events.some((e) => JSON.stringify(e).includes(`"visitId":${issued.visitId}`)), c.name).toBe(false);
    }
  });
});
