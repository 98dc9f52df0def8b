import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv, type Config } from '@luukku/server';
import { startHub, type TestHub } from '../support/app.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

const start = async (config: Partial<Config> = {}) => (hub = await startHub({ config }));
const login = (h: TestHub, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username: 'kela', password: 'demo' } });
const cookieOf = (res: Awaited<ReturnType<typeof login>>): string => {
  const h = res.headers['set-cookie'];
  return String(Array.isArray(h) ? h[0] : h);
};
const meStatus = async (h: TestHub, setCookie: string) =>
  (await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: setCookie.split(';')[0]! } })).statusCode;

describe('the session cookie', () => {
  it('is a browser-session cookie: no Max-Age or Expires, so closing the browser forgets the login', async () => {
    const h = await start();
    const cookie = cookieOf(await login(h));
    expect(cookie).toMatch(/^luukku_session=/);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('is Secure when the public URL is https', async () => {
    const h = await start({ publicUrl: 'https://tori.example.fi' });
    expect(cookieOf(await login(h))).toMatch(/;\s*Secure/i);
  });

  it('is not Secure on plain http without a public https URL', async () => {
    const h = await start();
    expect(cookieOf(await login(h))).not.toMatch(/Secure/i);
  });
});

describe('behind a TLS proxy', () => {
  it("believes the proxy's X-Forwarded-Proto only when trustProxy is set", async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const trusting = await start({ trustProxy: true });
    expect(cookieOf(await login(trusting, forwarded))).toMatch(/;\s*Secure/i);
    await trusting.app.close();
    const plain = await start();
    expect(cookieOf(await login(plain, forwarded))).not.toMatch(/Secure/i);
  });

  it("counts the login limit per forwarded client address when trustProxy is set", async () => {
    const h = await start({ trustProxy: true, loginRateLimitPerMinute: 2 });
    const from = (ip: string) => login(h, { 'x-forwarded-for': ip });
    expect((await from('203.0.113.1')).statusCode).toBe(200);
    expect((await from('203.0.113.1')).statusCode).toBe(200);
    expect((await from('203.0.113.1')).statusCode).toBe(429);
    // the proxy's own address is the same for both; the visitor behind it is not
    expect((await from('203.0.113.2')).statusCode).toBe(200);
  });
});

describe('idle timeout', () => {
  it('ends a session after 30 minutes without a request, by default', async () => {
    expect(configFromEnv({}).sessionIdleMinutes).toBe(30);
    const h = await start({ sessionIdleMinutes: 30 });
    const cookie = cookieOf(await login(h));
    h.clock.advanceMinutes(29);
    expect(await meStatus(h, cookie)).toBe(200);
    h.clock.advanceMinutes(31);
    expect(await meStatus(h, cookie)).toBe(401);
  });

  it('keeps a session in use alive past the idle time, but never past the absolute limit', async () => {
    const h = await start({ sessionHours: 2, sessionIdleMinutes: 30 });
    const cookie = cookieOf(await login(h));
    for (let t = 20; t <= 100; t += 20) {
      h.clock.advanceMinutes(20);
      expect(await meStatus(h, cookie), `after ${t} min`).toBe(200);
    }
    h.clock.advanceMinutes(21);
    expect(await meStatus(h, cookie)).toBe(401);
  });

  it('makes sessionUserId, which the socket sweep asks, answer nothing for an idle session', async () => {
    const h = await start({ sessionIdleMinutes: 10 });
    const token = cookieOf(await login(h)).split(';')[0]!.split('=')[1]!;
    const hash = createHash('sha256').update(token).digest('base64url');
    const now = h.clock.now().getTime();
    expect(h.app.q.sessionUserId(hash, now + 9 * 60_000)).toBe(h.app.q.userByUsername('kela')!.id);
    expect(h.app.q.sessionUserId(hash, now + 11 * 60_000)).toBeUndefined();
  });
});
