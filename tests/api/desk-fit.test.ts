import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { as, callNext, did, expectError, expectOk, issue, issueBody, openDesk, sid, snapshot, waitingStepId } from './helpers.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startHub(); // a Tuesday morning
});
afterEach(async () => {
  await hub.app.close();
});

const desks = async () => expectOk(await hub.call('GET', '/api/desks', kiosk)).desks as any[];
const desk = async (name: string) => (await desks()).find((d) => d.name === name);
const eventCount = () => hub.app.q.eventsSince(1, 0, 100_000).length;

/** The admin sets a desk's attributes through the admin API. */
async function setDesk(name: string, attrs: { accessible?: boolean; languages?: string[] }) {
  const admin = await as(hub, 'admin');
  const d = await desk(name);
  return expectOk(await hub.call('PUT', `/api/admin/desks/${d.id}`, admin, { name: d.name, zone: d.zone, ...attrs }));
}

describe('desk attributes', () => {
  it('shows in GET /api/desks whether a desk is accessible and which languages are spoken there', async () => {
    expect(await desk('1')).toMatchObject({ accessible: true, languages: ['fi', 'sv', 'en', 'ar'] });
    expect(await desk('2')).toMatchObject({ accessible: false });
    const changed = await setDesk('4', { accessible: true, languages: ['fi', 'ru', 'ru', 'uk'] });
    expect(changed).toMatchObject({ name: '4', accessible: true, languages: ['fi', 'ru', 'uk'] });
    expect(await desk('4')).toEqual(changed);
    // a change of name or zone alone keeps the attributes
    const admin = await as(hub, 'admin');
    const renamed = expectOk(await hub.call('PUT', `/api/admin/desks/${changed.id}`, admin, { name: '4B', zone: 'b' }));
    expect(renamed).toMatchObject({ name: '4B', accessible: true, languages: ['fi', 'ru', 'uk'] });
  });

  it('refuses a language that is not a visitor language (400) and changes nothing', async () => {
    const admin = await as(hub, 'admin');
    const d = await desk('2');
    const before = await snapshot(hub);
    expectError(await hub.call('PUT', `/api/admin/desks/${d.id}`, admin, { name: '2', zone: 'a', languages: ['klingon'] }), 400, 'VALIDATION_FAILED');
    expect(await snapshot(hub)).toEqual(before);
  });
});

describe('calling fits the need', () => {
  it("skips a visitor who needs an accessible desk at a desk that is not, and calls them to one that is", async () => {
    const needsAccess = await issue(hub, ['kela'], { needs: { accessible: true } });
    const walkIn = await issue(hub, ['kela']);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '2', ['kela']);
    const called = expectOk(await callNext(hub, kela, '2'));
    expect(called.step.number).toBe(walkIn.number);
    expectOk(await hub.call('POST', `/api/steps/${called.step.id}/finish`, kela));
    // only the visitor who needs an accessible desk waits: desk 2 has nobody to call
    const before = eventCount();
    expectError(await callNext(hub, kela, '2'), 409, 'QUEUE_EMPTY');
    expect(eventCount()).toBe(before);
    // the admin opens the accessible desk 1 for Kela: the visitor is called there
    const admin = await as(hub, 'admin');
    await openDesk(hub, admin, '1', ['kela']);
    const atOne = expectOk(await callNext(hub, admin, '1'));
    expect(atOne.step).toMatchObject({ number: needsAccess.number, deskId: did(hub, '1') });
  });

  it('calls anyone to an accessible desk, in line order', async () => {
    const first = await issue(hub, ['kela']);
    await issue(hub, ['kela'], { needs: { accessible: true } });
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    expect(expectOk(await callNext(hub, kela, '1')).step.number).toBe(first.number);
  });

  it('refuses a direct call of such a visitor to a desk that is not accessible (409 DESK_NOT_ACCESSIBLE) and changes nothing', async () => {
    const visit = await issue(hub, ['kela'], { needs: { accessible: true, interpreter: true }, language: 'ar' });
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '2', ['kela']);
    const stepId = await waitingStepId(hub, kela, 'kela', visit.number);
    const before = await snapshot(hub);
    const events = eventCount();
    expectError(await hub.call('POST', `/api/steps/${stepId}/call`, kela, { deskId: did(hub, '2') }), 409, 'DESK_NOT_ACCESSIBLE');
    expect(await snapshot(hub)).toEqual(before);
    expect(eventCount()).toBe(events);
    // once the admin marks desk 2 accessible, the same call goes through
    await setDesk('2', { accessible: true });
    expect(expectOk(await hub.call('POST', `/api/steps/${stepId}/call`, kela, { deskId: did(hub, '2') })).step.number).toBe(visit.number);
  });

  it('treats languages as a soft fit: a desk that does not speak the visitor\'s language still calls them', async () => {
    const visit = await issue(hub, ['kela'], { needs: { interpreter: true }, language: 'so' });
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '2', ['kela']);
    expect(expectOk(await callNext(hub, kela, '2')).step.number).toBe(visit.number);
  });
});

describe('appointment-only services', () => {
  it('marks the demo appointment-only service on the kiosk menu with how to book, in the visitor\'s language', async () => {
    const fi = expectOk(await hub.call('GET', '/api/kiosk/menu?lang=fi', kiosk));
    const kela = fi.agencies.find((a: any) => a.services.some((s: any) => s.id === sid(hub, 'kela-aika')));
    const booking = kela.services.find((s: any) => s.id === sid(hub, 'kela-aika'));
    expect(booking).toMatchObject({ appointmentOnly: true, bookingInfo: expect.stringContaining('kela.fi') });
    expect(kela.services.find((s: any) => s.id === sid(hub, 'kela'))).toMatchObject({ appointmentOnly: false, bookingInfo: null });
    const sv = expectOk(await hub.call('GET', '/api/kiosk/menu?lang=sv', kiosk));
    const svBooking = sv.agencies.flatMap((a: any) => a.services).find((s: any) => s.id === sid(hub, 'kela-aika'));
    expect(svBooking.bookingInfo).toMatch(/boka/i);
  });

  it('refuses a walk-in number for it, from the kiosk or staff (409 APPOINTMENT_ONLY), and changes nothing', async () => {
    const kela = await as(hub, 'kela');
    const before = await snapshot(hub);
    const events = eventCount();
    for (const by of [kiosk, kela]) {
      expectError(await hub.call('POST', '/api/visits', by, issueBody(hub, ['kela-aika'])), 409, 'APPOINTMENT_ONLY');
      expectError(await hub.call('POST', '/api/visits', by, issueBody(hub, ['kela', 'kela-aika'])), 409, 'APPOINTMENT_ONLY');
    }
    expect(await snapshot(hub)).toEqual(before);
    expect(eventCount()).toBe(events);
    // the next walk-in number is the first of the day: nothing was used up
    expect((await issue(hub, ['kela'])).number).toBe('K001');
  });

  it('lets the admin make a service appointment-only with booking info, and back', async () => {
    const admin = await as(hub, 'admin');
    const catalog = expectOk(await hub.call('GET', '/api/admin/catalog', admin));
    const asunnot = catalog.services.find((s: any) => s.code === 'asunnot');
    expect(asunnot).toMatchObject({ appointmentOnly: false, bookingInfo: null });
    const { id, code: _c, isGuidance: _g, openNow: _o, ...editable } = asunnot;
    // appointment-only needs a way to book
    expectError(await hub.call('PUT', `/api/admin/services/${id}`, admin, { ...editable, appointmentOnly: true }), 400, 'VALIDATION_FAILED');
    const bookingInfo = { fi: 'Varaa aika: asunnot.example.fi', sv: 'Boka tid: asunnot.example.fi', en: 'Book at asunnot.example.fi' };
    expectOk(await hub.call('PUT', `/api/admin/services/${id}`, admin, { ...editable, appointmentOnly: true, bookingInfo }));
    const after = expectOk(await hub.call('GET', '/api/admin/catalog', admin)).services.find((s: any) => s.id === id);
    expect(after).toMatchObject({ appointmentOnly: true, bookingInfo });
    expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['asunnot'])), 409, 'APPOINTMENT_ONLY');
    const en = expectOk(await hub.call('GET', '/api/kiosk/menu?lang=en', kiosk)).agencies.flatMap((a: any) => a.services);
    expect(en.find((s: any) => s.id === id)).toMatchObject({ appointmentOnly: true, bookingInfo: 'Book at asunnot.example.fi' });
    // an edit that leaves the fields out (an older admin page) keeps them
    const { appointmentOnly: _a, bookingInfo: _b, ...older } = editable;
    expectOk(await hub.call('PUT', `/api/admin/services/${id}`, admin, { ...older, targetWaitMin: 20 }));
    expectError(await hub.call('POST', '/api/visits', kiosk, issueBody(hub, ['asunnot'])), 409, 'APPOINTMENT_ONLY');
    expectOk(await hub.call('PUT', `/api/admin/services/${id}`, admin, { ...editable, appointmentOnly: false, bookingInfo: null }));
    expect((await issue(hub, ['asunnot'])).number).toBe('V001');
  });

  it('does not let guidance be appointment-only (400)', async () => {
    const admin = await as(hub, 'admin');
    const guidance = expectOk(await hub.call('GET', '/api/admin/catalog', admin)).services.find((s: any) => s.isGuidance);
    const { id, code: _c, isGuidance: _g, openNow: _o, ...editable } = guidance;
    expectError(
      await hub.call('PUT', `/api/admin/services/${id}`, admin, { ...editable, appointmentOnly: true, bookingInfo: { fi: 'Ei' } }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
