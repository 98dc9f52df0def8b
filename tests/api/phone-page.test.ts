import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { as, callNext, did, expectError, expectOk, issue, openDesk, phonePage, serveNext, sid, stepAction } from './helpers.js';

describe('GET /api/visits/:token — the visitor’s phone page', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub();
  });
  afterEach(async () => {
    await hub.app.close();
  });

  it('shows the number, the people ahead and an estimate, without any login', async () => {
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    const third = await issue(hub, ['kela'], { language: 'sv' });
    const page = await phonePage(hub, third.token);
    expect(page).toMatchObject({
      number: 'K003',
      token: third.token,
      status: 'active',
      language: 'sv',
      hubName: { fi: 'Mäntsälän palvelutori', sv: 'Mäntsälä servicetorg', en: 'Mäntsälä service hub' },
    });
    // two people ahead at Kela's 12 minutes each, one desk assumed while none is open
    expect(page.current).toEqual({
      serviceId: sid(hub, 'kela'),
      label: { fi: 'Kela', sv: 'FPA', en: 'Kela' },
      status: 'waiting',
      desk: null,
      peopleAhead: 2,
      estimateMin: 24,
      // its place in line, against which the page counts the visitors who join or leave ahead
      place: { stepId: expect.any(Number), priority: 0, queueTime: page.issuedAt },
    });
  });

  it('counts only the people ahead in the same line', async () => {
    await issue(hub, ['asunnot']);
    await issue(hub, 'guidance');
    const mine = await issue(hub, ['kela']);
    expect((await phonePage(hub, mine.token)).current.peopleAhead).toBe(0);
  });

  it('shortens the estimate when a second desk opens for the line', async () => {
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    const mine = await issue(hub, ['kela']);
    await openDesk(hub, await as(hub, 'kela'), '1', ['kela']);
    expect((await phonePage(hub, mine.token)).current.estimateMin).toBe(24);
    await openDesk(hub, await as(hub, 'admin'), '2', ['kela']);
    expect((await phonePage(hub, mine.token)).current.estimateMin).toBe(12);
  });

  it('learns the estimate from how long recent visitors took', async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    // three Kela visitors served in 4 minutes each (the default is 12)
    for (let i = 0; i < 3; i++) {
      await issue(hub, ['kela']);
      const called = expectOk(await callNext(hub, kela, '1'));
      expectOk(await stepAction(hub, kela, called.step.id, 'start'));
      hub.clock.advanceMinutes(4);
      expectOk(await stepAction(hub, kela, called.step.id, 'finish'));
    }
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    const mine = await issue(hub, ['kela']);
    expect((await phonePage(hub, mine.token)).current).toMatchObject({ peopleAhead: 2, estimateMin: 8 });
  });

  it('moves the visitor forward as others are called', async () => {
    await issue(hub, ['kela']);
    const mine = await issue(hub, ['kela']);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    expect((await phonePage(hub, mine.token)).current.peopleAhead).toBe(1);
    await serveNext(hub, kela, '1');
    expect((await phonePage(hub, mine.token)).current.peopleAhead).toBe(0);
  });

  it('shows the desk when the visitor is called, and while being served', async () => {
    const mine = await issue(hub, ['kela']);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '4', ['kela']);
    const called = expectOk(await callNext(hub, kela, '4'));
    const desk = { id: did(hub, '4'), name: '4', zone: 'b' };
    let page = await phonePage(hub, mine.token);
    expect(page.current).toMatchObject({ status: 'called', desk, peopleAhead: 0, estimateMin: 0 });
    expect(page.steps[0]).toMatchObject({ status: 'called', desk });
    expectOk(await stepAction(hub, kela, called.step.id, 'start'));
    page = await phonePage(hub, mine.token);
    expect(page.current).toMatchObject({ status: 'serving', desk });
  });

  it('shows a finished visit as done with nothing current', async () => {
    const mine = await issue(hub, ['kela']);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    await serveNext(hub, kela, '1');
    const page = await phonePage(hub, mine.token);
    expect(page.status).toBe('done');
    expect(page.current).toBeNull();
    expect(page.steps).toEqual([expect.objectContaining({ status: 'done', desk: null })]);
  });

  it('shows every planned service of the visit in order', async () => {
    const mine = await issue(hub, ['kela', 'asunnot']);
    const page = await phonePage(hub, mine.token);
    expect(page.steps.map((s: any) => [s.serviceId, s.status])).toEqual([
      [sid(hub, 'kela'), 'waiting'],
      [sid(hub, 'asunnot'), 'planned'],
    ]);
  });

  it('never shows notes, staff names or staff ids', async () => {
    const mine = await issue(hub, ['kela']);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    const note = 'Rent arrears since March, eviction notice seen';
    expectOk(
      await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service', note }),
    );
    const page = await phonePage(hub, mine.token);
    const text = JSON.stringify(page);
    expect(text).not.toContain('Rent arrears');
    expect(text).not.toContain('Kela (demo)');
    expect(text).not.toMatch(/"(note|noteHidden|userId|byUserId|displayName|username|reason|needs)"/);
    for (const step of page.steps) expect(Object.keys(step).sort()).toEqual(['desk', 'label', 'serviceId', 'status']);
    expect(page.current).toMatchObject({ serviceId: sid(hub, 'asunnot'), status: 'waiting' });
  });

  it('answers 404 VISIT_NOT_FOUND for an unknown, well-formed token', async () => {
    expectError(await hub.call('GET', `/api/visits/${'A'.repeat(22)}`), 404, 'VISIT_NOT_FOUND');
    expectError(await hub.call('GET', '/api/visits/abcdefghijklmnop_-12', kiosk), 404, 'VISIT_NOT_FOUND');
  });

  it('answers 400 VALIDATION_FAILED for a malformed token', async () => {
    expectError(await hub.call('GET', '/api/visits/short'), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', `/api/visits/${'x'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', `/api/visits/${encodeURIComponent('abcdefghijklmnop!"')}`), 400, 'VALIDATION_FAILED');
  });
});
