import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Config } from '@luukku/server';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { as, did, expectError, expectOk, issue, openDesk, queues, sid } from '../api/helpers.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

/** Kela at desk 1 with one visitor waiting: what a forged request would call. */
async function readyDesk(config: Partial<Config> = {}) {
  const h = (hub = await startHub({ config }));
  const kela = await as(h, 'kela');
  await openDesk(h, kela, '1', ['kela']);
  await issue(h, ['kela']);
  return { h, kela };
}
const waiting = async (h: TestHub) => (await queues(h, kiosk)).find((q) => q.serviceId === sid(h, 'kela'))!.waiting;
const callNext = (h: TestHub, cookie: string, headers: Record<string, string>, payload?: string) =>
  h.app.inject({ method: 'POST', url: `/api/desks/${did(h, '1')}/call-next`, headers: { cookie, ...headers }, ...(payload === undefined ? {} : { payload }) });
const res = (r: Awaited<ReturnType<typeof callNext>>) => ({ status: r.statusCode, body: r.json() });

describe('cross-site requests', () => {
  it('refuses a cross-origin text/plain POST with the staff cookie (403 CROSS_SITE_REQUEST) and calls no one', async () => {
    const { h, kela } = await readyDesk();
    const forged = await callNext(h, kela.cookie, { origin: 'https://evil.example', 'content-type': 'text/plain' }, 'x');
    expectError(res(forged), 403, 'CROSS_SITE_REQUEST');
    expect(await waiting(h)).toBe(1);
  });

  it('refuses an unsafe request a browser marks Sec-Fetch-Site cross-site or same-site, even without Origin', async () => {
    const { h, kela } = await readyDesk();
    for (const site of ['cross-site', 'same-site']) {
      expectError(res(await callNext(h, kela.cookie, { 'sec-fetch-site': site })), 403, 'CROSS_SITE_REQUEST');
    }
    expectError(res(await callNext(h, kela.cookie, { origin: 'null' })), 403, 'CROSS_SITE_REQUEST');
    expect(await waiting(h)).toBe(1);
  });

  it('refuses a cross-site login, so no one is logged in to an account of the attacker', async () => {
    hub = await startHub();
    const r = await hub.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { username: 'kela', password: 'demo' } });
    expectError({ status: r.statusCode, body: r.json() }, 403, 'CROSS_SITE_REQUEST');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('allows the same origin, as the browser UIs send it', async () => {
    const { h, kela } = await readyDesk();
    const r = await callNext(h, kela.cookie, { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' });
    expectOk(res(r));
  });

  it("allows the configured public URL's origin, as a browser behind a TLS proxy sends it", async () => {
    const { h, kela } = await readyDesk({ publicUrl: 'https://tori.example.fi' });
    expectOk(res(await callNext(h, kela.cookie, { origin: 'https://tori.example.fi', host: '127.0.0.1:3000' })));
  });

  it('allows requests with neither Origin nor Sec-Fetch-Site, as curl and the kiosk scripts send them', async () => {
    const { h, kela } = await readyDesk();
    expectOk(res(await callNext(h, kela.cookie, {})));
  });

  it('leaves safe methods alone: a cross-site GET is answered', async () => {
    hub = await startHub();
    const r = await hub.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(r.statusCode).toBe(200);
  });

  it('no longer parses text/plain bodies: 415 UNSUPPORTED_MEDIA_TYPE even from the same origin', async () => {
    const { h, kela } = await readyDesk();
    const r = await callNext(h, kela.cookie, { 'content-type': 'text/plain' }, 'x');
    expectError(res(r), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await waiting(h)).toBe(1);
  });
});

describe('cross-site socket handshakes', () => {
  const connect = (url: string, headers: Record<string, string>) =>
    new Promise<'connected' | 'refused'>((resolve) => {
      const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
      socket.on('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.on('connect_error', () => {
        socket.close();
        resolve('refused');
      });
    });

  it("refuses a socket opened from another site with the staff cookie, and admits the hub's own pages", async () => {
    hub = await startHub({ config: { uiDir: '/nonexistent' } });
    const url = await hub.app.listen({ port: 0, host: '127.0.0.1' });
    const { cookie } = await as(hub, 'kela');
    expect(await connect(url, { cookie, origin: 'https://evil.example' })).toBe('refused');
    expect(await connect(url, { cookie, origin: url })).toBe('connected');
    expect(await connect(url, { cookie })).toBe('connected');
  });
});
