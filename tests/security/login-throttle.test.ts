import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk } from '../api/helpers.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

const login = (h: TestHub, username: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const errorOf = (res: { statusCode: number; json: () => any }) => ({ status: res.statusCode, code: res.json().error?.code });

describe('login throttling per username', () => {
  it('refuses even the right password after 50 wrong ones, with 429 TOO_MANY_ATTEMPTS and Retry-After', async () => {
    hub = await startHub();
    const answers: number[] = [];
    for (let i = 0; i < 50; i++) answers.push((await login(hub, 'kela', `wrong-${i}`)).statusCode);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(answers.slice(5))).toEqual(new Set([429]));

    const right = await login(hub, 'kela', 'demo');
    expect(errorOf(right)).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.headers['set-cookie']).toBeUndefined();

    // once the wait is over the right password works, and the count starts over
    hub.clock.advanceMs(Number(right.headers['retry-after']) * 1000);
    expect((await login(hub, 'kela', 'demo')).statusCode).toBe(200);
    expect((await login(hub, 'kela', 'wrong-again')).statusCode).toBe(401);
  });

  it('makes each further failure wait longer', async () => {
    hub = await startHub();
    for (let i = 0; i < 5; i++) expect((await login(hub, 'kunta', 'nope')).statusCode).toBe(401);
    const first = Number((await login(hub, 'kunta', 'nope')).headers['retry-after']);
    hub.clock.advanceMs(first * 1000);
    expect((await login(hub, 'kunta', 'nope')).statusCode).toBe(401);
    const second = Number((await login(hub, 'kunta', 'nope')).headers['retry-after']);
    expect(second).toBeGreaterThan(first);
  });

  it('does not let tries sent all at once slip past the lock-out', async () => {
    hub = await startHub();
    const h = hub;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(h, 'tyo', `wrong-${i}`)));
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(5);
    expect(errorOf(await login(hub, 'tyo', 'demo'))).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
  });

  it('locks out unknown usernames the same way, so a lock-out does not reveal which names exist', async () => {
    hub = await startHub();
    for (let i = 0; i < 5; i++) expect((await login(hub, 'nobody', 'x')).statusCode).toBe(401);
    expect(errorOf(await login(hub, 'nobody', 'x'))).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    // another username is not affected
    expect((await login(hub, 'asunnot', 'demo')).statusCode).toBe(200);
  });

  it('writes failed logins to the audit log, without the password', async () => {
    hub = await startHub();
    expect((await login(hub, 'ohjaamo', 'Hunter2-very-secret')).statusCode).toBe(401);
    const admin = await as(hub, 'admin');
    const { entries } = expectOk(await hub.call('GET', '/api/admin/audit', admin));
    const failed = entries.filter((e: any) => e.action === 'auth.login_failed');
    expect(failed).toHaveLength(1);
    const ohjaamo = hub.app.q.userByUsername('ohjaamo')!;
    expect(failed[0]).toMatchObject({ actorKind: 'anonymous', subject: `user:${ohjaamo.id}`, detail: { reason: 'wrong_password' } });
    expect(JSON.stringify(entries)).not.toContain('Hunter2');
  });
});

describe('login throttling per address', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the per-address limit, whatever the username', async () => {
    hub = await startHub({ config: { loginRateLimitPerMinute: 5 } });
    const users = ['kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo'];
    for (const u of users) expect((await login(hub, u, 'demo')).statusCode).toBe(200);
    const sixth = await login(hub, 'poliisi', 'demo');
    expect(errorOf(sixth)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('anonymous pairing', () => {
  const pair = (h: TestHub) => h.call('POST', '/api/pairing', null, { kind: 'kiosk' });

  it('answers 429 RATE_LIMITED past the per-address limit', async () => {
    hub = await startHub({ config: { pairingRateLimitPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expectOk(await pair(hub), 201);
    expectError(await pair(hub), 429, 'RATE_LIMITED');
  });

  it('caps the pairings outstanding with 429 TOO_MANY_PAIRINGS until codes expire', async () => {
    hub = await startHub({ config: { pairingsMax: 3 } });
    for (let i = 0; i < 3; i++) expectOk(await pair(hub), 201);
    expectError(await pair(hub), 429, 'TOO_MANY_PAIRINGS');
    hub.clock.advanceMinutes(16);
    expectOk(await pair(hub), 201);
  });
});
