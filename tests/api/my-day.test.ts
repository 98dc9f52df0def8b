import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import { as, callNext, expectError, expectOk, forgetLogins, issue, openDesk, sid, stepAction, type Staff } from './helpers.js';

let hub: TestHub;
let kela: Staff;
let asunnot: Staff;
beforeEach(async () => {
  hub = await startHub({ now: '2026-11-24T09:00:00+02:00' });
  kela = await as(hub, 'kela');
  asunnot = await as(hub, 'asunnot');
  await openDesk(hub, kela, '1', ['kela']);
  await openDesk(hub, asunnot, '2', ['asunnot']);
});
afterEach(async () => {
  await hub.app.close();
});

const setTime = (hhmm: string, date = '2026-11-24') => hub.clock.set(`${date}T${hhmm}:00+02:00`);
const myDay = async (who: Staff) => expectOk(await hub.call('GET', '/api/me/day', who));

describe('GET /api/me/day — my day on the console', () => {
  it('counts the visitors this user served and referred today, and their mean time at the desk', async () => {
    for (let i = 0; i < 3; i++) await issue(hub, ['kela']);
    expect(await myDay(kela)).toEqual({ day: '2026-11-24', served: 0, averageMin: null, referred: 0 });

    // served for 10 minutes (started 09:05, finished 09:15)
    const first = expectOk(await callNext(hub, kela, '1'));
    setTime('09:05');
    expectOk(await stepAction(hub, kela, first.step.id, 'start'));
    setTime('09:15');
    expectOk(await stepAction(hub, kela, first.step.id, 'finish'));
    // finished straight from the call: its time runs from the call, 5 minutes
    const second = expectOk(await callNext(hub, kela, '1'));
    setTime('09:20');
    expectOk(await stepAction(hub, kela, second.step.id, 'finish'));
    // referred on to housing, where another user finishes it: that one is not Kela's
    const third = expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, third.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service' }));
    const housing = expectOk(await callNext(hub, asunnot, '2'));
    setTime('09:30');
    expectOk(await stepAction(hub, asunnot, housing.step.id, 'finish'));

    expect(await myDay(kela)).toEqual({ day: '2026-11-24', served: 2, averageMin: 7.5, referred: 1 });
    expect(await myDay(asunnot)).toEqual({ day: '2026-11-24', served: 1, averageMin: 10, referred: 0 });
  });

  it('starts again at the hub’s local midnight', async () => {
    await issue(hub, ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, called.step.id, 'finish'));
    expect((await myDay(kela)).served).toBe(1);
    // 23:30 UTC is already Wednesday in Helsinki
    hub.clock.set('2026-11-24T23:30:00Z');
    forgetLogins(hub); // the morning's session has run out by now
    expect(await myDay(await as(hub, 'kela'))).toEqual({ day: '2026-11-25', served: 0, averageMin: null, referred: 0 });
  });

  it('refuses devices and visitors with a code', async () => {
    expectError(await hub.call('GET', '/api/me/day', kiosk), 403, 'FORBIDDEN');
    expectError(await hub.call('GET', '/api/me/day', display), 403, 'FORBIDDEN');
    expectError(await hub.call('GET', '/api/me/day', null), 401, 'UNAUTHENTICATED');
  });
});
