import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { display, key, kiosk, startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk, issue, issueBody, sid, snapshot, waitingCount } from './helpers.js';

const wednesday = '2026-11-25T10:00:00+02:00';

describe('POST /api/visits — taking a number', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub();
  });
  afterEach(async () => {
    await hub.app.close();
  });

  it('gives Kela visitors K001, K002 in the order they came', async () => {
    const first = await issue(hub, ['kela']);
    const second = await issue(hub, ['kela']);
    expect(first.number).toBe('K001');
    expect(second.number).toBe('K002');
    expect(first.replayed).toBe(false);
    expect(first.status).toBe('active');
    expect(first.phonePath).toBe(`/v/${first.token}`);
    expect(first.token).not.toBe(second.token);
    expect(first.current).toMatchObject({ serviceId: sid(hub, 'kela'), status: 'waiting', peopleAhead: 0, desk: null });
    expect(second.current).toMatchObject({ peopleAhead: 1 });
    expect(await waitingCount(hub, 'kela')).toBe(2);
  });

  it('numbers each line with its own letter', async () => {
    const numbers: string[] = [];
    for (const s of ['kela', 'asunnot', 'kela', 'kunta', 'ohjaamo', 'tyo', 'poliisi', 'asunnot', 'terveys']) {
      numbers.push((await issue(hub, [s])).number);
    }
    expect(numbers).toEqual(['K001', 'V001', 'K002', 'M001', 'O001', 'T001', 'P001', 'V002', 'H001']);
  });

  it('gives a visitor who does not know what they need an A-number for guidance', async () => {
    const visit = await issue(hub, 'guidance');
    expect(visit.number).toBe('A001');
    expect(visit.steps).toHaveLength(1);
    expect(visit.current).toMatchObject({ serviceId: sid(hub, 'neuvonta'), status: 'waiting' });
    expect((await issue(hub, 'guidance')).number).toBe('A002');
    expect(await waitingCount(hub, 'neuvonta')).toBe(2);
  });

  it('gives one number for several services, queuing the first and planning the rest', async () => {
    const visit = await issue(hub, ['kela', 'asunnot', 'tyo']);
    expect(visit.number).toBe('K001');
    expect(visit.steps.map((s: any) => [s.serviceId, s.status])).toEqual([
      [sid(hub, 'kela'), 'waiting'],
      [sid(hub, 'asunnot'), 'planned'],
      [sid(hub, 'tyo'), 'planned'],
    ]);
    expect(visit.current.serviceId).toBe(sid(hub, 'kela'));
    expect(await waitingCount(hub, 'kela')).toBe(1);
    expect(await waitingCount(hub, 'asunnot')).toBe(0);
    expect(await waitingCount(hub, 'tyo')).toBe(0);
  });

  it("remembers the visitor's language and needs", async () => {
    const visit = await issue(hub, ['kela'], { language: 'ar', needs: { interpreter: true } });
    expect(visit.language).toBe('ar');
    expect(visit.needs).toEqual({ interpreter: true, accessible: false, accompanied: false });
    const plain = await issue(hub, ['kela']);
    expect(plain.needs).toEqual({ interpreter: false, accessible: false, accompanied: false });
  });

  it('lets staff issue a number for a walk-in visitor', async () => {
    const visit = await issue(hub, ['asunnot'], { by: await as(hub, 'kela') });
    expect(visit.number).toBe('V001');
  });

  it('starts numbering again from K001 the next day', async () => {
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    hub.clock.set(wednesday);
    expect((await issue(hub, ['kela'])).number).toBe('K001');
  });

  it('starts numbering again at midnight Helsinki time, not at midnight UTC', async () => {
    hub.clock.set('2026-11-24T23:50:00+02:00'); // 21:50 UTC on Tuesday
    expect((await issue(hub, ['kela'])).number).toBe('K001');
    hub.clock.set('2026-11-25T00:10:00+02:00'); // still Tuesday in UTC, Wednesday in Helsinki
    expect((await issue(hub, ['kela'])).number).toBe('K001');
    hub.clock.set('2026-11-25T01:50:00+02:00'); // Wednesday in both
    expect((await issue(hub, ['kela'])).number).toBe('K002');
  });

  it('does not use up a number on a refused request', async () => {
    const res = await hub.call('POST', '/api/visits', kiosk, { services: [999_999], language: 'fi', idempotencyKey: key() });
    expectError(res, 404, 'SERVICE_NOT_FOUND');
    expect((await issue(hub, ['kela'])).number).toBe('K001');
  });
});

describe('POST /api/visits — retries with the same idempotency key', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub();
  });
  afterEach(async () => {
    await hub.app.close();
  });

  it('answers a retry with the same visit, status 200 and replayed: true', async () => {
    const body = issueBody(hub, ['kela']);
    const first = await hub.call('POST', '/api/visits', kiosk, body);
    const retry = await hub.call('POST', '/api/visits', kiosk, body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.replayed).toBe(true);
    expect(retry.body).toMatchObject({ visitId: first.body.visitId, number: 'K001', token: first.body.token });
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });

  it('keeps the original number when retried after others took numbers', async () => {
    const body = issueBody(hub, ['kela']);
    await hub.call('POST', '/api/visits', kiosk, body);
    await issue(hub, ['kela']);
    const retry = await hub.call('POST', '/api/visits', kiosk, body);
    expect(retry.status).toBe(200);
    expect(retry.body.number).toBe('K001');
    expect((await issue(hub, ['kela'])).number).toBe('K003');
  });

  it('treats the same request with defaults spelled out as the same request', async () => {
    const k = key();
    await hub.call('POST', '/api/visits', kiosk, { services: [sid(hub, 'kela')], language: 'fi', idempotencyKey: k });
    const retry = await hub.call('POST', '/api/visits', kiosk, {
      idempotencyKey: k,
      language: 'fi',
      needs: { interpreter: false, accessible: false, accompanied: false },
      services: [sid(hub, 'kela')],
    });
    expect(retry.status).toBe(200);
    expect(retry.body.number).toBe('K001');
  });

  it('refuses the same key with a different request (409 IDEMPOTENCY_CONFLICT) and issues nothing', async () => {
    const k = key();
    await issue(hub, ['kela'], { idempotencyKey: k });
    const before = await snapshot(hub);
    const res = await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['asunnot'], { idempotencyKey: k }));
    expectError(res, 409, 'IDEMPOTENCY_CONFLICT');
    expect(await snapshot(hub)).toEqual(before);
    expect(await waitingCount(hub, 'asunnot')).toBe(0);
  });

  it('refuses the same key with another language as a different request', async () => {
    const k = key();
    await issue(hub, ['kela'], { idempotencyKey: k, language: 'fi' });
    const res = await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['kela'], { idempotencyKey: k, language: 'sv' }));
    expectError(res, 409, 'IDEMPOTENCY_CONFLICT');
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });
});

describe('POST /api/visits — the Tuesday pop-up', () => {
  it('offers and accepts the pop-up on a Tuesday', async () => {
    const hub = await startHub();
    try {
      const visit = await issue(hub, ['terveys']);
      expect(visit.number).toBe('H001');
      // the ticket shows the neutral label, never the health service's name
      expect(visit.current.label.fi).toBe('Hyvinvointineuvonta');
    } finally {
      await hub.app.close();
    }
  });

  it('refuses the pop-up on a Wednesday with SERVICE_CLOSED and issues nothing', async () => {
    const hub = await startHub({ now: wednesday });
    try {
      const before = await snapshot(hub);
      expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['terveys'])), 409, 'SERVICE_CLOSED');
      // one closed service refuses the whole visit
      expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['kela', 'terveys'])), 409, 'SERVICE_CLOSED');
      expect(await snapshot(hub)).toEqual(before);
      expect((await issue(hub, ['kela'])).number).toBe('K001');
    } finally {
      await hub.app.close();
    }
  });

  it('closes the pop-up at midnight Helsinki time', async () => {
    const hub = await startHub({ now: '2026-11-24T23:59:00+02:00' });
    try {
      expect((await issue(hub, ['terveys'])).number).toBe('H001');
      hub.clock.set('2026-11-25T00:00:00+02:00'); // 22:00 UTC, still Tuesday in UTC
      expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['terveys'])), 409, 'SERVICE_CLOSED');
    } finally {
      await hub.app.close();
    }
  });

  it('refuses the pop-up when the clock moves from Tuesday to Wednesday', async () => {
    const hub = await startHub();
    try {
      await issue(hub, ['terveys']);
      hub.clock.set(wednesday);
      expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['terveys'])), 409, 'SERVICE_CLOSED');
    } finally {
      await hub.app.close();
    }
  });
});

describe('POST /api/visits — who may issue', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub();
  });
  afterEach(async () => {
    await hub.app.close();
  });

  it('refuses the lobby display (403 FORBIDDEN) and issues nothing', async () => {
    const before = await snapshot(hub);
    expectError(await hub.call('POST', '/api/visits', display, issueBody(hub, ['kela'])), 403, 'FORBIDDEN');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('refuses an anonymous caller (401 UNAUTHENTICATED)', async () => {
    expectError(await hub.call('POST', '/api/visits', null, issueBody(hub, ['kela'])), 401, 'UNAUTHENTICATED');
    expect(await waitingCount(hub, 'kela')).toBe(0);
  });

  it('refuses an unknown device token (401 UNAUTHENTICATED)', async () => {
    expectError(await hub.call('POST', '/api/visits', { token: 'not-a-device' }, issueBody(hub, ['kela'])), 401, 'UNAUTHENTICATED');
    expect(await waitingCount(hub, 'kela')).toBe(0);
  });
});

describe('POST /api/visits — bad requests', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub();
  });
  afterEach(async () => {
    await hub.app.close();
  });

  const bad: [string, (h: TestHub) => unknown][] = [
    ['no language', (h) => ({ services: [sid(h, 'kela')], idempotencyKey: key() })],
    ['an unknown language', (h) => ({ services: [sid(h, 'kela')], language: 'xx', idempotencyKey: key() })],
    ['neither services nor guidance', () => ({ language: 'fi', idempotencyKey: key() })],
    ['both services and guidance', (h) => ({ services: [sid(h, 'kela')], guidance: true, language: 'fi', idempotencyKey: key() })],
    ['guidance: false', () => ({ guidance: false, language: 'fi', idempotencyKey: key() })],
    ['an empty service list', () => ({ services: [], language: 'fi', idempotencyKey: key() })],
    ['a service listed twice', (h) => ({ services: [sid(h, 'kela'), sid(h, 'kela')], language: 'fi', idempotencyKey: key() })],
    ['six services', (h) => ({ services: ['kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi'].map((s) => sid(h, s)), language: 'fi', idempotencyKey: key() })],
    ['a service id that is not a number', () => ({ services: ['kela'], language: 'fi', idempotencyKey: key() })],
    ['no idempotency key', (h) => ({ services: [sid(h, 'kela')], language: 'fi' })],
    ['a too short idempotency key', (h) => ({ services: [sid(h, 'kela')], language: 'fi', idempotencyKey: 'abc' })],
    ['an idempotency key with spaces', (h) => ({ services: [sid(h, 'kela')], language: 'fi', idempotencyKey: 'has spaces in it' })],
    ['an unknown field', (h) => ({ services: [sid(h, 'kela')], language: 'fi', idempotencyKey: key(), name: 'Matti' })],
    ['an unknown need', (h) => ({ services: [sid(h, 'kela')], language: 'fi', needs: { wheelchair: true }, idempotencyKey: key() })],
  ];

  it.each(bad)('refuses %s with 400 VALIDATION_FAILED and issues nothing', async (_name, body) => {
    const before = await snapshot(hub);
    expectError(await hub.call('POST', '/api/visits', kiosk, body(hub)), 400, 'VALIDATION_FAILED');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('refuses malformed JSON with 400 VALIDATION_FAILED', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/visits',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      payload: '{"services": [1],',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/visits',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/xml' },
      payload: '<visit service="kela"/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over 64 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await hub.call('POST', '/api/visits', kiosk, { ...issueBody(hub, ['kela']), padding: 'x'.repeat(70_000) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await waitingCount(hub, 'kela')).toBe(0);
  });

  it('refuses an unknown service with 404 SERVICE_NOT_FOUND and issues nothing', async () => {
    const before = await snapshot(hub);
    expectError(await hub.call('POST', '/api/visits', kiosk, { services: [sid(hub, 'kela'), 999_999], language: 'fi', idempotencyKey: key() }), 404, 'SERVICE_NOT_FOUND');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('POST /api/visits — kiosk rate limit', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub({ config: { kioskRateLimitPerMinute: 3 } });
  });
  afterEach(async () => {
    await hub.app.close();
  });

  it('refuses the 4th new number in a minute (429 RATE_LIMITED) but still answers retries and recovers a minute later', async () => {
    const bodies = [0, 1, 2].map(() => issueBody(hub, ['kela']));
    for (const b of bodies) expect((await hub.call('POST', '/api/visits', kiosk, b)).status).toBe(201);

    const fourth = issueBody(hub, ['kela']);
    const before = await snapshot(hub);
    expectError(await hub.call('POST', '/api/visits', kiosk, fourth), 429, 'RATE_LIMITED');
    expect(await snapshot(hub)).toEqual(before);

    // the kiosk did not get an answer to its first request and asks again: that is not a new number
    const retry = await hub.call('POST', '/api/visits', kiosk, bodies[0]);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ number: 'K001', replayed: true });
    expect(await waitingCount(hub, 'kela')).toBe(3);

    hub.clock.advanceMinutes(1);
    const later = await hub.call('POST', '/api/visits', kiosk, fourth);
    expect(later.status).toBe(201);
    expect(later.body.number).toBe('K004');
  });

  it('does not limit staff issuing for walk-ins', async () => {
    for (let i = 0; i < 3; i++) await issue(hub, ['kela']);
    expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['kela'])), 429, 'RATE_LIMITED');
    const staff = await as(hub, 'kela');
    for (let i = 0; i < 4; i++) await issue(hub, ['kela'], { by: staff });
    expect(await waitingCount(hub, 'kela')).toBe(7);
  });
});

describe('POST /api/visits — a new number shows in the lines', () => {
  it('counts the new visitor in GET /api/queues', async () => {
    const hub = await startHub();
    try {
      const before = await hub.call('GET', '/api/queues', kiosk);
      await issue(hub, ['kela']);
      const after = await hub.call('GET', '/api/queues', kiosk);
      expect(after.body.seq).toBeGreaterThan(before.body.seq);
      expect(expectOk(after).queues.find((q: any) => q.serviceId === sid(hub, 'kela')).waiting).toBe(1);
    } finally {
      await hub.app.close();
    }
  });
});
