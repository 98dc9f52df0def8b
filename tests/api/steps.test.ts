import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import {
  as,
  callNext,
  callNextNumber,
  did,
  expectError,
  expectOk,
  issue,
  me,
  openDesk,
  phonePage,
  sid,
  snapshot,
  stepAction,
  waitingCount,
  waitingStepId,
  type Staff,
} from './helpers.js';

let hub: TestHub;
let kela: Staff;
beforeEach(async () => {
  hub = await startHub();
  kela = await as(hub, 'kela');
});
afterEach(async () => {
  await hub.app.close();
});

const deskOne = async () => expectOk(await hub.call('GET', '/api/desks', kiosk)).desks.find((d: any) => d.name === '1');

/** One Kela visitor called to desk 1; returns the call answer and the visit as issued. */
async function calledVisitor(services: string[] = ['kela']): Promise<{ stepId: number; visit: any }> {
  const visit = await issue(hub, services);
  await openDesk(hub, kela, '1', ['kela']);
  const called = expectOk(await callNext(hub, kela, '1'));
  expect(called.step.number).toBe(visit.number);
  return { stepId: called.step.id, visit };
}

describe('GET /api/steps/:id', () => {
  it('shows the step and its whole visit to staff of the line', async () => {
    await issue(hub, ['kela', 'asunnot'], { language: 'ru', needs: { interpreter: true, accompanied: true } });
    const stepId = await waitingStepId(hub, kela, 'kela', 'K001');
    const body = expectOk(await hub.call('GET', `/api/steps/${stepId}`, kela));
    expect(body.step).toMatchObject({
      id: stepId,
      number: 'K001',
      serviceId: sid(hub, 'kela'),
      status: 'waiting',
      position: 1,
      priority: 0,
      language: 'ru',
      needs: { interpreter: true, accessible: false, accompanied: true },
      deskId: null,
      userId: null,
      calledAt: null,
      referredFrom: null,
    });
    expect(body.step.queueTime).toBe(hub.clock.now().toISOString());
    expect(body.visit).toMatchObject({ number: 'K001', status: 'active', language: 'ru', referrals: [] });
    expect(body.visit.steps.map((s: any) => s.status)).toEqual(['waiting', 'planned']);
  });

  it('answers 404 STEP_NOT_FOUND, 400 for a bad id, 401 and 403 for devices', async () => {
    expectError(await hub.call('GET', '/api/steps/999999', kela), 404, 'STEP_NOT_FOUND');
    expectError(await hub.call('GET', '/api/steps/abc', kela), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', '/api/steps/-1', kela), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', '/api/steps/1'), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/steps/1', kiosk), 403, 'FORBIDDEN');
    expectError(await hub.call('GET', '/api/steps/1', display), 403, 'FORBIDDEN');
  });
});

describe('POST /api/steps/:id/recall', () => {
  it('announces a called visitor again and keeps them at the desk', async () => {
    const { stepId } = await calledVisitor();
    const res = expectOk(await stepAction(hub, kela, stepId, 'recall'));
    expect(res.step).toMatchObject({ id: stepId, status: 'called', deskId: did(hub, '1') });
    expect((await deskOne()).currentStepId).toBe(stepId);
  });

  it('refuses a visitor who is not called (409 STEP_NOT_CALLED)', async () => {
    await issue(hub, ['kela']);
    const waiting = await waitingStepId(hub, kela, 'kela', 'K001');
    expectError(await stepAction(hub, kela, waiting, 'recall'), 409, 'STEP_NOT_CALLED');
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, called.step.id, 'start'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, called.step.id, 'recall'), 409, 'STEP_NOT_CALLED');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('POST /api/steps/:id/start', () => {
  it('starts serving the called visitor', async () => {
    const { stepId } = await calledVisitor();
    hub.clock.advanceMinutes(1);
    const res = expectOk(await stepAction(hub, kela, stepId, 'start'));
    expect(res.step).toMatchObject({ status: 'serving', deskId: did(hub, '1'), startedAt: hub.clock.now().toISOString() });
    expect((await deskOne()).currentStepId).toBe(stepId);
  });

  it('refuses a waiting visitor or one already being served (409 STEP_NOT_CALLED)', async () => {
    await issue(hub, ['kela']);
    const waiting = await waitingStepId(hub, kela, 'kela', 'K001');
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, waiting, 'start'), 409, 'STEP_NOT_CALLED');
    expect(await snapshot(hub)).toEqual(before);
    await openDesk(hub, kela, '1', ['kela']);
    expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, waiting, 'start'));
    expectError(await stepAction(hub, kela, waiting, 'start'), 409, 'STEP_NOT_CALLED');
  });
});

describe('POST /api/steps/:id/finish', () => {
  it('ends the visit and frees the desk', async () => {
    const { stepId, visit } = await calledVisitor();
    expectOk(await stepAction(hub, kela, stepId, 'start'));
    hub.clock.advanceMinutes(7);
    const res = expectOk(await stepAction(hub, kela, stepId, 'finish'));
    expect(res.step).toMatchObject({ status: 'done', endedAt: hub.clock.now().toISOString() });
    expect(res.visit.status).toBe('done');
    expect((await deskOne()).currentStepId).toBeNull();
    expect((await phonePage(hub, visit.token)).status).toBe('done');
  });

  it('may finish a called visitor straight away, without starting', async () => {
    const { stepId } = await calledVisitor();
    expect(expectOk(await stepAction(hub, kela, stepId, 'finish')).step.status).toBe('done');
  });

  it('sends the visitor on to their next planned service, keeping their arrival time', async () => {
    const { stepId } = await calledVisitor(['kela', 'asunnot']);
    hub.clock.advanceMinutes(10);
    await issue(hub, ['asunnot']); // V001 arrives while K001 is at Kela
    const res = expectOk(await stepAction(hub, kela, stepId, 'finish'));
    expect(res.visit.status).toBe('active');
    expect(res.visit.steps.map((s: any) => s.status)).toEqual(['done', 'waiting']);
    expect(await waitingCount(hub, 'asunnot')).toBe(2);
    const asunnot = await as(hub, 'asunnot');
    await openDesk(hub, asunnot, '2', ['asunnot']);
    expect(await callNextNumber(hub, asunnot, '2')).toBe('K001');
  });

  it('refuses a waiting visitor (409) and a finished one (409 STEP_NOT_ACTIVE)', async () => {
    await issue(hub, ['kela']);
    const waiting = await waitingStepId(hub, kela, 'kela', 'K001');
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, waiting, 'finish'), 409, 'ILLEGAL_TRANSITION');
    expect(await snapshot(hub)).toEqual(before);
    await openDesk(hub, kela, '1', ['kela']);
    expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, waiting, 'finish'));
    const after = await snapshot(hub);
    expectError(await stepAction(hub, kela, waiting, 'finish'), 409, 'STEP_NOT_ACTIVE');
    expect(await snapshot(hub)).toEqual(after);
  });
});

describe('POST /api/steps/:id/no-show', () => {
  it('ends the visit as a no-show and drops its planned services', async () => {
    const { stepId, visit } = await calledVisitor(['kela', 'asunnot']);
    const res = expectOk(await stepAction(hub, kela, stepId, 'no-show'));
    expect(res.step.status).toBe('no_show');
    expect(res.visit.status).toBe('no_show');
    expect(res.visit.steps.map((s: any) => s.status)).toEqual(['no_show', 'cancelled']);
    expect(await waitingCount(hub, 'asunnot')).toBe(0);
    expect((await deskOne()).currentStepId).toBeNull();
    expect((await phonePage(hub, visit.token)).status).toBe('no_show');
  });

  it('refuses a visitor who is being served (409 STEP_NOT_CALLED)', async () => {
    const { stepId } = await calledVisitor();
    expectOk(await stepAction(hub, kela, stepId, 'start'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, stepId, 'no-show'), 409, 'STEP_NOT_CALLED');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('POST /api/steps/:id/return', () => {
  it('puts the visitor back in line at their old place, before later arrivals', async () => {
    await issue(hub, ['kela']); // K001 at 10:00
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    hub.clock.advanceMinutes(5);
    await issue(hub, ['kela']); // K002 at 10:05
    hub.clock.advanceMinutes(5);
    const res = expectOk(await stepAction(hub, kela, called.step.id, 'return'));
    expect(res.step).toMatchObject({ status: 'waiting', deskId: null, userId: null, calledAt: null });
    expect(res.step.queueTime).toBe(new Date('2026-11-24T10:00:00+02:00').toISOString());
    expect((await deskOne()).currentStepId).toBeNull();
    expect(await waitingCount(hub, 'kela')).toBe(2);
    expect(await callNextNumber(hub, kela, '1')).toBe('K001');
  });

  it('shows the returned visitor as waiting with nobody ahead on the phone page', async () => {
    const { stepId, visit } = await calledVisitor();
    await issue(hub, ['kela']);
    expectOk(await stepAction(hub, kela, stepId, 'return'));
    expect((await phonePage(hub, visit.token)).current).toMatchObject({ status: 'waiting', desk: null, peopleAhead: 0 });
  });

  it('refuses a visitor who is already waiting (409)', async () => {
    await issue(hub, ['kela']);
    const waiting = await waitingStepId(hub, kela, 'kela', 'K001');
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, waiting, 'return'), 409, 'ILLEGAL_TRANSITION');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('POST /api/steps/:id/cancel', () => {
  it('cancels a waiting visitor who left, with their planned services', async () => {
    const visit = await issue(hub, ['kela', 'asunnot']);
    const stepId = await waitingStepId(hub, kela, 'kela', 'K001');
    const res = expectOk(await stepAction(hub, kela, stepId, 'cancel'));
    expect(res.step.status).toBe('cancelled');
    expect(res.visit.status).toBe('cancelled');
    expect(res.visit.steps.map((s: any) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(await waitingCount(hub, 'kela')).toBe(0);
    const page = await phonePage(hub, visit.token);
    expect(page.status).toBe('cancelled');
    expect(page.current).toBeNull();
  });

  it('cancels a visitor at the desk and frees the desk', async () => {
    const { stepId } = await calledVisitor();
    expectOk(await stepAction(hub, kela, stepId, 'cancel'));
    expect((await deskOne()).currentStepId).toBeNull();
  });

  it('drops only a planned service when that step is cancelled; the visitor carries on at Kela', async () => {
    const { stepId, visit } = await calledVisitor(['kela', 'asunnot']);
    const asunnot = await as(hub, 'asunnot');
    const plannedId = (await hub.call('GET', `/api/steps/${stepId}`, kela)).body.visit.steps[1].id;
    const res = expectOk(await stepAction(hub, asunnot, plannedId, 'cancel'));
    expect(res.step.status).toBe('cancelled');
    // the visitor is still at Kela's desk: the visit goes on
    expect(res.visit.status).toBe('active');
    expect(res.visit.steps.map((s: any) => s.status)).toEqual(['called', 'cancelled']);
    expect((await phonePage(hub, visit.token))).toMatchObject({ status: 'active', current: { serviceId: sid(hub, 'kela'), status: 'called' } });
    const done = expectOk(await stepAction(hub, kela, stepId, 'finish'));
    expect(done.visit.status).toBe('done');
  });

  it('refuses a visit that is over (409 STEP_NOT_ACTIVE)', async () => {
    await issue(hub, ['kela']);
    const stepId = await waitingStepId(hub, kela, 'kela', 'K001');
    expectOk(await stepAction(hub, kela, stepId, 'cancel'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, stepId, 'cancel'), 409, 'STEP_NOT_ACTIVE');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('step actions — common refusals', () => {
  const actions = ['recall', 'start', 'finish', 'no-show', 'return', 'cancel', 'refer'];

  it.each(actions)('%s: 404 STEP_NOT_FOUND, 400 for a bad id, 401 anonymous, 403 for a device', async (action) => {
    const body = action === 'refer' ? { services: [sid(hub, 'asunnot')], reason: 'other' } : undefined;
    expectError(await stepAction(hub, kela, 999_999, action, body), 404, 'STEP_NOT_FOUND');
    expectError(await hub.call('POST', `/api/steps/abc/${action}`, kela, body), 400, 'VALIDATION_FAILED');
    expectError(await stepAction(hub, null, 1, action, body), 401, 'UNAUTHENTICATED');
    expectError(await stepAction(hub, kiosk, 1, action, body), 403, 'FORBIDDEN');
  });

  it('records who served: the caller is the staff member who called', async () => {
    const { stepId } = await calledVisitor();
    const res = expectOk(await hub.call('GET', `/api/steps/${stepId}`, kela));
    expect(res.step.userId).toBe((await me(hub, kela)).user.id);
  });
});
