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
  queues,
  serveNext,
  sid,
  snapshot,
  stepAction,
  waitingCount,
  waitingStepId,
} from './helpers.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startHub();
});
afterEach(async () => {
  await hub.app.close();
});

const desk = async (name: string) => expectOk(await hub.call('GET', '/api/desks', kiosk)).desks.find((d: any) => d.name === name);

describe('GET /api/desks', () => {
  it('lists the six desks of the hub, closed, in their zones', async () => {
    const body = expectOk(await hub.call('GET', '/api/desks', display));
    expect(body.desks.map((d: any) => [d.name, d.zone, d.status, d.userId, d.serviceIds, d.currentStepId])).toEqual([
      ['1', 'a', 'closed', null, [], null],
      ['2', 'a', 'closed', null, [], null],
      ['3', 'a', 'closed', null, [], null],
      ['4', 'b', 'closed', null, [], null],
      ['5', 'b', 'closed', null, [], null],
      ['6', 'b', 'closed', null, [], null],
    ]);
  });

  it('needs a login or a device token (401)', async () => {
    expectError(await hub.call('GET', '/api/desks'), 401, 'UNAUTHENTICATED');
  });
});

describe('POST /api/desks/:id/open', () => {
  it("opens a desk for the staff member's own service and guidance", async () => {
    const kela = await as(hub, 'kela');
    const res = await openDesk(hub, kela, '1', ['kela', 'neuvonta']);
    expect(res).toMatchObject({ id: did(hub, '1'), name: '1', status: 'open', userId: (await me(hub, kela)).user.id, currentStepId: null });
    expect([...res.serviceIds].sort()).toEqual([sid(hub, 'kela'), sid(hub, 'neuvonta')].sort());
    expect(await desk('1')).toEqual(res);
    const kelaLine = (await queues(hub)).find((q) => q.serviceId === sid(hub, 'kela'));
    expect(kelaLine.openDesks).toBe(1);
  });

  it("refuses another agency's service (403 FORBIDDEN) and leaves the desk closed", async () => {
    const kela = await as(hub, 'kela');
    const before = await snapshot(hub);
    expectError(
      await hub.call('POST', `/api/desks/${did(hub, '1')}/open`, kela, { services: [sid(hub, 'kela'), sid(hub, 'ohjaamo')] }),
      403,
      'FORBIDDEN',
    );
    expect(await snapshot(hub)).toEqual(before);
    expect((await desk('1')).status).toBe('closed');
  });

  it('lets the guide open a desk only for guidance', async () => {
    const guide = await as(hub, 'neuvonta');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '6')}/open`, guide, { services: [sid(hub, 'kela')] }), 403, 'FORBIDDEN');
    expect((await openDesk(hub, guide, '6', ['neuvonta'])).status).toBe('open');
  });

  it("refuses a desk another staff member works at (409 DESK_TAKEN)", async () => {
    const kela = await as(hub, 'kela');
    const asunnot = await as(hub, 'asunnot');
    const opened = await openDesk(hub, kela, '1', ['kela']);
    const before = await snapshot(hub);
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/open`, asunnot, { services: [sid(hub, 'asunnot')] }), 409, 'DESK_TAKEN');
    expect(await snapshot(hub)).toEqual(before);
    expect(await desk('1')).toEqual(opened);
  });

  it('changes the services when the desk is opened again', async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela', 'neuvonta']);
    const again = await openDesk(hub, kela, '1', ['kela']);
    expect(again.serviceIds).toEqual([sid(hub, 'kela')]);
  });

  it('closes the first desk when the staff member moves to another', async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    await openDesk(hub, kela, '2', ['kela']);
    expect((await desk('1')).status).toBe('closed');
    expect((await desk('2')).status).toBe('open');
  });

  it('refuses to move while a visitor is at the first desk (409 DESK_BUSY)', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await hub.call('POST', `/api/desks/${did(hub, '2')}/open`, kela, { services: [sid(hub, 'kela')] }), 409, 'DESK_BUSY');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('answers 404 DESK_NOT_FOUND / SERVICE_NOT_FOUND for unknown ids', async () => {
    const kela = await as(hub, 'kela');
    expectError(await hub.call('POST', '/api/desks/9999/open', kela, { services: [sid(hub, 'kela')] }), 404, 'DESK_NOT_FOUND');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/open`, kela, { services: [9999] }), 404, 'SERVICE_NOT_FOUND');
    expect((await desk('1')).status).toBe('closed');
  });

  it('refuses bad requests (400 VALIDATION_FAILED)', async () => {
    const kela = await as(hub, 'kela');
    const url = `/api/desks/${did(hub, '1')}/open`;
    expectError(await hub.call('POST', url, kela, { services: [] }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', url, kela, {}), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', url, kela, { services: ['kela'] }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', url, kela, { services: [sid(hub, 'kela')], desk: 2 }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/desks/one/open', kela, { services: [sid(hub, 'kela')] }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/desks/0/open', kela, { services: [sid(hub, 'kela')] }), 400, 'VALIDATION_FAILED');
    expect((await desk('1')).status).toBe('closed');
  });

  it('needs a staff login (401 anonymous, 403 for a device)', async () => {
    const body = { services: [sid(hub, 'kela')] };
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/open`, null, body), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/open`, kiosk, body), 403, 'FORBIDDEN');
    expect((await desk('1')).status).toBe('closed');
  });
});

describe('POST /api/desks/:id/close', () => {
  it('closes an open desk', async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    const closed = expectOk(await hub.call('POST', `/api/desks/${did(hub, '1')}/close`, kela));
    expect(closed).toMatchObject({ status: 'closed', userId: null, serviceIds: [] });
    expect((await queues(hub)).find((q) => q.serviceId === sid(hub, 'kela')).openDesks).toBe(0);
  });

  it('answers a closed desk that is closed again with the closed desk', async () => {
    const kela = await as(hub, 'kela');
    expect(expectOk(await hub.call('POST', `/api/desks/${did(hub, '3')}/close`, kela)).status).toBe('closed');
  });

  it('refuses to close with a visitor at the desk (409 DESK_BUSY) and keeps the visitor there', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/close`, kela), 409, 'DESK_BUSY');
    expect(await snapshot(hub)).toEqual(before);
    expect((await desk('1')).currentStepId).toBe(called.step.id);
  });

  it("refuses to close another staff member's desk (409 DESK_TAKEN), but the admin may", async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/close`, await as(hub, 'tyo')), 409, 'DESK_TAKEN');
    expect((await desk('1')).status).toBe('open');
    expect(expectOk(await hub.call('POST', `/api/desks/${did(hub, '1')}/close`, await as(hub, 'admin'))).status).toBe('closed');
  });

  it('answers 404 DESK_NOT_FOUND, 401 and 403 like the other desk actions', async () => {
    expectError(await hub.call('POST', '/api/desks/9999/close', await as(hub, 'kela')), 404, 'DESK_NOT_FOUND');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/close`), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/close`, display), 403, 'FORBIDDEN');
  });
});

describe('POST /api/desks/:id/break', () => {
  it('takes the desk out of call-next (409 DESK_CLOSED) until the break ends', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const onBreak = expectOk(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, kela, { onBreak: true }));
    expect(onBreak).toMatchObject({ status: 'break', userId: (await me(hub, kela)).user.id, serviceIds: [sid(hub, 'kela')] });
    // a desk on a break does not count as serving the line
    expect((await queues(hub)).find((q) => q.serviceId === sid(hub, 'kela')).openDesks).toBe(0);

    const before = await snapshot(hub);
    expectError(await callNext(hub, kela, '1'), 409, 'DESK_CLOSED');
    expect(await snapshot(hub)).toEqual(before);
    expect(await waitingCount(hub, 'kela')).toBe(1);

    expect(expectOk(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, kela, { onBreak: false })).status).toBe('open');
    expect(await callNextNumber(hub, kela, '1')).toBe('K001');
  });

  it('refuses a break with a visitor at the desk (409 DESK_BUSY)', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    expectOk(await callNext(hub, kela, '1'));
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, kela, { onBreak: true }), 409, 'DESK_BUSY');
    expect((await desk('1')).status).toBe('open');
  });

  it("refuses a break at a closed desk (409 DESK_CLOSED) or at another's desk (409 DESK_TAKEN)", async () => {
    const kela = await as(hub, 'kela');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, kela, { onBreak: true }), 409, 'DESK_CLOSED');
    await openDesk(hub, kela, '1', ['kela']);
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, await as(hub, 'tyo'), { onBreak: true }), 409, 'DESK_TAKEN');
    expect((await desk('1')).status).toBe('open');
  });

  it('refuses a bad body (400) and unknown desks (404)', async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, kela, { onBreak: 'yes' }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, kela, {}), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/desks/9999/break', kela, { onBreak: true }), 404, 'DESK_NOT_FOUND');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/break`, null, { onBreak: true }), 401, 'UNAUTHENTICATED');
    expect((await desk('1')).status).toBe('open');
  });
});

describe('POST /api/desks/:id/call-next', () => {
  it('calls the visitor who arrived first', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    hub.clock.advanceMinutes(1);
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const res = expectOk(await callNext(hub, kela, '1'));
    expect(res.step).toMatchObject({ number: 'K001', status: 'called', deskId: did(hub, '1'), serviceId: sid(hub, 'kela'), userId: (await me(hub, kela)).user.id });
    expect(res.step.calledAt).toBe(hub.clock.now().toISOString());
    expect(res.visit).toMatchObject({ number: 'K001', status: 'active' });
    expect((await desk('1')).currentStepId).toBe(res.step.id);
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });

  it("serves the desk's lines in order of arrival across all of them", async () => {
    const admin = await as(hub, 'admin');
    await issue(hub, ['kela']); // 10:00 K001
    hub.clock.advanceMinutes(1);
    await issue(hub, ['asunnot']); // 10:01 V001
    hub.clock.advanceMinutes(1);
    await issue(hub, ['kela']); // 10:02 K002
    hub.clock.advanceMinutes(1);
    await issue(hub, ['ohjaamo']); // 10:03 not served at this desk
    hub.clock.advanceMinutes(1);
    await issue(hub, ['asunnot']); // 10:04 V002
    hub.clock.advanceMinutes(1);
    await issue(hub, 'guidance'); // 10:05 A001
    // the admin serves every agency, so one desk can take Kela, housing and guidance
    await openDesk(hub, admin, '3', ['kela', 'asunnot', 'neuvonta']);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) order.push(await serveNext(hub, admin, '3'));
    expect(order).toEqual(['K001', 'V001', 'K002', 'V002', 'A001']);
    expectError(await callNext(hub, admin, '3'), 409, 'QUEUE_EMPTY');
    expect(await waitingCount(hub, 'ohjaamo')).toBe(1);
  });

  it('calls a higher-priority (front-of-line) visitor before earlier arrivals', async () => {
    const kela = await as(hub, 'kela');
    const asunnot = await as(hub, 'asunnot');
    await issue(hub, ['asunnot']); // V001 at 10:00
    hub.clock.advanceMinutes(5);
    await issue(hub, ['kela']); // K001 at 10:05
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    hub.clock.advanceMinutes(5);
    expectOk(await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service', placement: 'front' }));
    await openDesk(hub, asunnot, '2', ['asunnot']);
    expect(await callNextNumber(hub, asunnot, '2')).toBe('K001');
  });

  it('answers 409 QUEUE_EMPTY when nobody waits for the desk’s services, and changes nothing', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['ohjaamo']);
    await openDesk(hub, kela, '1', ['kela']);
    const before = await snapshot(hub);
    expectError(await callNext(hub, kela, '1'), 409, 'QUEUE_EMPTY');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('refuses while a visitor is still at the desk (409 DESK_BUSY)', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await callNext(hub, kela, '1'), 409, 'DESK_BUSY');
    expect(await snapshot(hub)).toEqual(before);
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });

  it('refuses a closed desk (409 DESK_CLOSED) and another’s desk (409 DESK_TAKEN)', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    expectError(await callNext(hub, kela, '1'), 409, 'DESK_CLOSED');
    await openDesk(hub, await as(hub, 'admin'), '2', ['kela']);
    const before = await snapshot(hub);
    expectError(await callNext(hub, kela, '2'), 409, 'DESK_TAKEN');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('answers 404 DESK_NOT_FOUND, 400 for a bad id, 401 and 403', async () => {
    const kela = await as(hub, 'kela');
    expectError(await hub.call('POST', '/api/desks/9999/call-next', kela), 404, 'DESK_NOT_FOUND');
    expectError(await hub.call('POST', '/api/desks/x/call-next', kela), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/call-next`), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/call-next`, kiosk), 403, 'FORBIDDEN');
  });

  it('never gives two desks the same visitor', async () => {
    const kela = await as(hub, 'kela');
    const admin = await as(hub, 'admin');
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    await openDesk(hub, admin, '2', ['kela']);
    const [a, b] = await Promise.all([callNext(hub, kela, '1'), callNext(hub, admin, '2')]);
    expect([a!.body.step.number, b!.body.step.number].sort()).toEqual(['K001', 'K002']);
  });
});

describe('POST /api/steps/:id/call — calling a chosen visitor', () => {
  it('calls a chosen visitor out of turn, and the others keep their order', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const k002 = await waitingStepId(hub, kela, 'kela', 'K002');
    const res = expectOk(await stepAction(hub, kela, k002, 'call', { deskId: did(hub, '1') }));
    expect(res.step).toMatchObject({ id: k002, number: 'K002', status: 'called', deskId: did(hub, '1') });
    expect((await desk('1')).currentStepId).toBe(k002);
    expectOk(await stepAction(hub, kela, k002, 'finish'));
    expect(await callNextNumber(hub, kela, '1')).toBe('K001');
  });

  it('refuses a visitor another desk called first (409 STEP_NOT_WAITING)', async () => {
    const kela = await as(hub, 'kela');
    const admin = await as(hub, 'admin');
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    await openDesk(hub, admin, '2', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const before = await snapshot(hub);
    expectError(await stepAction(hub, admin, called.step.id, 'call', { deskId: did(hub, '2') }), 409, 'STEP_NOT_WAITING');
    expect(await snapshot(hub)).toEqual(before);
    expect((await desk('1')).currentStepId).toBe(called.step.id);
  });

  it('refuses while another visitor is at the desk (409 DESK_BUSY)', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    expectOk(await callNext(hub, kela, '1'));
    const k002 = await waitingStepId(hub, kela, 'kela', 'K002');
    expectError(await stepAction(hub, kela, k002, 'call', { deskId: did(hub, '1') }), 409, 'DESK_BUSY');
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });

  it('refuses a closed desk (409 DESK_CLOSED) and another’s desk (409 DESK_TAKEN)', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    const step = await waitingStepId(hub, kela, 'kela', 'K001');
    expectError(await stepAction(hub, kela, step, 'call', { deskId: did(hub, '1') }), 409, 'DESK_CLOSED');
    await openDesk(hub, await as(hub, 'admin'), '2', ['kela']);
    expectError(await stepAction(hub, kela, step, 'call', { deskId: did(hub, '2') }), 409, 'DESK_TAKEN');
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });

  it('answers 404 STEP_NOT_FOUND / DESK_NOT_FOUND and 400 for a bad body', async () => {
    const kela = await as(hub, 'kela');
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const step = await waitingStepId(hub, kela, 'kela', 'K001');
    expectError(await stepAction(hub, kela, 999_999, 'call', { deskId: did(hub, '1') }), 404, 'STEP_NOT_FOUND');
    expectError(await stepAction(hub, kela, step, 'call', { deskId: 9999 }), 404, 'DESK_NOT_FOUND');
    expectError(await stepAction(hub, kela, step, 'call', {}), 400, 'VALIDATION_FAILED');
    expectError(await stepAction(hub, kela, step, 'call', { deskId: 'one' }), 400, 'VALIDATION_FAILED');
    expectError(await stepAction(hub, null, step, 'call', { deskId: did(hub, '1') }), 401, 'UNAUTHENTICATED');
    expectError(await stepAction(hub, display, step, 'call', { deskId: did(hub, '1') }), 403, 'FORBIDDEN');
    expect(await waitingCount(hub, 'kela')).toBe(1);
  });
});
