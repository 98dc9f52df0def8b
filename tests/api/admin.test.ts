import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { display, key, kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, expectError, expectOk, issue, me, sid, type Staff } from './helpers.js';

let hub: TestHub;
let admin: Staff;
beforeEach(async () => {
  hub = await startHub();
  admin = await as(hub, 'admin');
});
afterEach(async () => {
  await hub.app.close();
});

const devices = async () => expectOk(await hub.call('GET', '/api/admin/devices', admin)).devices;
const users = async () => expectOk(await hub.call('GET', '/api/admin/users', admin)).users;

describe('devices', () => {
  it('lists the paired kiosk, display and feedback tablet without their tokens', async () => {
    const list = await devices();
    expect(list.map((d: any) => [d.kind, d.name, d.revoked])).toEqual([
      ['kiosk', 'Aulan kioski', false],
      ['display', 'Aulan näyttö', false],
      ['feedback', 'Palautetabletti ulko-ovella', false],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/demo-kiosk|demo-display|demo-feedback|token/i);
  });

  it('creates a display; its token is shown once and works as a bearer token', async () => {
    const res = await hub.call('POST', '/api/admin/devices', admin, { kind: 'display', name: 'Zone B screen', zone: 'b' });
    const created = expectOk(res, 201);
    expect(created.device).toMatchObject({ kind: 'display', name: 'Zone B screen', zone: 'b', revoked: false });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    const token = { token: created.token as string };
    expect(await me(hub, token)).toMatchObject({ kind: 'device', device: { id: created.device.id, kind: 'display', zone: 'b' } });
    expect(expectOk(await hub.call('GET', '/api/queues', token)).queues).toHaveLength(9);
    // the list shows the device, never the token again
    const list = await devices();
    expect(list.map((d: any) => d.id)).toContain(created.device.id);
    expect(JSON.stringify(list)).not.toContain(created.token);
    // a display cannot issue numbers
    expectError(await hub.call('POST', '/api/visits', token, { services: [sid(hub, 'kela')], language: 'fi', idempotencyKey: key() }), 403, 'FORBIDDEN');
  });

  it('creates a kiosk that can show the menu and issue numbers', async () => {
    const created = expectOk(await hub.call('POST', '/api/admin/devices', admin, { kind: 'kiosk', name: 'Second kiosk' }), 201);
    expect(created.device.zone).toBeNull();
    const token = { token: created.token as string };
    expectOk(await hub.call('GET', '/api/kiosk/menu?lang=fi', token));
    expect((await issue(hub, ['kela'], { by: token })).number).toBe('K001');
  });

  it('gives every new device its own token', async () => {
    const a = expectOk(await hub.call('POST', '/api/admin/devices', admin, { kind: 'display', name: 'A' }), 201);
    const b = expectOk(await hub.call('POST', '/api/admin/devices', admin, { kind: 'display', name: 'A' }), 201);
    expect(a.token).not.toBe(b.token);
    expect(a.device.id).not.toBe(b.device.id);
  });

  it('revokes a device: its token stops working at once (401)', async () => {
    const created = expectOk(await hub.call('POST', '/api/admin/devices', admin, { kind: 'display', name: 'Old screen' }), 201);
    const revoked = expectOk(await hub.call('POST', `/api/admin/devices/${created.device.id}/revoke`, admin));
    expect(revoked).toMatchObject({ id: created.device.id, revoked: true });
    expectError(await hub.call('GET', '/api/me', { token: created.token }), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/queues', { token: created.token }), 401, 'UNAUTHENTICATED');
    expect((await devices()).find((d: any) => d.id === created.device.id).revoked).toBe(true);
    // the others go on working
    expect((await me(hub, display)).kind).toBe('device');
  });

  it('revokes the demo kiosk, which then cannot issue', async () => {
    const kioskId = (await me(hub, kiosk)).device.id;
    expectOk(await hub.call('POST', `/api/admin/devices/${kioskId}/revoke`, admin));
    expectError(await hub.call('POST', '/api/visits', kiosk, { services: [sid(hub, 'kela')], language: 'fi', idempotencyKey: key() }), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/kiosk/menu', kiosk), 401, 'UNAUTHENTICATED');
  });

  it('answers 404 DEVICE_NOT_FOUND for an unknown device and 400 for a bad id', async () => {
    expectError(await hub.call('POST', '/api/admin/devices/9999/revoke', admin), 404, 'DEVICE_NOT_FOUND');
    expectError(await hub.call('POST', '/api/admin/devices/x/revoke', admin), 400, 'VALIDATION_FAILED');
  });

  it('refuses bad device requests (400 VALIDATION_FAILED) and creates nothing', async () => {
    const before = await devices();
    for (const body of [
      { kind: 'printer', name: 'P' },
      { kind: 'display' },
      { kind: 'display', name: '   ' },
      { kind: 'display', name: 'x'.repeat(101) },
      { kind: 'display', name: 'Screen', zone: 'Zone B' },
      { kind: 'display', name: 'Screen', token: 'my-own-token' },
    ]) {
      expectError(await hub.call('POST', '/api/admin/devices', admin, body), 400, 'VALIDATION_FAILED');
    }
    expect(await devices()).toEqual(before);
  });
});

describe('users', () => {
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: 'kela2',
    displayName: 'Kela, second desk',
    password: 'long-enough-password',
    role: 'staff',
    agencyIds: [aid(hub, 'kela')],
    ...over,
  });

  it('lists the demo staff without password hashes', async () => {
    const list = await users();
    // Mäntsälä's people: its own staff, and those of the demo's second hub rostered here too (issue 12 §1)
    expect(list.map((u: any) => u.username).sort()).toEqual(['admin', 'alue', 'asunnot', 'kela', 'kela-kierto', 'kunta', 'neuvonta', 'ohjaamo', 'poliisi', 'tyo', 'tyo-kierto']);
    expect(JSON.stringify(list)).not.toMatch(/password|scrypt/i);
  });

  it('creates a staff account that can log in and serve its agency', async () => {
    const created = expectOk(await hub.call('POST', '/api/admin/users', admin, newUser({ language: 'sv' })), 201);
    expect(JSON.stringify(created)).not.toMatch(/password|scrypt/i);
    expect(created).toMatchObject({
      id: expect.any(Number),
      username: 'kela2',
      displayName: 'Kela, second desk',
      role: 'staff',
      agencyIds: [aid(hub, 'kela')],
      language: 'sv',
    });
    const cookie = await hub.login('kela2', 'long-enough-password');
    const desk = expectOk(await hub.call('POST', `/api/desks/${hub.ids.desk['3']}/open`, { cookie }, { services: [sid(hub, 'kela')] }));
    expect(desk.userId).toBe(created.id);
    expectError(await hub.call('POST', `/api/desks/${hub.ids.desk['3']}/open`, { cookie }, { services: [sid(hub, 'tyo')] }), 403, 'FORBIDDEN');
    expect((await users()).map((u: any) => u.username)).toContain('kela2');
  });

  it('refuses a username that is taken (409 USERNAME_TAKEN)', async () => {
    expectOk(await hub.call('POST', '/api/admin/users', admin, newUser()), 201);
    expectError(await hub.call('POST', '/api/admin/users', admin, newUser({ displayName: 'Someone else' })), 409, 'USERNAME_TAKEN');
    expectError(await hub.call('POST', '/api/admin/users', admin, newUser({ username: 'kela' })), 409, 'USERNAME_TAKEN');
    expect((await users()).filter((u: any) => u.username === 'kela2')).toHaveLength(1);
    // the first password still logs in
    expect(await hub.login('kela2', 'long-enough-password')).toMatch(/^luukku_session=/);
  });

  it('refuses a short password (400 VALIDATION_FAILED) and creates nothing', async () => {
    const before = await users();
    expectError(await hub.call('POST', '/api/admin/users', admin, newUser({ password: 'short' })), 400, 'VALIDATION_FAILED');
    expect(await users()).toEqual(before);
  });

  it('refuses other bad user requests (400 VALIDATION_FAILED)', async () => {
    const before = await users();
    for (const over of [
      { username: 'Kela Two' },
      { username: 'k' },
      { role: 'superuser' },
      { displayName: '' },
      { agencyIds: ['kela'] },
      { language: 'de' },
      { passwordHash: 'scrypt$1$2$3$x$y' },
    ]) {
      expectError(await hub.call('POST', '/api/admin/users', admin, newUser(over)), 400, 'VALIDATION_FAILED');
    }
    expect(await users()).toEqual(before);
  });

  it('refuses an unknown agency (404 NOT_FOUND)', async () => {
    expectError(await hub.call('POST', '/api/admin/users', admin, newUser({ agencyIds: [9999] })), 404, 'NOT_FOUND');
    expect((await users()).map((u: any) => u.username)).not.toContain('kela2');
  });
});

describe('hub policy', () => {
  it('changes the referral policy and target wait', async () => {
    const res = expectOk(await hub.call('PUT', '/api/admin/hub/policy', admin, { referralPolicy: 'front', targetWaitMin: 20 }));
    expect(res).toMatchObject({ slug: 'mantsala', referralPolicy: 'front', targetWaitMin: 20, timeZone: 'Europe/Helsinki' });
    expect(expectOk(await hub.call('GET', '/api/services', kiosk)).hub).toMatchObject({ referralPolicy: 'front', targetWaitMin: 20 });
  });

  it('refuses a bad policy (400 VALIDATION_FAILED) and keeps the old one', async () => {
    for (const body of [
      { referralPolicy: 'random', targetWaitMin: 15 },
      { referralPolicy: 'back' },
      { referralPolicy: 'back', targetWaitMin: 0 },
      { referralPolicy: 'back', targetWaitMin: 241 },
      { referralPolicy: 'back', targetWaitMin: 12.5 },
      { referralPolicy: 'back', targetWaitMin: 15, timeZone: 'UTC' },
    ]) {
      expectError(await hub.call('PUT', '/api/admin/hub/policy', admin, body), 400, 'VALIDATION_FAILED');
    }
    expect(expectOk(await hub.call('GET', '/api/services', kiosk)).hub).toMatchObject({ referralPolicy: 'keep', targetWaitMin: 15 });
  });
});

describe('who may administer', () => {
  const routes: [string, string, unknown][] = [
    ['GET', '/api/admin/devices', undefined],
    ['POST', '/api/admin/devices', { kind: 'display', name: 'Sneaky' }],
    ['POST', '/api/admin/devices/1/revoke', undefined],
    ['GET', '/api/admin/users', undefined],
    ['POST', '/api/admin/users', { username: 'sneaky', displayName: 'S', password: 'password123', role: 'admin', agencyIds: [] }],
    ['PUT', '/api/admin/hub/policy', { referralPolicy: 'front', targetWaitMin: 5 }],
  ];

  it.each(routes)('%s %s refuses staff, the guide and devices (403) and anonymous callers (401)', async (method, url, body) => {
    for (const who of [await as(hub, 'kela'), await as(hub, 'neuvonta'), kiosk, display]) {
      expectError(await hub.call(method as 'GET', url, who, body), 403, 'FORBIDDEN');
    }
    expectError(await hub.call(method as 'GET', url, null, body), 401, 'UNAUTHENTICATED');
    // nothing changed
    expect((await devices()).map((d: any) => [d.name, d.revoked])).toEqual([
      ['Aulan kioski', false],
      ['Aulan näyttö', false],
      ['Palautetabletti ulko-ovella', false],
    ]);
    expect((await users()).map((u: any) => u.username)).not.toContain('sneaky');
    expect(expectOk(await hub.call('GET', '/api/services', kiosk)).hub.referralPolicy).toBe('keep');
  });
});
