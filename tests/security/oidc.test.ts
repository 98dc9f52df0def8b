/**
 * Issue 12 §2: sign-in with the organisation's account, against a real OpenID provider on
 * 127.0.0.1. The whole flow (authorization code, PKCE, state, nonce), the claims mapped to a
 * role and agencies at every sign-in, an old session and socket cut when they change, answers
 * that were tampered with or came from another issuer refused, local passwords off but for the
 * break-glass admin, and logout through the provider's end-session page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, configFromEnv, testConfig } from '@luukku/server';
import { startHub, type TestHub } from '../support/app.js';
import { Browser, oidcSettings, startProvider, type TestProvider } from '../support/oidc.js';
import { Clients, listen } from '../realtime/clients.js';

const luukku = 'http://luukku.test';
const redirectUrl = `${luukku}/api/auth/oidc/callback`;

let provider: TestProvider;
let hub: TestHub;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  provider = await startProvider({ redirectUrl, postLogoutUrl: `${luukku}/staff` });
  closers.push(provider.close);
  hub = await startHub({ config: { oidc: oidcSettings(provider.issuer, redirectUrl) } });
  closers.push(() => hub.app.close());
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const me = async (b: Browser) => hub.call('GET', '/api/me', { cookie: b.luukkuCookies() });
const signIn = async (login: string, b = new Browser(hub.app, luukku)) => ({ b, end: await b.go(`${luukku}/api/auth/oidc/start`, { login }) });
/** Why each refused sign-in was refused, as the audit log keeps it. */
const refusals = (app = hub.app) =>
  (app.db.prepare(`SELECT detail FROM audit_log WHERE action = 'auth.oidc_refused' ORDER BY id`).all() as { detail: string }[]).map((r) => JSON.parse(r.detail) as { code: string; reason: string });

describe('sign-in with the organisation account', () => {
  it('offers the organisation sign-in on the login page when it is configured', async () => {
    expect((await hub.call('GET', '/api/auth/options')).body).toEqual({ oidc: true, passwords: true });
    const plain = await startHub();
    closers.push(() => plain.app.close());
    expect((await plain.call('GET', '/api/auth/options')).body).toEqual({ oidc: false, passwords: true });
    expect((await plain.call('GET', '/api/auth/oidc/start')).body.error.code).toBe('OIDC_NOT_CONFIGURED');
  });

  it('runs the whole flow with PKCE, state and nonce and lands in the console with the mapped role and agencies', async () => {
    provider.accounts.set('maija', { name: 'Maija Virtanen', groups: ['luukku-kela', 'unrelated-group'] });
    const { b, end } = await signIn('maija');
    expect(end).toMatchObject({ url: `${luukku}/staff`, status: 0 });
    const auth = new URL(b.hops.find((h) => h.url.startsWith(`${provider.issuer}/auth?`))!.url);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const callback = b.hops.find((h) => h.url.startsWith(redirectUrl))!;
    expect(callback).toMatchObject({ status: 303, location: `${luukku}/staff` });
    const who = (await me(b)).body;
    expect(who.user).toMatchObject({ username: 'maija', displayName: 'Maija Virtanen', role: 'staff', agencyIds: [hub.ids.agency.kela] });
    // the ID token stays with the session on the server; the browser holds the session cookie only
    expect([...b.jars.get('luukku.test')!.keys()]).toEqual(['luukku_session']);
  });

  it("rosters a person to the hubs their groups name, on those weekdays, with the agency in each, and re-reads them at the next sign-in", async () => {
    const q = hub.app.q;
    const [mantsala, pornainen] = ['mantsala', 'pornainen'].map((slug) => q.hubBySlug(slug)!.id) as [number, number];
    const kelaIn = (hubId: number) => q.agencies(hubId).find((a) => a.code === 'kela')!.id;
    provider.accounts.set('ville', { groups: ['luukku-kela-kierto'] });
    const first = await signIn('ville');
    // the test clock is a Tuesday: the pop-up point's day
    const tuesday = (await me(first.b)).body;
    expect(tuesday.hubId).toBe(pornainen);
    expect(tuesday.user.agencyIds).toEqual([kelaIn(pornainen)]);
    expect(tuesday.hubs.map((h: { id: number; weekdays: number[] | null; today: boolean }) => [h.id, h.weekdays, h.today])).toEqual([
      [pornainen, [2, 4], true],
      [mantsala, [1, 3, 5], false],
    ]);
    // in Mäntsälä the worker serves Mäntsälä's Kela line
    expect((await hub.call('POST', '/api/auth/hub', { cookie: first.b.luukkuCookies() }, { hubId: mantsala })).body.user.agencyIds).toEqual([kelaIn(mantsala)]);

    // the organisation moves them to Mäntsälä only: the next sign-in says so, and the old session ends
    provider.accounts.set('ville', { groups: ['luukku-kela-mantsala'] });
    const second = await signIn('ville');
    const after = (await me(second.b)).body;
    expect(after.hubId).toBe(mantsala);
    expect(after.hubs.map((h: { id: number; weekdays: number[] | null }) => [h.id, h.weekdays])).toEqual([[mantsala, null]]);
    expect((await me(first.b)).status).toBe(401);
    expect((await hub.call('POST', '/api/auth/hub', { cookie: second.b.luukkuCookies() }, { hubId: pornainen })).body.error.code).toBe('HUB_NOT_ASSIGNED');
  });

  it('refuses a person whose groups map to no role, with a clear code', async () => {
    provider.accounts.set('outsider', { groups: ['someone-else'] });
    const { b, end } = await signIn('outsider');
    expect(b.hops.at(-1)).toMatchObject({ status: 303, location: `${luukku}/staff?loginError=OIDC_NOT_MAPPED` });
    expect(end.status).toBe(0);
    expect((await me(b)).status).toBe(401);
  });

  it('re-reads the groups at the next sign-in and cuts the old session and its socket', async () => {
    provider.accounts.set('pekka', { groups: ['luukku-kela'] });
    const url = await listen(hub);
    const clients = new Clients(() => url);
    closers.push(async () => clients.closeAll());
    const first = await signIn('pekka');
    const oldCookie = first.b.luukkuCookies();
    expect((await me(first.b)).body.user.agencyIds).toEqual([hub.ids.agency.kela]);
    const socket = await clients.staff(oldCookie, 'pekka');
    const gone = new Promise<void>((resolve) => socket.socket.once('disconnect', () => resolve()));

    provider.accounts.set('pekka', { groups: ['luukku-tyo'] });
    const second = await signIn('pekka');
    expect((await me(second.b)).body.user.agencyIds).toEqual([hub.ids.agency.tyo]);
    await gone;
    expect((await hub.call('GET', '/api/me', { cookie: oldCookie })).status).toBe(401);

    // removed from every mapped group: refused, and the session they had ends too
    provider.accounts.set('pekka', { groups: [] });
    const third = await signIn('pekka');
    expect(third.b.hops.at(-1)!.location).toBe(`${luukku}/staff?loginError=OIDC_NOT_MAPPED`);
    expect((await me(second.b)).status).toBe(401);
  });

  it('keeps refusing an account the admin deactivated, whatever its groups say', async () => {
    provider.accounts.set('aino', { groups: ['luukku-kela'] });
    const first = await signIn('aino');
    const u = (await me(first.b)).body.user;
    const admin = await hub.login('admin');
    expect((await hub.call('PUT', `/api/admin/users/${u.id}`, { cookie: admin }, { displayName: u.displayName, role: u.role, agencyIds: u.agencyIds, active: false, language: u.language })).status).toBe(200);
    const again = await signIn('aino');
    expect(again.b.hops.at(-1)!.location).toBe(`${luukku}/staff?loginError=FORBIDDEN`);
    expect((await me(again.b)).status).toBe(401);
  });

  it('keeps the session of a person whose groups did not change', async () => {
    provider.accounts.set('liisa', { groups: ['luukku-kela'] });
    const first = await signIn('liisa');
    const second = await signIn('liisa');
    expect((await me(first.b)).status).toBe(200);
    expect((await me(second.b)).status).toBe(200);
  });

  it('keeps the authorization code, state and ID token out of the log', async () => {
    const lines: string[] = [];
    const logged = await startHub({ config: { oidc: oidcSettings(provider.issuer, redirectUrl), logLevel: 'info', logStream: { write: (l: string) => lines.push(l) } } });
    closers.push(() => logged.app.close());
    provider.accounts.set('maija', { groups: ['luukku-kela'] });
    const b = new Browser(logged.app, luukku);
    await b.go(`${luukku}/api/auth/oidc/start`, { login: 'maija' });
    const callback = new URL(b.hops.find((h) => h.url.startsWith(redirectUrl))!.url);
    expect(lines.some((l) => l.includes('/api/auth/oidc/callback'))).toBe(true);
    const log = lines.join('\n');
    expect(log).not.toContain(callback.searchParams.get('code')!);
    expect(log).not.toContain(callback.searchParams.get('state')!);
    expect(log).not.toMatch(/ey[\w-]{20,}\.[\w-]+\.[\w-]+/);
  });

  it('does not take over a local account that has the same username', async () => {
    provider.accounts.set('kela', { groups: ['luukku-admins'] });
    const { b } = await signIn('kela');
    const who = (await me(b)).body.user;
    expect(who.username).toBe('kela-2');
    expect(who.role).toBe('admin');
    expect(hub.app.q.userByUsername('kela')!.role).toBe('staff');
  });
});

describe('a sign-in that was tampered with is refused', () => {
  it('refuses a callback whose state was changed', async () => {
    provider.accounts.set('maija', { groups: ['luukku-kela'] });
    const b = new Browser(hub.app, luukku);
    await b.go(`${luukku}/api/auth/oidc/start`, {
      login: 'maija',
      edit: (u) => {
        if (u.href.startsWith(redirectUrl)) u.searchParams.set('state', 'forged-state');
        return u;
      },
    });
    expect(b.hops.at(-1)).toMatchObject({ status: 303, location: `${luukku}/staff?loginError=OIDC_LOGIN_FAILED` });
    expect(refusals()).toEqual([expect.objectContaining({ reason: expect.stringMatching(/"state"/) })]);
    expect((await me(b)).status).toBe(401);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    provider.accounts.set('maija', { groups: ['luukku-kela'] });
    const b = new Browser(hub.app, luukku);
    await b.go(`${luukku}/api/auth/oidc/start`, {
      login: 'maija',
      edit: (u) => {
        if (u.href.startsWith(`${provider.issuer}/auth?`)) u.searchParams.set('nonce', 'a-nonce-of-the-attacker');
        return u;
      },
    });
    expect(b.hops.at(-1)).toMatchObject({ status: 303, location: `${luukku}/staff?loginError=OIDC_LOGIN_FAILED` });
    expect(refusals()).toEqual([expect.objectContaining({ reason: expect.stringMatching(/"nonce"/) })]);
    expect((await me(b)).status).toBe(401);
  });

  it('refuses a replayed callback', async () => {
    provider.accounts.set('maija', { groups: ['luukku-kela'] });
    const { b } = await signIn('maija');
    const callback = b.hops.find((h) => h.url.startsWith(redirectUrl))!.url;
    const again = await b.request('GET', callback);
    expect(again).toMatchObject({ status: 303, location: `${luukku}/staff?loginError=OIDC_LOGIN_FAILED` });
    // and from another browser, which never started this sign-in
    const other = new Browser(hub.app, luukku);
    expect((await other.request('GET', callback)).location).toBe(`${luukku}/staff?loginError=OIDC_LOGIN_FAILED`);
    expect(refusals().map((r) => r.reason)).toEqual([expect.stringMatching(/No sign-in under way/), expect.stringMatching(/No sign-in under way/)]);
    expect((await me(other)).status).toBe(401);
  });

  it('refuses an answer from another provider (unknown issuer)', async () => {
    const other = await startProvider({ redirectUrl, postLogoutUrl: `${luukku}/staff` });
    closers.push(other.close);
    other.accounts.set('mallory', { groups: ['luukku-admins'] });
    const b = new Browser(hub.app, luukku);
    // our sign-in's own authorization request, sent to the other provider instead
    await b.go(`${luukku}/api/auth/oidc/start`, {
      login: 'mallory',
      edit: (u) => (u.href.startsWith(`${provider.issuer}/auth?`) ? new URL(u.pathname + u.search, other.issuer) : u),
    });
    const callback = b.hops.find((h) => h.url.startsWith(redirectUrl))!;
    expect(new URL(callback.url).searchParams.get('iss')).toBe(other.issuer);
    expect(callback).toMatchObject({ status: 303, location: `${luukku}/staff?loginError=OIDC_LOGIN_FAILED` });
    expect(refusals()).toEqual([expect.objectContaining({ reason: expect.stringMatching(/"iss"/) })]);
    expect((await me(b)).status).toBe(401);
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    // a discovery document served at one address that claims to be the real provider
    const liar: Server = createServer((req, res) => {
      void fetch(provider.issuer + req.url).then(async (r) => {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(await r.text());
      });
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => liar.close(() => resolve())));
    const liarIssuer = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
    const app = await buildApp(testConfig({ oidc: oidcSettings(liarIssuer, redirectUrl) }));
    closers.push(() => app.close());
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff?loginError=OIDC_UNAVAILABLE');
    expect(refusals(app)).toEqual([expect.objectContaining({ reason: expect.stringMatching(/issuer/) })]);
  });
});

describe('local passwords and logout', () => {
  it('turns local passwords off for everyone but the break-glass admin', async () => {
    const off = await startHub({ config: { oidc: oidcSettings(provider.issuer, redirectUrl), localPasswords: false, breakGlassUsers: ['admin'] } });
    closers.push(() => off.app.close());
    expect((await off.call('GET', '/api/auth/options')).body).toEqual({ oidc: true, passwords: false });
    const refused = await off.call('POST', '/api/auth/login', null, { username: 'kela', password: 'demo' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'LOCAL_LOGIN_DISABLED' } } });
    expect((await off.call('POST', '/api/auth/login', null, { username: 'admin', password: 'demo' })).status).toBe(200);
    // the break-glass admin still needs the right password
    expect((await off.call('POST', '/api/auth/login', null, { username: 'admin', password: 'wrong' })).status).toBe(401);
  });

  it('reads the switch and the break-glass names from the environment', () => {
    const c = configFromEnv({ LUUKKU_LOCAL_PASSWORDS: '0', LUUKKU_BREAK_GLASS: 'Admin, varakone' });
    expect(c).toMatchObject({ localPasswords: false, breakGlassUsers: ['admin', 'varakone'], oidc: null });
  });

  it('refuses plain http to an issuer that is not on loopback, and a configuration without a mapping', () => {
    const env = { LUUKKU_OIDC_ISSUER: 'http://idp.example.org', LUUKKU_OIDC_CLIENT_ID: 'luukku', LUUKKU_PUBLIC_URL: 'https://luukku.example.org', LUUKKU_OIDC_CLAIMS: '{"map":{}}' };
    expect(() => configFromEnv({ ...env, LUUKKU_OIDC_ALLOW_HTTP: '1' })).toThrow(/not on loopback/);
    expect(() => configFromEnv(env)).toThrow(/https/);
    expect(() => configFromEnv({ ...env, LUUKKU_OIDC_ISSUER: 'https://idp.example.org', LUUKKU_OIDC_CLAIMS: undefined })).toThrow(/LUUKKU_OIDC_CLAIMS/);
    const ok = configFromEnv({ ...env, LUUKKU_OIDC_ISSUER: 'https://idp.example.org' });
    expect(ok.oidc).toMatchObject({ redirectUrl: 'https://luukku.example.org/api/auth/oidc/callback', postLogoutUrl: 'https://luukku.example.org/staff', claims: { claim: 'groups' } });
  });

  it("ends the Luukku session and sends the browser to the provider's end-session page with the ID token hint", async () => {
    provider.accounts.set('maija', { groups: ['luukku-kela'] });
    const { b } = await signIn('maija');
    const cookie = b.luukkuCookies();
    const out = await hub.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const logoutUrl = new URL(out.json().logoutUrl);
    expect(logoutUrl.origin + logoutUrl.pathname).toBe(`${provider.issuer}/session/end`);
    expect(logoutUrl.searchParams.get('id_token_hint')).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${luukku}/staff`);
    expect((await hub.call('GET', '/api/me', { cookie })).status).toBe(401);
    // the provider accepts it: its logout confirmation page, not an error
    const page = await b.request('GET', logoutUrl.href);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<form[^>]*logout/i);
    // a password login has no ID token and so no provider to send the browser to
    const local = await hub.login('kela');
    expect((await hub.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: local } })).json()).toEqual({ ok: true });
  });
});
