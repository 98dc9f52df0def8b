import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, callNext, expectError, expectOk, issue, openDesk, sid, stepAction, type Staff } from './helpers.js';

const day = '2026-11-24';
const tablet = { token: 'demo-feedback' } as const;

let hub: TestHub;
let kela: Staff;
let asunnot: Staff;
let neuvonta: Staff;
let admin: Staff;

beforeAll(async () => {
  hub = await startHub({ now: `${day}T09:00:00+02:00` });
  kela = await as(hub, 'kela');
  asunnot = await as(hub, 'asunnot');
  neuvonta = await as(hub, 'neuvonta');
  admin = await as(hub, 'admin');
  await openDesk(hub, kela, '1', ['kela']);
  await openDesk(hub, asunnot, '4', ['asunnot']);
  await openDesk(hub, neuvonta, '2', ['neuvonta']);
});
afterAll(async () => {
  await hub.app.close();
});

/** Calls the next visitor at the desk, starts and finishes them (or refers them on). */
async function serve(who: Staff, desk: string, refer?: string): Promise<void> {
  const called = expectOk(await callNext(hub, who, desk));
  expectOk(await stepAction(hub, who, called.step.id, 'start'));
  hub.clock.advanceMinutes(3);
  if (refer) expectOk(await stepAction(hub, who, called.step.id, 'refer', { services: [sid(hub, refer)], reason: 'needs_other_service' }));
  else expectOk(await stepAction(hub, who, called.step.id, 'finish'));
}

/** A visit served to its end: Kela alone, Kela then Asunnot, or Guidance alone. */
async function endedVisit(path: 'kela' | 'kela-asunnot' | 'guidance'): Promise<string> {
  const visit = await issue(hub, path === 'guidance' ? 'guidance' : ['kela']);
  if (path === 'guidance') await serve(neuvonta, '2');
  else if (path === 'kela') await serve(kela, '1');
  else {
    await serve(kela, '1', 'asunnot');
    await serve(asunnot, '4');
  }
  return visit.token;
}

const answer = (token: string, body: unknown) => hub.call('POST', `/api/visits/${token}/feedback`, null, body);
const stored = () => hub.app.db.prepare('SELECT * FROM feedback ORDER BY day, answer, source, agencies').all() as Record<string, unknown>[];
const total = () => stored().reduce((n, r) => n + Number(r.n), 0);

describe('the phone page asks once, when the visit has ended', () => {
  it('an ended visit answers once; a second answer is refused with FEEDBACK_ALREADY_GIVEN', async () => {
    const token = await endedVisit('kela');
    expect(expectOk(await hub.call('GET', `/api/visits/${token}`)).feedbackGiven).toBe(false);
    const before = total();
    expect(expectOk(await answer(token, { answer: 'yes' }), 201)).toEqual({ ok: true, withPath: true });
    expect(total()).toBe(before + 1);
    expectError(await answer(token, { answer: 'no' }), 409, 'FEEDBACK_ALREADY_GIVEN');
    expect(total()).toBe(before + 1);
    // the page does not ask again on reload
    expect(expectOk(await hub.call('GET', `/api/visits/${token}`)).feedbackGiven).toBe(true);
  });

  it('a visit still in the hub cannot answer, and nothing is stored', async () => {
    const waiting = await issue(hub, ['kela']);
    const before = stored();
    expectError(await answer(waiting.token, { answer: 'yes' }), 409, 'VISIT_NOT_ENDED');
    expect(stored()).toEqual(before);
    // the waiting visitor is served after all, so the next tests start with an empty line
    await serve(kela, '1');
  });

  it('a visit that did not come when called is not asked', async () => {
    const visit = await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, called.step.id, 'no-show'));
    expectError(await answer(visit.token, { answer: 'no' }), 409, 'VISIT_NOT_ENDED');
  });

  it('bad answers get 400 and change nothing: the visit may still answer', async () => {
    const token = await endedVisit('kela');
    const before = stored();
    for (const body of [{ answer: 'maybe' }, {}, { answer: 'yes', visitId: 1 }, { answer: ['yes'] }, { answer: 'YES' }]) {
      expectError(await answer(token, body), 400, 'VALIDATION_FAILED');
    }
    expectError(await answer('not-a-token', { answer: 'yes' }), 400, 'VALIDATION_FAILED');
    expectError(await answer('x'.repeat(32), { answer: 'yes' }), 404, 'VISIT_NOT_FOUND');
    expect(stored()).toEqual(before);
    expect(expectOk(await hub.call('GET', `/api/visits/${token}`)).feedbackGiven).toBe(false);
    expectOk(await answer(token, { answer: 'partly' }), 201);
  });

  it('the stored answer holds the hub, the day, the answer and the path: no visit, number, token or time', async () => {
    const token = await endedVisit('kela-asunnot');
    const visit = expectOk(await hub.call('GET', `/api/visits/${token}`));
    expectOk(await answer(token, { answer: 'no' }), 201);
    const columns = (hub.app.db.prepare('SELECT name FROM pragma_table_info(?)').all('feedback') as { name: string }[]).map((c) => c.name);
    expect(columns.sort()).toEqual(['agencies', 'answer', 'day', 'guidance', 'guidance_first', 'hub_id', 'n', 'path_known', 'referred', 'route', 'source'].sort());
    const row = stored().find((r) => r.answer === 'no' && r.referred === 1)!;
    expect(row).toEqual({
      hub_id: expect.any(Number), day, answer: 'no', source: 'phone', path_known: 1,
      agencies: JSON.stringify([aid(hub, 'kela'), aid(hub, 'asunnot')].sort((a, b) => a - b)),
      route: JSON.stringify([aid(hub, 'kela'), aid(hub, 'asunnot')]),
      referred: 1, guidance: 0, guidance_first: 0, n: 1,
    });
    const text = JSON.stringify(stored());
    expect(text).not.toContain(token);
    expect(text).not.toContain(visit.number);
    // no rowid either: the table is WITHOUT ROWID, so not even the order of answers is kept
    expect(() => hub.app.db.prepare('SELECT rowid FROM feedback').all()).toThrow();
  });
});

describe('the feedback tablet', () => {
  it('counts an answer without a ticket with an unknown path', async () => {
    const before = stored().filter((r) => r.source === 'tablet' && r.path_known === 0).reduce((n, r) => n + Number(r.n), 0);
    expect(expectOk(await hub.call('POST', '/api/feedback', tablet, { answer: 'yes' }), 201)).toEqual({ ok: true, withPath: false });
    const rows = stored().filter((r) => r.source === 'tablet' && r.path_known === 0);
    expect(rows.reduce((n, r) => n + Number(r.n), 0)).toBe(before + 1);
    expect(rows[0]).toEqual(expect.objectContaining({ agencies: '[]', route: '[]', day }));
  });

  it('with the scanned ticket QR keeps the path and counts the visit once, on the tablet or the phone', async () => {
    const token = await endedVisit('guidance');
    const scanned = `http://127.0.0.1:3000/v/${token}`;
    expect(expectOk(await hub.call('POST', '/api/feedback', tablet, { answer: 'yes', ticket: scanned }), 201)).toEqual({ ok: true, withPath: true });
    const row = stored().find((r) => r.source === 'tablet' && r.guidance_first === 1)!;
    expect(row).toEqual(expect.objectContaining({ route: JSON.stringify([aid(hub, 'neuvonta')]), guidance: 1, referred: 0 }));
    expectError(await hub.call('POST', '/api/feedback', tablet, { answer: 'no', ticket: scanned }), 409, 'FEEDBACK_ALREADY_GIVEN');
    expectError(await answer(token, { answer: 'no' }), 409, 'FEEDBACK_ALREADY_GIVEN');
  });

  it('refuses a ticket it cannot place, other devices and bad answers, storing nothing', async () => {
    const before = stored();
    expectError(await hub.call('POST', '/api/feedback', tablet, { answer: 'yes', ticket: 'hello' }), 404, 'VISIT_NOT_FOUND');
    expectError(await hub.call('POST', '/api/feedback', tablet, { answer: 'ok' }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/feedback', kiosk, { answer: 'yes' }), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', '/api/feedback', kela, { answer: 'yes' }), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', '/api/feedback', null, { answer: 'yes' }), 401, 'UNAUTHENTICATED');
    expect(stored()).toEqual(before);
  });

  it('a new tablet pairs like a kiosk and then answers with its own token', async () => {
    const start = expectOk(await hub.call('POST', '/api/pairing', null, { kind: 'feedback' }), 201);
    const paired = expectOk(await hub.call('POST', '/api/admin/devices/pair', admin, { code: start.code, name: 'Exit tablet', zone: null }), 201);
    expect(paired.device).toMatchObject({ kind: 'feedback', name: 'Exit tablet' });
    const res = await hub.app.inject({ method: 'GET', url: `/api/pairing/${start.id}`, headers: { 'x-pairing-secret': start.secret } });
    const token = res.json().token as string;
    expect(expectOk(await hub.call('POST', '/api/feedback', { token }, { answer: 'yes' }), 201)).toEqual({ ok: true, withPath: false });
    // a feedback tablet is not a kiosk
    expectError(await hub.call('POST', '/api/visits', { token }, { services: [sid(hub, 'kela')], language: 'fi', idempotencyKey: 'pairing-test-key' }), 403, 'FORBIDDEN');
  });

  it('gives its hub name and languages to ask in', async () => {
    const setup = expectOk(await hub.call('GET', '/api/feedback/setup', tablet));
    expect(setup.languages[0]).toBe('fi');
    expect(setup.languages).toEqual(expect.arrayContaining(['fi', 'sv', 'en', 'ar']));
    expectError(await hub.call('GET', '/api/feedback/setup', kiosk), 403, 'FORBIDDEN');
  });
});

describe('report "sorted in one visit"', () => {
  beforeAll(async () => {
    hub.clock.advanceMinutes(60);
    // five more of each path, so that every group is large enough to show its shares
    const plan: ['kela' | 'kela-asunnot' | 'guidance', string[]][] = [
      ['kela', ['yes', 'yes', 'yes', 'no', 'partly']],
      ['kela-asunnot', ['yes', 'partly', 'no', 'no']],
      ['guidance', ['yes', 'yes', 'yes', 'yes', 'yes']],
    ];
    for (const [path, answers] of plan) {
      for (const a of answers) expectOk(await answer(await endedVisit(path), { answer: a }), 201);
    }
  });

  const report = async (who: Staff, query = '') => expectOk(await hub.call('GET', `/api/reports/feedback?day=${day}${query}`, who));

  it('gives the shares per agency, per path and per "I don\'t know" outcome, with how many answered', async () => {
    const r = await report(admin);
    const kelaId = aid(hub, 'kela');
    const asunnotId = aid(hub, 'asunnot');
    const guide = aid(hub, 'neuvonta');
    // phone: kela yes + partly (earlier tests), kela-asunnot no; tablet: guidance yes, one unknown
    expect(r.byPath).toEqual(expect.arrayContaining([
      { route: [kelaId], answered: 7, yes: 4, partly: 2, no: 1, yesPct: 57.1, partlyPct: 28.6, noPct: 14.3 },
      { route: [kelaId, asunnotId], answered: 5, yes: 1, partly: 1, no: 3, yesPct: 20, partlyPct: 20, noPct: 60 },
      { route: [guide], answered: 6, yes: 6, partly: 0, no: 0, yesPct: 100, partlyPct: 0, noPct: 0 },
    ]));
    expect(r.byAgency).toEqual(expect.arrayContaining([
      expect.objectContaining({ agencyId: kelaId, answered: 12, yes: 5 }),
      expect.objectContaining({ agencyId: asunnotId, answered: 5, yes: 1 }),
      expect.objectContaining({ agencyId: guide, answered: 6, yesPct: 100 }),
    ]));
    expect(r.byGuidanceOutcome).toEqual([{ outcome: 'sorted', agencyId: null, answered: 6, yes: 6, partly: 0, no: 0, yesPct: 100, partlyPct: 0, noPct: 0 }]);
    // two tablet answers without a ticket: counted in all, their group too small to show
    expect(r.unknownPath).toEqual({ answered: 2, yes: null, partly: null, no: null, yesPct: null, partlyPct: null, noPct: null });
    expect(r.all).toEqual(expect.objectContaining({ answered: 20, yes: 13 }));
    expect(r.minAnswers).toBe(5);
  });

  it('shows agency staff only answers of visits that reached their agencies', async () => {
    const r = await report(asunnot);
    const asunnotId = aid(hub, 'asunnot');
    expect(r.byAgency.map((g: any) => g.agencyId)).toEqual([asunnotId]);
    expect(r.byPath.map((g: any) => g.route)).toEqual([[aid(hub, 'kela'), asunnotId]]);
    expect(r.byGuidanceOutcome).toEqual([]);
    expect(r.unknownPath).toBeNull();
    expect(r.all.answered).toBe(5);
    expectError(await hub.call('GET', `/api/reports/feedback?day=${day}&agency=${aid(hub, 'kela')}`, asunnot), 403, 'FORBIDDEN');
  });

  it('as CSV, one row per group with the path spelled out', async () => {
    const res = await hub.app.inject({ method: 'GET', url: `/api/reports/feedback?day=${day}&format=csv&lang=en&sep=comma`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('group,agency,path,answered,yes,partly,no,yes_pct,partly_pct,no_pct');
    expect(lines).toContain('path,,Kela → Mäntsälä Rental Housing,5,1,1,3,20,20,60');
    expect(lines).toContain('guidance_sorted,,,6,6,0,0,100,0,0');
    expect(lines).toContain('unknown_path,,,2,,,,,,');
  });
});

describe('a feedback tablet cannot flood the answers', () => {
  it('answers beyond the per-minute limit get 429 RATE_LIMITED and are not counted', async () => {
    const own = await startHub({ now: `${day}T09:00:00+02:00`, config: { feedbackRateLimitPerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) expectOk(await own.call('POST', '/api/feedback', tablet, { answer: 'yes' }), 201);
      expectError(await own.call('POST', '/api/feedback', tablet, { answer: 'yes' }), 429, 'RATE_LIMITED');
      const n = own.app.db.prepare('SELECT sum(n) AS n FROM feedback').get() as { n: number };
      expect(n.n).toBe(3);
      own.clock.advanceMinutes(1);
      expectOk(await own.call('POST', '/api/feedback', tablet, { answer: 'yes' }), 201);
    } finally {
      await own.app.close();
    }
  });
});

describe('anonymisation', () => {
  it('clears the mark that a visit answered, and keeps the anonymous answers', async () => {
    const token = await endedVisit('kela');
    expectOk(await answer(token, { answer: 'yes' }), 201);
    const id = (hub.app.db.prepare('SELECT id FROM visits WHERE token = ?').get(token) as { id: number }).id;
    const before = stored();
    hub.clock.advanceMinutes(91 * 24 * 60);
    purgeExpired(hub.app.commands);
    const visit = hub.app.db.prepare('SELECT token, feedback_given FROM visits WHERE id = ?').get(id) as { token: string; feedback_given: number };
    expect(visit).toEqual({ token: `anon-${id}`, feedback_given: 0 });
    expect(stored()).toEqual(before);
  });
});
