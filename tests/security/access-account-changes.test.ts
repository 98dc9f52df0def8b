/**
 * Issue 9 §1, "account changes don't reach live sockets": deactivation, a password reset, a new
 * role or new agencies end the user's sessions, close their desk (a visitor they hold goes back
 * to their line at their old place) and cut their sockets within a second. A socket whose
 * session expires is cut too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/app.js';
import { Clients, callNext, issue, openDesk, startRealtimeHub, type TestClient } from '../realtime/clients.js';

let hub: TestHub;
let url = '';
const clients = new Clients(() => url);
beforeEach(async () => {
  ({ hub, url } = await startRealtimeHub());
});
afterEach(async () => {
  clients.closeAll();
  await hub?.app.close();
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

const changes: [string, (admin: string, user: any) => Promise<{ status: number }>][] = [
  ['deactivation', (admin, u) => hub.call('PUT', `/api/admin/users/${u.id}`, { cookie: admin }, { displayName: u.displayName, role: u.role, agencyIds: u.agencyIds, active: false, language: u.language })],
  ['a password reset', (admin, u) => hub.call('POST', `/api/admin/users/${u.id}/password`, { cookie: admin }, { password: 'a-new-password-1' })],
  ['a role change', (admin, u) => hub.call('PUT', `/api/admin/users/${u.id}`, { cookie: admin }, { displayName: u.displayName, role: 'guide', agencyIds: u.agencyIds, active: true, language: u.language })],
  ['an agency change', (admin, u) => hub.call('PUT', `/api/admin/users/${u.id}`, { cookie: admin }, { displayName: u.displayName, role: u.role, agencyIds: [hub.ids.agency.tyo], active: true, language: u.language })],
];

describe('an account change reaches the live socket', () => {
  it.each(changes)('after %s: the session ends, the socket is cut and the held visitor goes back to their place', async (_, change) => {
    const cookie = await hub.login('kela');
    const admin = await hub.login('admin');
    const socket = await clients.staff(cookie, 'kela');
    await openDesk(hub, cookie, '1', 'kela');
    const first = await issue(hub, 'kela');
    await issue(hub, 'kela');
    const held = await callNext(hub, cookie, '1');
    expect(held.visitId).toBe(first.visitId);

    const gone = cut(socket);
    const user = hub.app.q.userByUsername('kela')!;
    expect((await change(admin, user)).status).toBe(200);
    await gone;

    expect((await hub.call('GET', '/api/me', { cookie })).status).toBe(401);
    const desk = hub.app.q.desk(hub.ids.desk['1']!)!;
    expect(desk).toMatchObject({ status: 'closed', userId: null, serviceIds: [] });
    const step = hub.app.q.step(held.stepId)!;
    expect(step).toMatchObject({ status: 'waiting', deskId: null, userId: null });
    // back at the old place: first in line again
    const line = (await hub.call('GET', '/api/queues', { cookie: admin })).body.queues.find((q: any) => q.serviceId === hub.ids.service.kela);
    expect(line.entries.map((e: any) => e.number)).toEqual([first.number, expect.any(String)]);
  });

  it('cuts a staff socket whose session has expired', async () => {
    const cookie = await hub.login('kela');
    const socket = await clients.staff(cookie, 'kela');
    // the sweep runs every LUUKKU_SOCKET_SWEEP_MS (1 s): two periods at most
    const gone = cut(socket, 2_500);
    hub.clock.advanceMinutes(13 * 60);
    await gone;
  });
});
