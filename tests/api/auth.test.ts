import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, expectError, expectOk, me } from './helpers.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub.app.close();
});

const login = (payload: unknown) => hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
const setCookie = (headers: Record<string, unknown>): string[] => {
  const h = headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h.map(String) : [String(h)];
};

describe('POST /api/auth/login', () => {
  it('logs staff in with an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login({ username: 'kela', password: 'demo' });
    expect(res.statusCode).toBe(200);
    const cookies = setCookie(res.headers);
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0]!;
    expect(cookie).toMatch(/^luukku_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    // a browser-session cookie: the server ends it (idle timeout, absolute limit), see tests/security/session.test.ts
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    expect(res.json()).toMatchObject({
      kind: 'user',
      hubId: expect.any(Number),
      user: { id: expect.any(Number), username: 'kela', displayName: 'Kela (demo)', role: 'staff', agencyIds: [aid(hub, 'kela')], language: 'fi' },
    });
    expect(res.body).not.toMatch(/password|scrypt/i);
  });

  it('accepts the username in any case', async () => {
    const res = await login({ username: 'Neuvonta', password: 'demo' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'neuvonta', role: 'guide' });
  });

  it('refuses a wrong password (401 BAD_CREDENTIALS) and sets no cookie', async () => {
    const res = await login({ username: 'kela', password: 'wrong' });
    expectError({ status: res.statusCode, body: res.json() }, 401, 'BAD_CREDENTIALS');
    expect(setCookie(res.headers)).toEqual([]);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const unknown = await login({ username: 'nobody', password: 'demo' });
    const wrong = await login({ username: 'kela', password: 'nope' });
    expectError({ status: unknown.statusCode, body: unknown.json() }, 401, 'BAD_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('refuses a malformed login (400 VALIDATION_FAILED)', async () => {
    for (const body of [{}, { username: 'kela' }, { username: '', password: 'demo' }, { username: 'kela', password: '' }, { username: 'kela', password: 'demo', remember: true }]) {
      const res = await login(body);
      expectError({ status: res.statusCode, body: res.json() }, 400, 'VALIDATION_FAILED');
    }
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the same cookie is refused afterwards', async () => {
    const cookie = await hub.login('asunnot');
    expect((await me(hub, { cookie })).user.username).toBe('asunnot');
    const res = await hub.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    // the browser is told to forget the cookie
    const cleared = setCookie(res.headers).find((c) => c.startsWith('luukku_session='));
    expect(cleared).toMatch(/luukku_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expectError(await hub.call('GET', '/api/me', { cookie }), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/queues', { cookie }), 401, 'UNAUTHENTICATED');
  });

  it('ends only that session; another login of the same user goes on', async () => {
    const first = await hub.login('tyo');
    const second = await hub.login('tyo');
    await hub.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: first } });
    expectError(await hub.call('GET', '/api/me', { cookie: first }), 401, 'UNAUTHENTICATED');
    expect((await me(hub, { cookie: second })).user.username).toBe('tyo');
  });

  it('answers a logout without a session with ok', async () => {
    expect(expectOk(await hub.call('POST', '/api/auth/logout'))).toEqual({ ok: true });
  });
});

describe('GET /api/me', () => {
  it('tells a staff member who they are', async () => {
    const cookie = await hub.login('admin');
    expect(await me(hub, { cookie })).toMatchObject({ kind: 'user', user: { username: 'admin', role: 'admin', agencyIds: [] } });
  });

  it('tells a device what it is, without its token', async () => {
    const k = await me(hub, kiosk);
    expect(k).toMatchObject({
      kind: 'device',
      hubId: expect.any(Number),
      device: { id: expect.any(Number), kind: 'kiosk', name: 'Aulan kioski', zone: null, revoked: false },
    });
    expect(Object.keys(k).sort()).toEqual(['device', 'hubId', 'kind']);
    expect(JSON.stringify(k)).not.toContain('demo-kiosk');
    expect((await me(hub, display)).device.kind).toBe('display');
  });

  it('answers 401 UNAUTHENTICATED without a session, for an unknown bearer token, or a forged cookie', async () => {
    expectError(await hub.call('GET', '/api/me'), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/me', { token: 'demo-kiosk-but-not-really' }), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/me', { cookie: 'luukku_session=made-up-session-value-123456' }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a malformed Authorization header as no identity (401)', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic a2VsYTpkZW1v' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('session lifetime', () => {
  it('ends a session after 12 hours', async () => {
    const h = await startHub();
    try {
      const cookie = await h.login('kela');
      h.clock.advanceMinutes(11 * 60 + 59);
      expect((await me(h, { cookie })).user.username).toBe('kela');
      h.clock.advanceMinutes(2);
      expectError(await h.call('GET', '/api/me', { cookie }), 401, 'UNAUTHENTICATED');
    } finally {
      await h.app.close();
    }
  });
});
