/**
 * Issue 9 §1, "acting on a visitor held by another desk": only the desk (user) holding a called
 * or serving step acts on it; an admin only through an audited take-over with a reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, callNext, expectError, expectOk, issue, openDesk, sid, snapshot, stepAction, type Staff } from '../api/helpers.js';

let hub: TestHub;
let neuvonta: Staff;
beforeEach(async () => {
  hub = await startHub();
  neuvonta = await as(hub, 'neuvonta');
});
afterEach(async () => {
  await hub.app.close();
});

/** A Guidance visitor called to desk 1 by the guide. */
async function calledToGuidance(): Promise<number> {
  await issue(hub, 'guidance');
  await openDesk(hub, neuvonta, '1', ['neuvonta']);
  return expectOk(await callNext(hub, neuvonta, '1')).step.id;
}

describe('a visitor held by another desk', () => {
  it('refuses Police staff at no desk who mark a visitor called to the Guidance desk as a no-show or cancel them', async () => {
    const stepId = await calledToGuidance();
    const poliisi = await as(hub, 'poliisi');
    const before = await snapshot(hub);
    for (const action of ['no-show', 'cancel', 'recall', 'start', 'return']) {
      expectError(await stepAction(hub, poliisi, stepId, action), 403, 'FORBIDDEN');
    }
    expectError(await stepAction(hub, poliisi, stepId, 'refer', { services: [sid(hub, 'poliisi')], reason: 'other' }), 403, 'FORBIDDEN');
    expect(await snapshot(hub)).toEqual(before);
    expect(expectOk(await stepAction(hub, neuvonta, stepId, 'no-show')).step.status).toBe('no_show');
  });

  it("refuses another clerk of the same agency: only the desk that called the visitor acts on them", async () => {
    const kela = await as(hub, 'kela');
    const second = { cookie: await hub.login('kela') };
    // a second Kela account, made by the admin
    const admin = await as(hub, 'admin');
    expectOk(await hub.call('POST', '/api/admin/users', admin, {
      username: 'kela2', displayName: 'Kela 2', password: 'kela2-password', role: 'staff', agencyIds: [hub.ids.agency.kela],
    }), 201);
    const kela2 = { cookie: await hub.login('kela2', 'kela2-password') };
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const stepId = expectOk(await callNext(hub, kela, '1')).step.id;
    expectError(await stepAction(hub, kela2, stepId, 'finish'), 403, 'FORBIDDEN');
    expectError(await stepAction(hub, kela2, stepId, 'start'), 403, 'FORBIDDEN');
    // the same user in a second browser holds it still
    expectOk(await stepAction(hub, second, stepId, 'start'));
  });

  it('refuses an admin without a take-over, and lets them act after an audited take-over with a reason', async () => {
    const stepId = await calledToGuidance();
    const admin = await as(hub, 'admin');
    expectError(await stepAction(hub, admin, stepId, 'no-show'), 403, 'FORBIDDEN');
    expectError(await stepAction(hub, admin, stepId, 'take-over', {}), 400, 'VALIDATION_FAILED');
    expectError(await stepAction(hub, neuvonta, stepId, 'take-over', { reason: 'The guide went home ill' }), 403, 'FORBIDDEN');

    const taken = expectOk(await stepAction(hub, admin, stepId, 'take-over', { reason: 'The guide went home ill' }));
    expect(taken.step).toMatchObject({ id: stepId, status: 'called' });
    expectError(await stepAction(hub, neuvonta, stepId, 'no-show'), 403, 'FORBIDDEN');
    expect(expectOk(await stepAction(hub, admin, stepId, 'no-show')).step.status).toBe('no_show');

    const audit = expectOk(await hub.call('GET', '/api/admin/audit?limit=10', admin)).entries;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'step.take-over', subject: `step:${stepId}`, detail: expect.objectContaining({ reason: 'The guide went home ill' }) }),
      ]),
    );
  });
});

describe('a waiting or planned step', () => {
  it("lets only staff of the line's agency, or with a desk open for it, cancel a waiting visitor", async () => {
    await issue(hub, 'guidance');
    const waiting = hub.app.q.stepsOfVisit((await issue(hub, ['kela'])).visitId)[0]!.id;
    const guidanceStep = hub.app.q.stepsOfVisit(1)[0]!.id;
    const kela = await as(hub, 'kela');
    const poliisi = await as(hub, 'poliisi');
    expectError(await stepAction(hub, poliisi, waiting, 'cancel'), 403, 'FORBIDDEN');
    expectError(await stepAction(hub, kela, guidanceStep, 'cancel'), 403, 'FORBIDDEN');
    await openDesk(hub, kela, '2', ['kela', 'neuvonta']);
    expect(expectOk(await stepAction(hub, kela, guidanceStep, 'cancel')).step.status).toBe('cancelled');
    expect(expectOk(await stepAction(hub, kela, waiting, 'cancel')).step.status).toBe('cancelled');
  });

  it("lets the holder of the visit's active step, or the planned step's agency, drop a planned step; nobody else", async () => {
    await issue(hub, 'guidance');
    await openDesk(hub, neuvonta, '1', ['neuvonta']);
    const called = expectOk(await callNext(hub, neuvonta, '1'));
    const planned = expectOk(
      await stepAction(hub, neuvonta, called.step.id, 'refer', { services: [sid(hub, 'poliisi'), sid(hub, 'kela'), sid(hub, 'tyo')], reason: 'planned_visit' }),
    );
    const steps = planned.visit.steps as { id: number; serviceId: number; status: string }[];
    const kelaStep = steps.find((s) => s.serviceId === sid(hub, 'kela'))!.id;
    const tyoStep = steps.find((s) => s.serviceId === sid(hub, 'tyo'))!.id;
    const poliisi = await as(hub, 'poliisi');
    const ohjaamo = await as(hub, 'ohjaamo');
    expectError(await stepAction(hub, ohjaamo, kelaStep, 'cancel'), 403, 'FORBIDDEN');
    // Police does not hold the visit yet: the police step only waits
    expectError(await stepAction(hub, poliisi, kelaStep, 'cancel'), 403, 'FORBIDDEN');
    expect(expectOk(await stepAction(hub, await as(hub, 'tyo'), tyoStep, 'cancel')).step.status).toBe('cancelled');
    await openDesk(hub, poliisi, '2', ['poliisi']);
    expectOk(await callNext(hub, poliisi, '2'));
    expect(expectOk(await stepAction(hub, poliisi, kelaStep, 'cancel')).step.status).toBe('cancelled');
  });
});
