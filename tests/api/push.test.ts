import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ticketWords } from '@luukku/shared';
import type { Config } from '@luukku/server';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { startHub, type TestHub } from '../support/app.js';
import { decryptMessage, startPushService, verifyVapid, type BrowserSubscription, type PushService } from '../support/push-service.js';
import { as, callNext, expectError, expectOk, issue, openDesk, phonePage, serveNext, sid, stepAction } from './helpers.js';

let svc: PushService;
let hub: TestHub | undefined;
beforeAll(async () => {
  svc = await startPushService();
});
afterAll(async () => {
  await svc.close();
});
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

const subject = 'mailto:luukku-admin@example.org';

/** A hub whose push sender trusts the local push service (and no other certificate). */
async function pushHub(config: Partial<Config> = {}): Promise<TestHub> {
  hub = await startHub({ config: { pushHosts: ['127.0.0.1'], pushAgent: svc.agent, ...config } });
  return hub;
}

async function subscribe(h: TestHub, token: string, s: BrowserSubscription | { json: unknown }, extra: Record<string, unknown> = {}) {
  return h.call('POST', `/api/visits/${token}/push`, null, { ...(s.json as object), ...extra });
}

/** Everything the push service received for this subscription, decrypted and checked as a browser's push service would. */
async function messagesFor(h: TestHub, s: BrowserSubscription): Promise<any[]> {
  await h.app.push.idle();
  const key = expectOk(await h.call('GET', '/api/push/key')).publicKey;
  return svc.received
    .filter((r) => r.id === s.id)
    .map((r) => {
      expect(verifyVapid(r, key, svc.origin).sub).toBe(subject);
      expect(r.headers.ttl).toBeDefined();
      expect(r.headers.urgency).toBe('high');
      return decryptMessage(r, s);
    });
}

describe('Web Push round trip: the nudges a visitor gets', () => {
  it('nudges a Swedish visitor once at 3 ahead (not again when the count bounces 3 → 4 → 3), when called, and when referred, in Swedish', async () => {
    const h = await pushHub();
    const kela = await as(h, 'kela');
    const asunnot = await as(h, 'asunnot');
    await openDesk(h, kela, '1', ['kela']);
    await openDesk(h, asunnot, '2', ['asunnot']);
    // arrives first: referred to Kela later, this visitor goes ahead of the Swedish one (3 → 4)
    const early = await issue(h, ['asunnot']);
    h.clock.advanceMinutes(1);
    for (let i = 0; i < 5; i++) await issue(h, ['kela']);
    const visit = await issue(h, ['kela'], { language: 'sv' });
    expect(visit.current.peopleAhead).toBe(5);
    const phone = svc.subscribe();
    const arabicPhone = svc.subscribe();
    expectOk(await subscribe(h, visit.token, phone), 201);
    expectOk(await subscribe(h, visit.token, arabicPhone, { language: 'ar' }), 201);
    // subscribing again is a renewal, not a second subscription
    expectOk(await subscribe(h, visit.token, phone), 200);

    await serveNext(h, kela, '1'); // 4 ahead
    expect(await messagesFor(h, phone)).toEqual([]);
    await serveNext(h, kela, '1'); // 3 ahead
    expect(await messagesFor(h, phone)).toEqual([
      { title: `Könummer ${visit.number}`, body: 'Före dig i kön: 3', lang: 'sv-FI', dir: 'ltr', kind: 'ahead', tag: `luukku-${visit.number}`, url: `/v/${visit.token}` },
    ]);

    const calledEarly = expectOk(await callNext(h, asunnot, '2'));
    expect(calledEarly.step.number).toBe(early.number);
    expectOk(await stepAction(h, asunnot, calledEarly.step.id, 'refer', { services: [sid(h, 'kela')], reason: 'needs_other_service' }));
    expect((await phonePage(h, visit.token)).current.peopleAhead).toBe(4);
    expect(await serveNext(h, kela, '1')).toBe(early.number); // 3 again
    await serveNext(h, kela, '1');
    await serveNext(h, kela, '1');
    await serveNext(h, kela, '1'); // nobody ahead
    const called = expectOk(await callNext(h, kela, '1'));
    expect(called.step.number).toBe(visit.number);

    const label = (await phonePage(h, visit.token)).current.label;
    expectOk(await stepAction(h, kela, called.step.id, 'refer', { services: [sid(h, 'asunnot')], reason: 'needs_other_service' }));
    const housing = (await phonePage(h, visit.token)).current.label.sv;
    expect(housing).toBeTruthy();
    expect(housing).not.toBe(label.sv);

    const bodies = (await messagesFor(h, phone)).map((m) => [m.kind, m.title, m.body, m.lang]);
    expect(bodies).toEqual([
      ['ahead', `Könummer ${visit.number}`, 'Före dig i kön: 3', 'sv-FI'],
      ['called', `Könummer ${visit.number}`, 'Gå till servicepunkt 1', 'sv-FI'],
      ['referred', `Könummer ${visit.number}`, `Du har hänvisats vidare: ${housing}. Ditt könummer är detsamma.`, 'sv-FI'],
    ]);
    // the second phone asked for Arabic: the same nudges, in Arabic, right to left
    const arabic = await messagesFor(h, arabicPhone);
    expect(arabic.map((m) => [m.kind, m.body, m.lang, m.dir])).toEqual([
      ['ahead', `${ticketWords.ar.peopleAhead}: 3`, 'ar', 'rtl'],
      ['called', ticketWords.ar.goToDesk('1'), 'ar', 'rtl'],
      ['referred', expect.stringContaining('تم تحويلك'), 'ar', 'rtl'],
    ]);
  });

  it('nudges a call again after the visitor was returned to the line, but not a recall', async () => {
    const h = await pushHub();
    const kela = await as(h, 'kela');
    await openDesk(h, kela, '1', ['kela']);
    const visit = await issue(h, ['kela'], { language: 'en' });
    const phone = svc.subscribe();
    expectOk(await subscribe(h, visit.token, phone), 201);
    const called = expectOk(await callNext(h, kela, '1'));
    expectOk(await stepAction(h, kela, called.step.id, 'recall'));
    expectOk(await stepAction(h, kela, called.step.id, 'return'));
    expect(expectOk(await callNext(h, kela, '1')).step.id).toBe(called.step.id);
    expect((await messagesFor(h, phone)).map((m) => [m.kind, m.body])).toEqual([
      ['called', 'Please go to desk 1'],
      ['ahead', 'You are next.'],
      ['called', 'Please go to desk 1'],
    ]);
  });

  it('deletes the subscriptions when the visit ends, and refuses a new one for an ended visit', async () => {
    const h = await pushHub();
    const kela = await as(h, 'kela');
    await openDesk(h, kela, '1', ['kela']);
    const visit = await issue(h, ['kela'], { language: 'en' });
    const phone = svc.subscribe();
    expectOk(await subscribe(h, visit.token, phone), 201);
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(1);
    const called = expectOk(await callNext(h, kela, '1'));
    expectOk(await stepAction(h, kela, called.step.id, 'start'));
    expectOk(await stepAction(h, kela, called.step.id, 'finish'));
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(0);
    expect((await messagesFor(h, phone)).map((m) => m.body)).toEqual(['Please go to desk 1']);
    expectError(await subscribe(h, visit.token, svc.subscribe()), 409, 'VISIT_ENDED');
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(0);
  });

  it('deletes the subscription of a visitor who did not come, and of one still waiting when the day ends', async () => {
    const h = await pushHub();
    const kela = await as(h, 'kela');
    await openDesk(h, kela, '1', ['kela']);
    const gone = await issue(h, ['kela']);
    const late = await issue(h, ['kunta']);
    expectOk(await subscribe(h, gone.token, svc.subscribe()), 201);
    expectOk(await subscribe(h, late.token, svc.subscribe()), 201);
    const called = expectOk(await callNext(h, kela, '1'));
    expectOk(await stepAction(h, kela, called.step.id, 'no-show'));
    expect(h.app.q.pushSubscriptionCount(gone.visitId)).toBe(0);
    expect(h.app.q.pushSubscriptionCount(late.visitId)).toBe(1);

    h.clock.set('2026-11-25T07:00:00+02:00');
    purgeExpired(h.app.commands);
    expect(h.app.q.pushSubscriptionCount(late.visitId)).toBe(0);
    expect(h.app.db.prepare('SELECT count(*) AS n FROM push_subscriptions').get()).toEqual({ n: 0 });
    expect(h.app.db.prepare('SELECT count(*) AS n FROM push_nudges').get()).toEqual({ n: 0 });
  });

  it('lets the visitor turn one phone off, and every phone with no body', async () => {
    const h = await pushHub();
    const visit = await issue(h, ['kela']);
    const a = svc.subscribe();
    const b = svc.subscribe();
    expectOk(await subscribe(h, visit.token, a), 201);
    expectOk(await subscribe(h, visit.token, b), 201);
    expect(expectOk(await h.call('DELETE', `/api/visits/${visit.token}/push`, null, { endpoint: a.json.endpoint }))).toEqual({ subscribed: false });
    expect(h.app.q.pushSubscriptionsOfVisit(visit.visitId).map((s) => s.endpoint)).toEqual([b.json.endpoint]);
    expectOk(await h.call('DELETE', `/api/visits/${visit.token}/push`));
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(0);
  });
});

describe('a push service that fails never fails or slows the desk', () => {
  it('answers the call while a push service refuses connections and another hangs, logs both without the endpoint', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const h = await pushHub({ logLevel: 'debug', logStream, pushTimeoutMs: 1500 });
    const kela = await as(h, 'kela');
    await openDesk(h, kela, '1', ['kela']);
    const visit = await issue(h, ['kela']);
    // a port nobody listens on: connection refused
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = { json: { endpoint: `https://127.0.0.1:${port}/push/down-secret-capability`, keys: svc.subscribe().json.keys } };
    const hanging = svc.subscribe('hang');
    expectOk(await subscribe(h, visit.token, down), 201);
    expectOk(await subscribe(h, visit.token, hanging), 201);

    const started = Date.now();
    const res = await callNext(h, kela, '1');
    const tookMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.step.number).toBe(visit.number);
    // the answer came while the hanging delivery was still under way
    const first = await Promise.race([h.app.push.idle().then(() => 'delivered'), Promise.resolve('still sending')]);
    expect(first).toBe('still sending');
    expect(tookMs).toBeLessThan(1500);

    await h.app.push.idle();
    expect(svc.received.filter((r) => r.id === hanging.id)).toHaveLength(1);
    const log = lines.join('');
    expect(log).toContain('push: the push service could not be reached');
    expect(log).toContain('ECONNREFUSED');
    expect(log).not.toContain('down-secret-capability');
    expect(log).not.toContain(hanging.id);
    expect(log).toContain('TIMEOUT');
    expect(log).not.toContain(`${svc.origin}/push`);
    expect(log).not.toContain(`127.0.0.1:${port}`);
    // neither answered 404 or 410: both subscriptions stay
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(2);
    expect((await phonePage(h, visit.token)).current.status).toBe('called');
  });

  it('deletes a subscription the push service answers 410 Gone for, keeps one it answers 500 for', async () => {
    const h = await pushHub();
    const kela = await as(h, 'kela');
    await openDesk(h, kela, '1', ['kela']);
    const visit = await issue(h, ['kela']);
    const gone = svc.subscribe({ status: 410 });
    const failing = svc.subscribe({ status: 500 });
    expectOk(await subscribe(h, visit.token, gone), 201);
    expectOk(await subscribe(h, visit.token, failing), 201);
    expect(expectOk(await callNext(h, kela, '1')).step.number).toBe(visit.number);
    await h.app.push.idle();
    expect(svc.received.filter((r) => r.id === gone.id || r.id === failing.id)).toHaveLength(2);
    expect(h.app.q.pushSubscriptionsOfVisit(visit.visitId).map((s) => s.endpoint)).toEqual([failing.json.endpoint]);
  });
});

describe('POST /api/visits/:token/push refuses bad subscriptions', () => {
  const good = () => svc.subscribe().json;
  const cases: [string, (s: ReturnType<typeof good>) => unknown, string][] = [
    ['an http endpoint', (s) => ({ ...s, endpoint: s.endpoint.replace('https:', 'http:') }), 'VALIDATION_FAILED'],
    ['an endpoint that is no URL', (s) => ({ ...s, endpoint: 'push-me' }), 'VALIDATION_FAILED'],
    ['a user in the endpoint', (s) => ({ ...s, endpoint: s.endpoint.replace('https://', 'https://me:pw@') }), 'VALIDATION_FAILED'],
    ['no keys', (s) => ({ endpoint: s.endpoint }), 'VALIDATION_FAILED'],
    ['a short p256dh key', (s) => ({ ...s, keys: { ...s.keys, p256dh: s.keys.p256dh.slice(0, 60) } }), 'VALIDATION_FAILED'],
    ['a compressed p256dh key', (s) => ({ ...s, keys: { ...s.keys, p256dh: 'A' + s.keys.p256dh.slice(1) } }), 'VALIDATION_FAILED'],
    ['an auth secret of 15 bytes', (s) => ({ ...s, keys: { ...s.keys, auth: Buffer.alloc(15, 1).toString('base64url') } }), 'VALIDATION_FAILED'],
    ['an unknown field', (s) => ({ ...s, extra: 1 }), 'VALIDATION_FAILED'],
    ['an unknown language', (s) => ({ ...s, language: 'xx' }), 'VALIDATION_FAILED'],
    ['a host that is no push service', (s) => ({ ...s, endpoint: 'https://intranet.example.org/admin/reboot' }), 'PUSH_SERVICE_NOT_ALLOWED'],
  ];
  it.each(cases)('answers 400 for %s, names the code, stores nothing and does not echo the endpoint', async (_name, mutate, code) => {
    const h = await pushHub();
    const visit = await issue(h, ['kela']);
    const body = mutate(good()) as { endpoint?: string };
    const res = await h.call('POST', `/api/visits/${visit.token}/push`, null, body);
    expectError(res, 400, code);
    if (typeof body.endpoint === 'string' && body.endpoint.includes('/')) expect(JSON.stringify(res.body)).not.toContain(body.endpoint);
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(0);
  });

  it('answers 404 for an unknown visit, 409 past five phones, 410 for an earlier day\'s number', async () => {
    const h = await pushHub();
    expectError(await h.call('POST', `/api/visits/${'x'.repeat(22)}/push`, null, good()), 404, 'VISIT_NOT_FOUND');
    const visit = await issue(h, ['kela']);
    for (let i = 0; i < 5; i++) expectOk(await subscribe(h, visit.token, svc.subscribe()), 201);
    expectError(await subscribe(h, visit.token, svc.subscribe()), 409, 'PUSH_SUBSCRIPTIONS_FULL');
    expect(h.app.q.pushSubscriptionCount(visit.visitId)).toBe(5);
    // a number of an earlier day: gone, as its phone page is
    const yesterday = await issue(h, ['kunta']);
    h.clock.set('2026-11-25T09:00:00+02:00');
    expectError(await subscribe(h, yesterday.token, svc.subscribe()), 410, 'VISIT_EXPIRED');
    expect(h.app.q.pushSubscriptionCount(yesterday.visitId)).toBe(0);
  });
});

describe('the hub setting push_ahead', () => {
  it('is 3 by default; an admin sets it, and the nudge then waits until that many are ahead', async () => {
    const h = await pushHub();
    const admin = await as(h, 'admin');
    const kela = await as(h, 'kela');
    expect(expectOk(await h.call('GET', '/api/admin/push', admin))).toEqual({ ahead: 3 });
    expectError(await h.call('PUT', '/api/admin/push', kela, { ahead: 1 }), 403, 'FORBIDDEN');
    expectError(await h.call('PUT', '/api/admin/push', admin, { ahead: -1 }), 400, 'VALIDATION_FAILED');
    expect(expectOk(await h.call('PUT', '/api/admin/push', admin, { ahead: 1 }))).toEqual({ ahead: 1 });
    await openDesk(h, kela, '1', ['kela']);
    for (let i = 0; i < 3; i++) await issue(h, ['kela']);
    const visit = await issue(h, ['kela']);
    const phone = svc.subscribe();
    expectOk(await subscribe(h, visit.token, phone), 201);
    await serveNext(h, kela, '1'); // 2 ahead
    expect(await messagesFor(h, phone)).toEqual([]);
    await serveNext(h, kela, '1'); // 1 ahead
    expect((await messagesFor(h, phone)).map((m) => m.body)).toEqual(['Edelläsi jonossa: 1']);
  });
});

describe('VAPID keys', () => {
  it('are made on first start in a file only the server user reads, and kept across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-vapid-'));
    try {
      const file = join(dir, 'data', 'vapid.json');
      const first = await pushHub({ pushKeysFile: file });
      const key = expectOk(await first.call('GET', '/api/push/key')).publicKey;
      expect(key).toMatch(/^B[A-Za-z0-9_-]{86}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8')).publicKey).toBe(key);
      await first.app.close();
      const again = await pushHub({ pushKeysFile: file });
      expect(expectOk(await again.call('GET', '/api/push/key')).publicKey).toBe(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
