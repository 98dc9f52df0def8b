import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/app.js';
import { Clients, issue, startRealtimeHub, type Handshake } from './clients.js';

describe('socket handshake', () => {
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

  it.each<[string, Handshake, string]>([
    ['an unknown device token', { token: 'no-such-device' }, 'UNAUTHENTICATED'],
    ['no credentials at all', {}, 'UNAUTHENTICATED'],
    ['a malformed visit token', { visit: 'bad token!' }, 'VALIDATION_FAILED'],
    ['a too short visit token', { visit: 'abc' }, 'VALIDATION_FAILED'],
    ['a well-formed visit token of no visit', { visit: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'VISIT_NOT_FOUND'],
    ['a token that is not a string', { token: 42 }, 'VALIDATION_FAILED'],
    ['an empty token', { token: '' }, 'VALIDATION_FAILED'],
    ['a display zone that is not a zone', { token: 'demo-display', zone: 'A B' }, 'VALIDATION_FAILED'],
  ])('%s is refused with connect_error', async (_what, auth, code) => {
    const err = await clients.refused(auth);
    expect(err).toBeInstanceOf(Error);
    expect(err.data?.code).toBe(code);
    expect(err.message.length).toBeGreaterThan(0);
  });

  it.each(['feedback', 'booking'])('a %s device, which has nothing to hear live, is refused', async (kind) => {
    const admin = { cookie: await hub.login('admin') };
    // a booking system names the agency whose appointments it writes
    const agency = kind === 'booking' ? { agencyId: hub.ids.agency.kela } : {};
    const created = await hub.call('POST', '/api/admin/devices', admin, { kind, name: `A ${kind} device`, ...agency });
    expect(created.status).toBe(201);
    const err = await clients.refused({ token: created.body.token });
    expect(err.data?.code).toBe('FORBIDDEN');
  });

  it('a staff session cookie that is not a session is refused', async () => {
    const err = await clients.refused({}, { cookie: 'luukku_session=not-a-real-session' });
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it('a session that logged out can no longer connect', async () => {
    const cookie = await hub.login('kela');
    const before = await clients.staff(cookie, 'kela');
    expect(before.socket.connected).toBe(true);
    const out = await hub.call('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBeLessThan(300);
    const err = await clients.refused({}, { cookie });
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it("a staff socket stops hearing its agency's step events once its session has logged out", async () => {
    const cookie = await hub.login('kela');
    const admin = await hub.login('admin');
    const staff = await clients.staff(cookie, 'kela');
    const witness = await clients.staff(admin, 'admin');
    const out = await hub.call('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(200);

    const visit = await issue(hub, 'kela');
    await witness.waitFor('step', (e) => e.data.step.visitId === visit.visitId);
    // the logged-out socket has either been cut off, or at least hears nothing more
    if (staff.socket.connected) await staff.barrier().catch(() => undefined);
    expect(staff.ofType('step')).toEqual([]);
  });

  it('the kiosk, a display, staff and a phone page with valid credentials connect and can sync', async () => {
    const visit = await issue(hub, 'kela');
    const connected = [
      await clients.connect('kiosk', { token: 'demo-kiosk' }),
      await clients.display('a'),
      await clients.display('all'),
      await clients.staff(await hub.login('neuvonta'), 'guide'),
      await clients.phone(visit.token),
    ];
    for (const c of connected) {
      expect(c.socket.connected).toBe(true);
      const ack = await c.sync({ since: 0 });
      expect(ack).toMatchObject({ data: { reset: false } });
    }
  });
});
