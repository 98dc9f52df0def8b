import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import {
  aid,
  as,
  callNext,
  expectError,
  expectOk,
  issue,
  me,
  openDesk,
  phonePage,
  queues,
  serveNext,
  sid,
  snapshot,
  stepAction,
  waitingCount,
  type Staff,
} from './helpers.js';

const nine = '2026-11-24T09:00:00+02:00';
const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+02:00`).toISOString();

let hub: TestHub;
let kela: Staff;
let asunnot: Staff;
beforeEach(async () => {
  hub = await startHub({ now: nine });
  kela = await as(hub, 'kela');
  asunnot = await as(hub, 'asunnot');
  await openDesk(hub, kela, '1', ['kela']);
  await openDesk(hub, asunnot, '2', ['asunnot']);
});
afterEach(async () => {
  await hub.app.close();
});

/** Moves the hand clock to a time of this Tuesday. */
const setTime = (hhmm: string) => hub.clock.set(`2026-11-24T${hhmm}:00+02:00`);

/** Kela calls its next visitor and refers them on; returns the refer answer. */
async function kelaRefers(body: Record<string, unknown>): Promise<any> {
  const called = expectOk(await callNext(hub, kela, '1'));
  return expectOk(await stepAction(hub, kela, called.step.id, 'refer', { reason: 'needs_other_service', ...body }));
}

async function housingOrder(): Promise<string[]> {
  const order: string[] = [];
  while ((await waitingCount(hub, 'asunnot')) > 0) order.push(await serveNext(hub, asunnot, '2'));
  return order;
}

describe('POST /api/steps/:id/refer — the visitor keeps the number', () => {
  it('sends a Kela visitor to housing with a note; the visitor keeps K001 and does not queue again', async () => {
    const visit = await issue(hub, ['kela']);
    setTime('09:20');
    const note = 'Housing allowance decided; needs a flat before 1.12.';
    const res = await kelaRefers({ services: [sid(hub, 'asunnot')], note });

    expect(res.step).toMatchObject({
      number: 'K001',
      serviceId: sid(hub, 'asunnot'),
      agencyId: aid(hub, 'asunnot'),
      status: 'waiting',
      priority: 0,
      queueTime: at('09:00'),
      arrivedAt: at('09:00'),
      referredFrom: { agencyId: aid(hub, 'kela'), serviceId: sid(hub, 'kela'), reason: 'needs_other_service', hasNote: true },
    });
    expect(res.visit.number).toBe('K001');
    expect(res.visit.status).toBe('active');
    expect(res.visit.steps.map((s: any) => [s.serviceId, s.status])).toEqual([
      [sid(hub, 'kela'), 'referred'],
      [sid(hub, 'asunnot'), 'waiting'],
    ]);
    expect(res.visit.referrals).toEqual([
      expect.objectContaining({
        fromAgencyId: aid(hub, 'kela'),
        toAgencyId: aid(hub, 'asunnot'),
        toStepId: res.step.id,
        reason: 'needs_other_service',
        placement: 'keep',
        note,
        noteHidden: false,
        byUserId: (await me(hub, kela)).user.id,
        at: at('09:20'),
      }),
    ]);

    // the visitor's phone page follows, under the same number
    const page = await phonePage(hub, visit.token);
    expect(page.number).toBe('K001');
    expect(page.current).toMatchObject({ serviceId: sid(hub, 'asunnot'), status: 'waiting', peopleAhead: 0 });
    // Kela's desk is free again
    expectError(await callNext(hub, kela, '1'), 409, 'QUEUE_EMPTY');
  });

  it("shows housing staff that the visitor was referred and has a note, in their line", async () => {
    await issue(hub, ['kela']);
    await kelaRefers({ services: [sid(hub, 'asunnot')], note: 'Needs a flat soon' });
    const line = (await queues(hub, asunnot)).find((q) => q.serviceId === sid(hub, 'asunnot'));
    expect(line.entries).toEqual([
      expect.objectContaining({ number: 'K001', referredFrom: { agencyId: aid(hub, 'kela'), reason: 'needs_other_service', hasNote: true } }),
    ]);
    // the line view says a note exists; the text itself is read from the step
    expect(JSON.stringify(line)).not.toContain('Needs a flat soon');
  });

  it('treats an empty note as no note', async () => {
    await issue(hub, ['kela']);
    const res = await kelaRefers({ services: [sid(hub, 'asunnot')], note: '   ' });
    expect(res.step.referredFrom.hasNote).toBe(false);
    expect(res.visit.referrals[0]).toMatchObject({ note: null, noteHidden: false });
  });

  it('may refer a visitor who is being served, and onward again, always under the same number', async () => {
    await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, called.step.id, 'start'));
    expectOk(await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'wrong_queue' }));
    const atHousing = expectOk(await callNext(hub, asunnot, '2'));
    const onward = expectOk(await stepAction(hub, asunnot, atHousing.step.id, 'refer', { services: [sid(hub, 'tyo')], reason: 'visitor_request' }));
    expect(onward.step).toMatchObject({ number: 'K001', serviceId: sid(hub, 'tyo'), status: 'waiting', position: 3 });
    expect(onward.visit.referrals).toHaveLength(2);
  });
});

describe('POST /api/steps/:id/refer — place in the new line', () => {
  it('keeps the arrival time by default: the 9:00 visitor referred at 9:40 goes before the 9:10 housing visitor', async () => {
    await issue(hub, ['kela']); // K001 09:00
    setTime('09:10');
    await issue(hub, ['asunnot']); // V001 09:10
    setTime('09:20');
    const called = expectOk(await callNext(hub, kela, '1'));
    setTime('09:40');
    const res = expectOk(await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service' }));
    expect(res.step.queueTime).toBe(at('09:00'));
    expect(res.visit.referrals[0].placement).toBe('keep');
    expect(await housingOrder()).toEqual(['K001', 'V001']);
  });

  it("placement 'back' queues the referred visitor as if they arrived now", async () => {
    await issue(hub, ['kela']); // K001 09:00
    setTime('09:10');
    await issue(hub, ['asunnot']); // V001 09:10
    setTime('09:30');
    await issue(hub, ['asunnot']); // V002 09:30
    setTime('09:40');
    const res = await kelaRefers({ services: [sid(hub, 'asunnot')], placement: 'back' });
    expect(res.step).toMatchObject({ queueTime: at('09:40'), priority: 0 });
    expect(res.visit.referrals[0].placement).toBe('back');
    setTime('09:45');
    await issue(hub, ['asunnot']); // V003 09:45
    expect(await housingOrder()).toEqual(['V001', 'V002', 'K001', 'V003']);
  });

  it("placement 'front' puts the referred visitor ahead of everyone waiting, in the order referred", async () => {
    await issue(hub, ['asunnot']); // V001 09:00
    setTime('09:01');
    await issue(hub, ['asunnot']); // V002 09:01
    setTime('09:05');
    await issue(hub, ['kela']); // K001 09:05
    await issue(hub, ['kela']); // K002 09:05
    setTime('09:40');
    const first = await kelaRefers({ services: [sid(hub, 'asunnot')], placement: 'front' });
    expect(first.step).toMatchObject({ number: 'K001', priority: 1 });
    setTime('09:45');
    await kelaRefers({ services: [sid(hub, 'asunnot')], placement: 'front' });
    expect(await housingOrder()).toEqual(['K001', 'K002', 'V001', 'V002']);
  });

  it('follows the hub policy set in PUT /api/admin/hub/policy when no placement is given', async () => {
    const admin = await as(hub, 'admin');
    const hubView = expectOk(await hub.call('PUT', '/api/admin/hub/policy', admin, { referralPolicy: 'back', targetWaitMin: 15 }));
    expect(hubView.referralPolicy).toBe('back');
    await issue(hub, ['kela']); // K001 09:00
    setTime('09:10');
    await issue(hub, ['asunnot']); // V001 09:10
    setTime('09:40');
    const res = await kelaRefers({ services: [sid(hub, 'asunnot')] });
    expect(res.visit.referrals[0].placement).toBe('back');
    expect(res.step.queueTime).toBe(at('09:40'));
    expect(await housingOrder()).toEqual(['V001', 'K001']);
  });

  it('lets a placement given with the referral override the hub policy', async () => {
    const admin = await as(hub, 'admin');
    expectOk(await hub.call('PUT', '/api/admin/hub/policy', admin, { referralPolicy: 'back', targetWaitMin: 15 }));
    await issue(hub, ['kela']); // K001 09:00
    setTime('09:10');
    await issue(hub, ['asunnot']); // V001 09:10
    setTime('09:40');
    const res = await kelaRefers({ services: [sid(hub, 'asunnot')], placement: 'keep' });
    expect(res.visit.referrals[0].placement).toBe('keep');
    expect(await housingOrder()).toEqual(['K001', 'V001']);
  });
});

describe('POST /api/steps/:id/refer — the guide plans the visit', () => {
  it('plans Kela then housing at once; after Kela finishes the visit waits for housing by itself', async () => {
    const guide = await as(hub, 'neuvonta');
    const visit = await issue(hub, 'guidance'); // A001 09:00
    setTime('09:05');
    await issue(hub, ['kela']); // K001 09:05
    setTime('09:07');
    await issue(hub, ['asunnot']); // V001 09:07
    await openDesk(hub, guide, '6', ['neuvonta']);
    setTime('09:10');
    const called = expectOk(await callNext(hub, guide, '6'));
    expect(called.step.number).toBe('A001');
    const plan = expectOk(
      await stepAction(hub, guide, called.step.id, 'refer', {
        services: [sid(hub, 'kela'), sid(hub, 'asunnot')],
        reason: 'planned_visit',
        note: 'Moving next month; benefits first, then a flat',
      }),
    );
    expect(plan.step).toMatchObject({ number: 'A001', serviceId: sid(hub, 'kela'), status: 'waiting', queueTime: at('09:00') });
    expect(plan.visit.steps.map((s: any) => [s.serviceId, s.status])).toEqual([
      [sid(hub, 'neuvonta'), 'referred'],
      [sid(hub, 'kela'), 'waiting'],
      [sid(hub, 'asunnot'), 'planned'],
    ]);
    expect(plan.visit.referrals.map((r: any) => r.toAgencyId)).toEqual([aid(hub, 'kela'), aid(hub, 'asunnot')]);
    expect(await waitingCount(hub, 'asunnot')).toBe(1);

    // Kela takes A001 (arrived 9:00) before K001 (9:05)
    setTime('09:20');
    const atKela = expectOk(await callNext(hub, kela, '1'));
    expect(atKela.step.number).toBe('A001');
    const done = expectOk(await stepAction(hub, kela, atKela.step.id, 'finish'));
    expect(done.visit.status).toBe('active');
    expect(done.visit.steps.map((s: any) => s.status)).toEqual(['referred', 'done', 'waiting']);

    const page = await phonePage(hub, visit.token);
    expect(page.number).toBe('A001');
    expect(page.current).toMatchObject({ serviceId: sid(hub, 'asunnot'), status: 'waiting', peopleAhead: 0 });
    // and housing takes A001 (arrived 9:00) before V001 (9:07)
    expect(await housingOrder()).toEqual(['A001', 'V001']);
    expect((await phonePage(hub, visit.token)).status).toBe('done');
  });
});

describe('POST /api/steps/:id/refer — a visit with planned services', () => {
  it('does not queue the visitor twice for a service that was already planned', async () => {
    const visit = await issue(hub, ['kela', 'asunnot']);
    // Kela sends the visitor on to housing instead of pressing "finish"
    const res = await kelaRefers({ services: [sid(hub, 'asunnot')] });
    expect(res.step).toMatchObject({ serviceId: sid(hub, 'asunnot'), status: 'waiting' });
    const atHousing = expectOk(await callNext(hub, asunnot, '2'));
    const done = expectOk(await stepAction(hub, asunnot, atHousing.step.id, 'finish'));
    expect(done.visit.status).toBe('done');
    expectError(await callNext(hub, asunnot, '2'), 409, 'QUEUE_EMPTY');
    expect((await phonePage(hub, visit.token)).status).toBe('done');
  });

  it('keeps the planned services after a referral to another service', async () => {
    await issue(hub, ['kela', 'asunnot']);
    const res = await kelaRefers({ services: [sid(hub, 'tyo')] });
    expect(res.visit.steps.filter((s: any) => s.status === 'planned').map((s: any) => s.serviceId)).toEqual([sid(hub, 'asunnot')]);
    const tyo = await as(hub, 'tyo');
    await openDesk(hub, tyo, '5', ['tyo']);
    expect(await serveNext(hub, tyo, '5')).toBe('K001');
    expect(await housingOrder()).toEqual(['K001']);
  });
});

describe('POST /api/steps/:id/refer — refusals change nothing', () => {
  it('refuses a referral to the same service (409 REFER_TO_SAME_SERVICE) and keeps the visitor at the desk', async () => {
    await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'kela')], reason: 'wrong_queue' }), 409, 'REFER_TO_SAME_SERVICE');
    expectError(
      await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'kela'), sid(hub, 'asunnot')], reason: 'wrong_queue' }),
      409,
      'REFER_TO_SAME_SERVICE',
    );
    expect(await snapshot(hub)).toEqual(before);
    expect(expectOk(await hub.call('GET', `/api/steps/${called.step.id}`, kela)).step.status).toBe('called');
  });

  it('refuses a referral of a visitor who is still waiting (409) or whose step is over (409 STEP_NOT_ACTIVE)', async () => {
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const waiting = (await queues(hub, kela)).find((q) => q.serviceId === sid(hub, 'kela')).entries[0].stepId;
    const body = { services: [sid(hub, 'asunnot')], reason: 'other' };
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, waiting, 'refer', body), 409, 'ILLEGAL_TRANSITION');
    expect(await snapshot(hub)).toEqual(before);
    expectOk(await stepAction(hub, kela, called.step.id, 'finish'));
    expectError(await stepAction(hub, kela, called.step.id, 'refer', body), 409, 'STEP_NOT_ACTIVE');
    expect(await waitingCount(hub, 'asunnot')).toBe(0);
  });

  it('refuses an unknown service (404 SERVICE_NOT_FOUND)', async () => {
    await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, called.step.id, 'refer', { services: [999_999], reason: 'other' }), 404, 'SERVICE_NOT_FOUND');
    expectError(
      await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'asunnot'), 999_999], reason: 'other' }),
      404,
      'SERVICE_NOT_FOUND',
    );
    expect(await snapshot(hub)).toEqual(before);
  });

  const bad: [string, (h: TestHub) => unknown][] = [
    ['no services', () => ({ services: [], reason: 'other' })],
    ['no reason', (h) => ({ services: [sid(h, 'asunnot')] })],
    ['an unknown reason', (h) => ({ services: [sid(h, 'asunnot')], reason: 'because' })],
    ['an unknown placement', (h) => ({ services: [sid(h, 'asunnot')], reason: 'other', placement: 'middle' })],
    ['a note over 1000 characters', (h) => ({ services: [sid(h, 'asunnot')], reason: 'other', note: 'x'.repeat(1001) })],
    ['a service twice', (h) => ({ services: [sid(h, 'asunnot'), sid(h, 'asunnot')], reason: 'other' })],
    ['an unknown field', (h) => ({ services: [sid(h, 'asunnot')], reason: 'other', priority: 5 })],
  ];
  it.each(bad)('refuses %s (400 VALIDATION_FAILED)', async (_name, body) => {
    await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kela, called.step.id, 'refer', body(hub)), 400, 'VALIDATION_FAILED');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('POST /api/steps/:id/refer — pop-up days', () => {
  it('refers to the pop-up on a Tuesday', async () => {
    await issue(hub, ['kela']);
    const res = await kelaRefers({ services: [sid(hub, 'terveys')] });
    expect(res.step).toMatchObject({ serviceId: sid(hub, 'terveys'), status: 'waiting', number: 'K001' });
  });

  it('refuses a referral to the pop-up on a Wednesday (409 SERVICE_CLOSED)', async () => {
    await issue(hub, ['kela']);
    hub.clock.set('2026-11-25T09:00:00+02:00');
    // sessions last 12 hours; a new day needs a new login
    const kelaAgain = { cookie: await hub.login('kela') };
    const called = expectOk(await callNext(hub, kelaAgain, '1'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, kelaAgain, called.step.id, 'refer', { services: [sid(hub, 'terveys')], reason: 'other' }), 409, 'SERVICE_CLOSED');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('refuses a plan whose later service is closed today (409 SERVICE_CLOSED), as issuing does', async () => {
    await issue(hub, ['kela']);
    hub.clock.set('2026-11-25T09:00:00+02:00');
    const kelaAgain = { cookie: await hub.login('kela') };
    const called = expectOk(await callNext(hub, kelaAgain, '1'));
    const before = await snapshot(hub);
    // housing is open, the pop-up planned after it is not open on Wednesdays: the visitor
    // would be sent to a line nobody serves today
    const res = await stepAction(hub, kelaAgain, called.step.id, 'refer', {
      services: [sid(hub, 'asunnot'), sid(hub, 'terveys')],
      reason: 'planned_visit',
    });
    expectError(res, 409, 'SERVICE_CLOSED');
    expect(await snapshot(hub)).toEqual(before);
  });
});
