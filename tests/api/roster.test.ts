/**
 * Issue 12 §1: editing rosters — which hubs a person works in, on which weekdays, through
 * PUT /api/admin/users/:id/roster. A region admin sets any hubs; a hub admin only their own
 * hubs' entries, the rest kept; a person always keeps one hub.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk } from './helpers.js';
import { Clients, startRealtimeHub, type TestClient } from '../realtime/clients.js';

const monday = '2026-11-23T10:00:00+02:00';

let hub: TestHub | undefined;
let url = '';
const clients = new Clients(() => url);
afterEach(async () => {
  clients.closeAll();
  await hub?.app.close();
  hub = undefined;
});

function demo(h: TestHub) {
  const mantsala = h.app.q.hubBySlug('mantsala')!.id;
  const pornainen = h.app.q.hubBySlug('pornainen')!.id;
  const kierto = h.app.q.userByUsername('kela-kierto')!.id;
  const roster = () => h.app.q.roster(kierto);
  return { mantsala, pornainen, kierto, roster, url: `/api/admin/users/${kierto}/roster` };
}

const meHub = async (h: TestHub, username: string) => expectOk(await h.call('GET', '/api/me', { cookie: await h.login(username) })).hubId;

describe('PUT /api/admin/users/:id/roster', () => {
  it("lets the region admin move kela-kierto to Pornainen only; the next Monday login opens Pornainen, audited", async () => {
    const h = (hub = await startHub({ now: monday }));
    const d = demo(h);
    expect(await meHub(h, 'kela-kierto')).toBe(d.mantsala);
    const res = expectOk(await h.call('PUT', d.url, await as(h, 'alue'), { hubs: [{ hubId: d.pornainen, weekdays: null }] }));
    expect(res.hubs).toEqual([{ hubId: d.pornainen, weekdays: null }]);
    expect(d.roster()).toEqual([{ hubId: d.pornainen, weekdays: null }]);
    // the home hub moved with it, as Mäntsälä's entry is gone
    expect(h.app.q.user(d.kierto)!.hubId).toBe(d.pornainen);
    expect(await meHub(h, 'kela-kierto')).toBe(d.pornainen);
    expect(h.app.q.auditLog(d.mantsala, 5).find((a) => a.action === 'user.roster')).toMatchObject({ subject: `user:${d.kierto}` });
    const catalog = expectOk(await h.call('GET', '/api/admin/catalog', await as(h, 'admin-pornainen')));
    expect(catalog.users.find((u: { id: number }) => u.id === d.kierto).roster).toEqual([{ hubId: d.pornainen, weekdays: null }]);
  });

  it("keeps the Pornainen entry when Mäntsälä's hub admin edits, and lets them change the Mäntsälä days", async () => {
    const h = (hub = await startHub({ now: monday }));
    const d = demo(h);
    const admin = await as(h, 'admin');
    const pornainenBefore = d.roster().find((e) => e.hubId === d.pornainen);
    expect(pornainenBefore).toEqual({ hubId: d.pornainen, weekdays: [2, 4] });
    expectError(await h.call('PUT', d.url, admin, { hubs: [{ hubId: d.mantsala, weekdays: [1] }, { hubId: d.pornainen, weekdays: [2] }] }), 403, 'FORBIDDEN');
    expect(d.roster()).toEqual([{ hubId: d.mantsala, weekdays: [1, 3, 5] }, pornainenBefore]);
    // leaving Pornainen out of the body does not remove it
    const res = expectOk(await h.call('PUT', d.url, admin, { hubs: [{ hubId: d.mantsala, weekdays: [1, 3] }] }));
    expect(res.hubs).toEqual([{ hubId: d.mantsala, weekdays: [1, 3] }, pornainenBefore]);
    // removing their own hub leaves the person in Pornainen alone, home hub moved there
    expectOk(await h.call('PUT', d.url, admin, { hubs: [] }));
    expect(d.roster()).toEqual([pornainenBefore]);
    expect(h.app.q.user(d.kierto)!.hubId).toBe(d.pornainen);
  });

  it('refuses an empty roster, an unknown hub, bad weekdays and staff, and changes nothing', async () => {
    const h = (hub = await startHub({ now: monday }));
    const d = demo(h);
    const before = d.roster();
    const alue = await as(h, 'alue');
    expectError(await h.call('PUT', d.url, alue, { hubs: [] }), 400, 'ROSTER_EMPTY');
    expectError(await h.call('PUT', d.url, alue, { hubs: [{ hubId: 9999, weekdays: null }] }), 404, 'HUB_NOT_FOUND');
    for (const weekdays of [[0], [8], [1, 1], [], [1.5], ['ma']]) {
      expectError(await h.call('PUT', d.url, alue, { hubs: [{ hubId: d.mantsala, weekdays }] }), 400, 'VALIDATION_FAILED');
    }
    expectError(await h.call('PUT', d.url, alue, { hubs: [{ hubId: d.mantsala, weekdays: null }, { hubId: d.mantsala, weekdays: [1] }] }), 400, 'VALIDATION_FAILED');
    expectError(await h.call('PUT', d.url, await as(h, 'kela'), { hubs: [{ hubId: d.mantsala, weekdays: null }] }), 403, 'FORBIDDEN');
    expectError(await h.call('PUT', d.url, null, { hubs: [{ hubId: d.mantsala, weekdays: null }] }), 401, 'UNAUTHENTICATED');
    // a hub admin whose hub the person is not rostered to does not find them
    const kela = h.app.q.userByUsername('kela')!.id;
    expectError(await h.call('PUT', `/api/admin/users/${kela}/roster`, await as(h, 'admin-pornainen'), { hubs: [{ hubId: d.pornainen, weekdays: null }] }), 404, 'USER_NOT_FOUND');
    // a hub admin does not change a region admin's hubs
    const alueId = h.app.q.userByUsername('alue')!.id;
    expectError(await h.call('PUT', `/api/admin/users/${alueId}/roster`, await as(h, 'admin'), { hubs: [{ hubId: d.mantsala, weekdays: [1] }] }), 403, 'FORBIDDEN');
    expect(d.roster()).toEqual(before);
  });
});

/** Resolves when the server cuts the socket; rejects after `withinMs`. */
function cut(c: TestClient, withinMs = 1_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!c.socket.connected) return resolve();
    const timer = setTimeout(() => reject(new Error(`${c.name}: still connected after ${withinMs} ms`)), withinMs);
    c.socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('taken off a hub', () => {
  it("ends the person's session in that hub and cuts their sockets; their other hub still opens", async () => {
    // a Tuesday: kela-kierto's login opens Pornainen
    ({ hub, url } = await startRealtimeHub());
    const h = hub;
    const d = demo(h);
    const cookie = await h.login('kela-kierto');
    expect(expectOk(await h.call('GET', '/api/me', { cookie })).hubId).toBe(d.pornainen);
    const socket = await clients.staff(cookie, 'kela-kierto');
    const gone = cut(socket);
    expectOk(await h.call('PUT', d.url, await as(h, 'admin-pornainen'), { hubs: [] }));
    await gone;
    expectError(await h.call('GET', '/api/me', { cookie }), 401, 'UNAUTHENTICATED');
    expect(d.roster()).toEqual([{ hubId: d.mantsala, weekdays: [1, 3, 5] }]);
    expect(await meHub(h, 'kela-kierto')).toBe(d.mantsala);
  });

  it('closes the desk the person has open in a hub they are taken off, and returns the visitor they called to the line', async () => {
    // a Tuesday: kela-kierto works at the pop-up point
    const h = (hub = await startHub());
    const d = demo(h);
    const cookie = { cookie: await h.login('kela-kierto') };
    const q = h.app.q;
    const kela = q.services(d.pornainen).find((s) => s.code === 'kela')!.id;
    const desk = q.desks(d.pornainen).find((x) => x.name === '1')!.id;
    const visit = expectOk(await h.call('POST', '/api/visits', { token: 'demo-kiosk-pornainen' }, { services: [kela], language: 'fi', idempotencyKey: 'roster-desk-1' }), 201);
    expectOk(await h.call('POST', `/api/desks/${desk}/open`, cookie, { services: [kela] }));
    expect(expectOk(await h.call('POST', `/api/desks/${desk}/call-next`, cookie)).step.number).toBe(visit.number);

    expectOk(await h.call('PUT', d.url, await as(h, 'admin-pornainen'), { hubs: [] }));
    expect(q.desk(desk)!.status).toBe('closed');
    // the visitor is back in Pornainen's Kela line, at their place, held by no desk
    expect(q.stepsOfVisit(visit.visitId).map((x) => [x.status, x.deskId, x.userId])).toEqual([['waiting', null, null]]);
  });
});
