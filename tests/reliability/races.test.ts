/**
 * Requests that arrive together over separate HTTP connections: rule 1 (two desks never get one
 * visitor), rule 3 (one idempotency key, one visit) and two endings of one step (one wins, the
 * other is told why with a 409 and a code). Every answer is checked, and so is the database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHub, type HttpHub, type Who } from './support/http-hub.js';
import type { JsonResponse } from './support/server-process.js';

let h: HttpHub;
let admin: Who;
const kiosk = { token: 'demo-kiosk' };
let seq = 0;
const key = () => `race-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

beforeEach(async () => {
  h = await startHttpHub();
  admin = await h.login('admin');
});
afterEach(async () => {
  await h.close();
});

const service = (code: string) => h.hub.ids.service[code]!;
const desk = (name: string) => h.hub.ids.desk[name]!;
const agency = (code: string) => h.hub.ids.agency[code]!;
const row = <T>(sql: string, ...args: unknown[]) => h.hub.app.db.prepare(sql).get(...args) as T;
const rows = <T>(sql: string, ...args: unknown[]) => h.hub.app.db.prepare(sql).all(...args) as T[];

function expectStatuses(results: JsonResponse[], allowed: Record<number, readonly string[] | 'ok'>): void {
  for (const r of results) {
    const rule = allowed[r.status];
    expect(rule, `unexpected ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeDefined();
    if (rule !== 'ok') expect(rule, JSON.stringify(r.body)).toContain(r.body?.error?.code);
  }
}

/** Kela staff accounts made through the admin API, each logged in on its own session. */
async function kelaStaff(n: number): Promise<Who[]> {
  const created = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      h.call('POST', '/api/admin/users', admin, {
        username: `kela-race-${i + 1}`,
        displayName: `Kela ${i + 1}`,
        password: 'race-password-1',
        role: 'staff',
        agencyIds: [agency('kela')],
      }),
    ),
  );
  for (const c of created) expect(c.status, JSON.stringify(c.body)).toBe(201);
  return Promise.all(created.map((c) => h.login(c.body.username, 'race-password-1')));
}

async function issueMany(n: number, code: string): Promise<string[]> {
  const results = await Promise.all(
    Array.from({ length: n }, () => h.call('POST', '/api/visits', kiosk, { services: [service(code)], language: 'fi', idempotencyKey: key() })),
  );
  expectStatuses(results, { 201: 'ok' });
  return results.map((r) => r.body.number);
}

async function openDesk(who: Who, name: string, codes: string[]): Promise<void> {
  const res = await h.call('POST', `/api/desks/${desk(name)}/open`, who, { services: codes.map(service) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('call next from many desks at once', () => {
  it('gives every waiting visitor to exactly one desk when six desks keep pressing, three times at once each', async () => {
    const staff = await kelaStaff(6);
    // the kiosk issues them all at once too: 60 numbers, none twice
    const issued = await issueMany(60, 'kela');
    expect(new Set(issued).size).toBe(60);
    await Promise.all(staff.map((who, i) => openDesk(who, String(i + 1), ['kela'])));

    const called: { number: string; stepId: number; desk: string }[] = [];
    const answers: JsonResponse[] = [];
    await Promise.all(
      staff.map(async (who, i) => {
        const name = String(i + 1);
        for (;;) {
          // an impatient clerk: the same desk presses three times before the first answer
          const tries = await Promise.all([1, 2, 3].map(() => h.call('POST', `/api/desks/${desk(name)}/call-next`, who)));
          answers.push(...tries);
          const won = tries.filter((t) => t.status === 200);
          expect(won.length, `desk ${name} got ${won.length} visitors at once`).toBeLessThanOrEqual(1);
          if (won.length === 0) {
            if (tries.every((t) => t.body?.error?.code === 'QUEUE_EMPTY')) return;
            continue;
          }
          const step = won[0]!.body.step;
          called.push({ number: step.number, stepId: step.id, desk: name });
          const done = await h.call('POST', `/api/steps/${step.id}/finish`, who);
          expect(done.status, JSON.stringify(done.body)).toBe(200);
        }
      }),
    );

    expectStatuses(answers, { 200: 'ok', 409: ['DESK_BUSY', 'QUEUE_EMPTY'] });
    expect(called).toHaveLength(60);
    expect(new Set(called.map((c) => c.number))).toEqual(new Set(issued));
    expect(new Set(called.map((c) => c.stepId)).size).toBe(60);
    // several desks really worked side by side
    expect(new Set(called.map((c) => c.desk)).size).toBeGreaterThan(1);
    // the database agrees: one call per step, every visit done
    expect(rows('SELECT step_id FROM calls GROUP BY step_id HAVING count(*) > 1')).toEqual([]);
    expect(row<{ n: number }>('SELECT count(*) AS n FROM calls').n).toBe(60);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM visits WHERE status = 'done'").n).toBe(60);
  });

  it('gives a visitor chosen by two desks, while a third presses call next, to exactly one of them', async () => {
    const [a, b, c] = await kelaStaff(3);
    await openDesk(a!, '1', ['kela']);
    await openDesk(b!, '2', ['kela']);
    await openDesk(c!, '3', ['kela']);
    for (let round = 0; round < 15; round++) {
      const [number] = await issueMany(1, 'kela');
      const stepId = row<{ id: number }>("SELECT id FROM steps WHERE status = 'waiting'").id;
      const results = await Promise.all([
        h.call('POST', `/api/steps/${stepId}/call`, a, { deskId: desk('1') }),
        h.call('POST', `/api/steps/${stepId}/call`, b, { deskId: desk('2') }),
        h.call('POST', `/api/desks/${desk('3')}/call-next`, c),
      ]);
      expectStatuses(results, { 200: 'ok', 409: ['STEP_NOT_WAITING', 'QUEUE_EMPTY'] });
      const winners = results.filter((r) => r.status === 200);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(winners[0]!.body.step.number).toBe(number);
      const winner = [a, b, c][results.indexOf(winners[0]!)]!;
      expect((await h.call('POST', `/api/steps/${stepId}/finish`, winner)).status).toBe(200);
    }
    expect(rows('SELECT step_id FROM calls GROUP BY step_id HAVING count(*) > 1')).toEqual([]);
  });
});

describe('one idempotency key sent many times at once', () => {
  it('makes one visit; every other answer replays it', async () => {
    const visitsBefore = row<{ n: number }>('SELECT count(*) AS n FROM visits').n;
    const kela = await h.login('kela');
    for (let round = 0; round < 5; round++) {
      const body = { services: [service('kela'), service('asunnot')], language: 'sv', needs: { interpreter: true }, idempotencyKey: key() };
      // the kiosk's retries, and a staff member's walk-in form sent twice, all at once
      const results = await Promise.all(Array.from({ length: 24 }, (_, i) => h.call('POST', '/api/visits', i % 6 === 5 ? kela : kiosk, body)));
      expectStatuses(results, { 200: 'ok', 201: 'ok' });
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const first = results.find((r) => r.status === 201)!.body;
      for (const r of results) {
        expect(r.body.replayed).toBe(r.status === 200);
        expect({ visitId: r.body.visitId, number: r.body.number, token: r.body.token }).toEqual({ visitId: first.visitId, number: first.number, token: first.token });
      }
    }
    expect(row<{ n: number }>('SELECT count(*) AS n FROM visits').n).toBe(visitsBefore + 5);
    expect(row<{ n: number }>('SELECT count(*) AS n FROM steps').n).toBe(10);
  });

  it('makes one visit when different requests race under one key; the others are refused with IDEMPOTENCY_CONFLICT', async () => {
    for (let round = 0; round < 5; round++) {
      const idempotencyKey = key();
      const bodies = [
        { services: [service('kela')], language: 'fi', idempotencyKey },
        { services: [service('kunta')], language: 'fi', idempotencyKey },
        { guidance: true, language: 'en', idempotencyKey },
      ];
      const before = row<{ n: number }>('SELECT count(*) AS n FROM visits').n;
      const results = await Promise.all(Array.from({ length: 18 }, (_, i) => h.call('POST', '/api/visits', kiosk, bodies[i % 3])));
      expectStatuses(results, { 200: 'ok', 201: 'ok', 409: ['IDEMPOTENCY_CONFLICT'] });
      expect(row<{ n: number }>('SELECT count(*) AS n FROM visits').n).toBe(before + 1);
      const created = results.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      // whoever won, the same request wins every time after it, and only that request
      const winner = results.indexOf(created[0]!) % 3;
      results.forEach((r, i) => expect(r.status, `request ${i} (body ${i % 3}, winner ${winner})`).toBe(i % 3 === winner ? (r === created[0] ? 201 : 200) : 409));
    }
  });
});

describe('the same admin change twice at once', () => {
  it('creates one account when the same username is sent five times at once (the password hash is awaited in between)', async () => {
    const body = { username: 'twice', displayName: 'Twice', password: 'twice-password-1', role: 'staff', agencyIds: [agency('kela')] };
    const results = await Promise.all(Array.from({ length: 5 }, () => h.call('POST', '/api/admin/users', admin, body)));
    expectStatuses(results, { 201: 'ok', 409: ['USERNAME_TAKEN'] });
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM users WHERE username = 'twice'").n).toBe(1);
  });

  it('pairs a device once when the admin submits its code twice at once', async () => {
    const pairing = await h.call('POST', '/api/pairing', null, { kind: 'display' });
    expect(pairing.status).toBe(201);
    const results = await Promise.all([1, 2, 3].map((i) => h.call('POST', '/api/admin/devices/pair', admin, { code: pairing.body.code, name: `Lobby ${i}` })));
    expectStatuses(results, { 201: 'ok', 404: ['NOT_FOUND'] });
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const status = await fetch(`${h.url}/api/pairing/${pairing.body.id}`, { headers: { 'x-pairing-secret': pairing.body.secret } });
    expect(((await status.json()) as { status: string }).status).toBe('paired');
    expect(row<{ n: number }>("SELECT count(*) AS n FROM devices WHERE name LIKE 'Lobby %'").n).toBe(1);
  });
});

describe('two endings of one step at once', () => {
  /** A Kela visitor called to desk 1 by `who`; returns the step id and visit id. */
  async function calledVisitor(who: Who): Promise<{ stepId: number; visitId: number }> {
    await issueMany(1, 'kela');
    const res = await h.call('POST', `/api/desks/${desk('1')}/call-next`, who);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { stepId: res.body.step.id, visitId: res.body.step.visitId };
  }

  it('lets refer or no-show win, never both; the loser gets a 409 with a code and the database holds only the winner', async () => {
    const kela = await h.login('kela');
    // only the user holding the visitor acts on them (docs/security.md §1): the race is the
    // clerk's own two browsers (a colleague is refused with 403 before any race)
    const second = await h.login('kela');
    await openDesk(kela, '1', ['kela']);
    for (let round = 0; round < 20; round++) {
      const { stepId, visitId } = await calledVisitor(kela);
      // the clerk refers in one window while marking a no-show in the other; order varies
      const order = round % 2 === 0 ? (['refer', 'no-show'] as const) : (['no-show', 'refer'] as const);
      const results = await Promise.all(
        order.map((action) =>
          action === 'refer'
            ? h.call('POST', `/api/steps/${stepId}/refer`, kela, { services: [service('asunnot')], reason: 'needs_other_service', note: 'rent arrears' })
            : h.call('POST', `/api/steps/${stepId}/no-show`, second),
        ),
      );
      expectStatuses(results, { 200: 'ok', 409: ['STEP_NOT_CALLED', 'STEP_NOT_ACTIVE', 'ILLEGAL_TRANSITION'] });
      const ok = results.flatMap((r, i) => (r.status === 200 ? [order[i]!] : []));
      expect(ok, `round ${round}: ${results.map((r) => r.status).join(', ')}`).toHaveLength(1);
      const winner = ok[0]!;

      const step = row<{ status: string }>('SELECT status FROM steps WHERE id = ?', stepId);
      const visit = row<{ status: string }>('SELECT status FROM visits WHERE id = ?', visitId);
      const referrals = row<{ n: number }>('SELECT count(*) AS n FROM referrals WHERE visit_id = ?', visitId).n;
      const waitingElsewhere = row<{ n: number }>("SELECT count(*) AS n FROM steps WHERE visit_id = ? AND status = 'waiting'", visitId).n;
      if (winner === 'refer') {
        expect({ step: step.status, visit: visit.status, referrals, waitingElsewhere }).toEqual({ step: 'referred', visit: 'active', referrals: 1, waitingElsewhere: 1 });
      } else {
        expect({ step: step.status, visit: visit.status, referrals, waitingElsewhere }).toEqual({ step: 'no_show', visit: 'no_show', referrals: 0, waitingElsewhere: 0 });
      }
    }
  });

  it('lets exactly one of two conflicting actions win for finish/return, finish/cancel, no-show/start and refer/finish', async () => {
    const kela = await h.login('kela');
    await openDesk(kela, '1', ['kela']);
    const pairs = [
      ['finish', 'return'],
      ['finish', 'cancel'],
      ['no-show', 'start'],
      ['refer', 'finish'],
    ] as const;
    for (const [x, y] of pairs) {
      for (let round = 0; round < 5; round++) {
        const { stepId } = await calledVisitor(kela);
        const send = (action: string) =>
          h.call('POST', `/api/steps/${stepId}/${action}`, kela, action === 'refer' ? { services: [service('tyo')], reason: 'other' } : undefined);
        const results = await Promise.all([send(x), send(y)]);
        expectStatuses(results, { 200: 'ok', 409: ['STEP_NOT_CALLED', 'STEP_NOT_ACTIVE', 'ILLEGAL_TRANSITION', 'STEP_NOT_WAITING'] });
        expect(results.filter((r) => r.status === 200), `${x} vs ${y}: ${results.map((r) => r.status)}`).toHaveLength(1);
        // a returned visitor waits again; take them off the desk's hands for the next round
        const after = row<{ status: string }>('SELECT status FROM steps WHERE id = ?', stepId).status;
        if (after === 'waiting' || after === 'serving') expect((await h.call('POST', `/api/steps/${stepId}/cancel`, kela)).status).toBe(200);
      }
    }
  });
});
