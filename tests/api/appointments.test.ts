import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followLine, type QueuesData } from '@luukku/shared';
import { key, kiosk, display, startHub, type TestHub } from '../support/app.js';
import { aid, as, callNext, expectError, expectOk, issue, openDesk, phonePage, sid, snapshot, type Res } from './helpers.js';

/** Appointments through the real API on a Tuesday morning (10:00 Helsinki), the demo hub's default window (10 min early, 10 late). */
describe('appointments', () => {
  let hub: TestHub;
  let booking: { token: string };
  beforeEach(async () => {
    hub = await startHub();
    const admin = await as(hub, 'admin');
    const created = expectOk(await hub.call('POST', '/api/admin/devices', admin, { kind: 'booking', name: 'Kela bookings', agencyId: aid(hub, 'kela') }), 201);
    expect(created.device).toEqual(expect.objectContaining({ kind: 'booking', agencyId: aid(hub, 'kela') }));
    booking = { token: created.token };
  });
  afterEach(async () => {
    await hub.app.close();
  });

  const book = (body: Record<string, unknown>, who: { token: string } | { cookie: string } = booking): Promise<Res> =>
    hub.call('POST', '/api/appointments', who, { serviceId: sid(hub, 'kela'), lengthMin: 20, ...body });
  const checkIn = (code: string, idempotencyKey = key(), who: { token: string } | { cookie: string } = kiosk): Promise<Res> =>
    hub.call('POST', '/api/appointments/check-in', who, { code, idempotencyKey });
  const appointmentEvents = () => hub.app.q.eventsSince(1, 0, 100_000).filter((e) => e.type === 'appointment');
  const auditActions = async () =>
    expectOk(await hub.call('GET', '/api/admin/audit', await as(hub, 'admin'))).entries.map((e: { action: string }) => e.action);
  /** Everything a refused request must leave alone: lines, desks, the event sequence, appointments and the audit trail. */
  const everything = async () => ({
    lines: await snapshot(hub),
    appointments: expectOk(await hub.call('GET', '/api/appointments', await as(hub, 'admin'))),
    tomorrow: expectOk(await hub.call('GET', '/api/appointments?day=2026-11-25', await as(hub, 'admin'))),
    audit: await auditActions(),
    events: hub.app.q.lastSeq(1),
  });

  it('books an appointment from the agency booking system, and a retry with the same body returns the same one', async () => {
    const first = expectOk(await book({ bookingId: 'KELA-1001', startsAt: '2026-11-24T10:30:00+02:00', language: 'sv' }), 201);
    expect(first.change).toBe('created');
    expect(first.appointment).toEqual(
      expect.objectContaining({
        agencyId: aid(hub, 'kela'),
        serviceId: sid(hub, 'kela'),
        bookingId: 'KELA-1001',
        startsAt: '2026-11-24T08:30:00.000Z',
        lengthMin: 20,
        language: 'sv',
        status: 'booked',
        source: 'api',
        visitId: null,
      }),
    );
    expect(first.appointment.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const again = expectOk(await book({ bookingId: 'KELA-1001', startsAt: '2026-11-24T10:30:00+02:00', language: 'sv' }), 200);
    expect(again).toEqual({ change: 'unchanged', appointment: first.appointment });
    expect(appointmentEvents()).toHaveLength(1);

    const kelaDay = expectOk(await hub.call('GET', '/api/appointments', await as(hub, 'kela')));
    expect(kelaDay).toEqual({ day: '2026-11-24', appointments: [first.appointment] });
    // another agency's staff do not see it, and neither do its events reach them
    expect(expectOk(await hub.call('GET', '/api/appointments', await as(hub, 'kunta'))).appointments).toEqual([]);
    expect(appointmentEvents()[0]!.agencyIds).toEqual([aid(hub, 'kela')]);
  });

  it('gives every appointment of a day its own code, without look-alike characters', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      codes.add(expectOk(await book({ bookingId: `KELA-${i}`, startsAt: '2026-11-24T13:00:00+02:00' }), 201).appointment.code);
    }
    expect(codes.size).toBe(40);
    for (const c of codes) expect(c).not.toMatch(/[01OIL]/);
  });

  it('moves an appointment when the same booking id comes with another time, audited and told to the agency', async () => {
    const first = expectOk(await book({ bookingId: 'KELA-7', startsAt: '2026-11-24T10:30:00+02:00' }), 201).appointment;
    const moved = expectOk(await book({ bookingId: 'KELA-7', startsAt: '2026-11-24T11:15:00+02:00', lengthMin: 30 }), 200);
    expect(moved.change).toBe('moved');
    expect(moved.appointment).toEqual(
      expect.objectContaining({ id: first.id, code: first.code, startsAt: '2026-11-24T09:15:00.000Z', lengthMin: 30, status: 'booked' }),
    );
    expect(await auditActions()).toEqual(expect.arrayContaining(['appointment.create', 'appointment.move']));
    expect(appointmentEvents().map((e) => (e.data as { change: string }).change)).toEqual(['created', 'moved']);
  });

  it('cancels an appointment: its code no longer checks in and its booking id no longer moves it', async () => {
    const a = expectOk(await book({ bookingId: 'KELA-8', startsAt: '2026-11-24T10:30:00+02:00' }), 201).appointment;
    const cancelled = expectOk(await hub.call('POST', `/api/appointments/${a.id}/cancel`, booking));
    expect(cancelled).toEqual(expect.objectContaining({ id: a.id, status: 'cancelled' }));
    expect(await auditActions()).toContain('appointment.cancel');
    // cancelling again changes nothing
    const seq = hub.app.q.lastSeq(1);
    expectOk(await hub.call('POST', `/api/appointments/${a.id}/cancel`, booking));
    expect(hub.app.q.lastSeq(1)).toBe(seq);

    const before = await everything();
    expectError(await checkIn(a.code), 409, 'APPOINTMENT_CANCELLED');
    expectError(await book({ bookingId: 'KELA-8', startsAt: '2026-11-24T12:00:00+02:00' }), 409, 'APPOINTMENT_CANCELLED');
    expect(await everything()).toEqual(before);
  });

  it('lets staff book a follow-up from the console without a booking id, for their own agency only', async () => {
    const kela = await as(hub, 'kela');
    const res = expectOk(await book({ startsAt: '2026-11-25T09:00:00+02:00', source: 'console' }, kela), 201);
    expect(res.appointment).toEqual(expect.objectContaining({ source: 'console', status: 'booked' }));
    expect(res.appointment.bookingId).toMatch(/^console-/);
    const before = await everything();
    expectError(await book({ serviceId: sid(hub, 'kunta'), startsAt: '2026-11-25T09:00:00+02:00' }, kela), 403, 'FORBIDDEN');
    expectError(await book({ bookingId: 'X-1', serviceId: sid(hub, 'kunta'), startsAt: '2026-11-25T09:00:00+02:00' }), 403, 'FORBIDDEN');
    expectError(await book({ startsAt: '2026-11-25T09:00:00+02:00' }), 400, 'VALIDATION_FAILED');
    expect(await everything()).toEqual(before);
  });

  it('checks in by code with a number like a walk-in, called before an earlier walk-in at its time', async () => {
    const a = expectOk(await book({ bookingId: 'KELA-20', startsAt: '2026-11-24T10:30:00+02:00', language: 'en' }), 201).appointment;
    const walkIn = await issue(hub, ['kela']);
    expect(walkIn.number).toBe('K001');
    hub.clock.set('2026-11-24T10:25:00+02:00');
    const ticket = expectOk(await checkIn(a.code.toLowerCase()), 201);
    expect(ticket).toEqual(
      expect.objectContaining({
        number: 'K002',
        language: 'en',
        replayed: false,
        appointment: { id: a.id, startsAt: '2026-11-24T08:30:00.000Z', late: false },
      }),
    );
    expect(ticket.phonePath).toMatch(/^\/v\//);
    // at its time it is first in line, and the phone pages say so
    expect((await phonePage(hub, ticket.token)).current.peopleAhead).toBe(0);
    expect((await phonePage(hub, walkIn.token)).current.peopleAhead).toBe(1);
    const kela = await as(hub, 'kela');
    const line = (await hub.call('GET', '/api/queues', kela)).body.queues.find((q: { serviceId: number }) => q.serviceId === sid(hub, 'kela'));
    expect(line.entries.map((e: { number: string; appointment: unknown }) => [e.number, e.appointment])).toEqual([
      ['K002', { startsAt: '2026-11-24T08:30:00.000Z' }],
      ['K001', null],
    ]);
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expect(called.step).toEqual(expect.objectContaining({ number: 'K002', appointment: { startsAt: '2026-11-24T08:30:00.000Z' } }));
    expect(expectOk(await hub.call('GET', '/api/appointments', kela)).appointments[0]).toEqual(
      expect.objectContaining({ status: 'checked_in', number: 'K002', visitId: ticket.visitId }),
    );
  });

  it('lets an early check-in wait while others are due, and calls it early only when nobody else waits', async () => {
    const a = expectOk(await book({ bookingId: 'KELA-21', startsAt: '2026-11-24T11:00:00+02:00' }), 201).appointment;
    const early = expectOk(await checkIn(a.code), 201);
    expect(early.appointment.late).toBe(false);
    hub.clock.advanceMinutes(5);
    const walkIn = await issue(hub, ['kela']);
    expect((await phonePage(hub, early.token)).current.peopleAhead).toBe(1);
    expect((await phonePage(hub, walkIn.token)).current.peopleAhead).toBe(0);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    const first = expectOk(await callNext(hub, kela, '1')).step;
    expect(first.number).toBe(walkIn.number);
    expectOk(await hub.call('POST', `/api/steps/${first.id}/finish`, kela));
    // 10:05, the appointment is due at 10:50: nobody else waits, so it need not wait either
    const second = expectOk(await callNext(hub, kela, '1')).step;
    expect(second).toEqual(expect.objectContaining({ number: early.number, appointment: { startsAt: '2026-11-24T09:00:00.000Z' } }));
  });

  it('joins a check-in past the late limit to the walk-in line at its check-in time, and says so', async () => {
    const a = expectOk(await book({ bookingId: 'KELA-22', startsAt: '2026-11-24T10:10:00+02:00' }), 201).appointment;
    hub.clock.set('2026-11-24T10:15:00+02:00');
    const walkIn = await issue(hub, ['kela']);
    hub.clock.set('2026-11-24T10:20:01+02:00');
    const late = expectOk(await checkIn(a.code), 201);
    expect(late.appointment).toEqual({ id: a.id, startsAt: '2026-11-24T08:10:00.000Z', late: true });
    expect((await phonePage(hub, late.token)).current.peopleAhead).toBe(1);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    expect(expectOk(await callNext(hub, kela, '1')).step.number).toBe(walkIn.number);
  });

  it('retries a check-in with the same key to the same visit, and refuses a second check-in', async () => {
    const a = expectOk(await book({ bookingId: 'KELA-23', startsAt: '2026-11-24T10:30:00+02:00' }), 201).appointment;
    const k = key();
    const first = expectOk(await checkIn(a.code, k), 201);
    const retry = expectOk(await checkIn(a.code, k), 200);
    expect(retry).toEqual(expect.objectContaining({ visitId: first.visitId, number: first.number, replayed: true, appointment: first.appointment }));
    const before = await everything();
    expectError(await checkIn(a.code), 409, 'APPOINTMENT_ALREADY_CHECKED_IN');
    expectError(await book({ bookingId: 'KELA-23', startsAt: '2026-11-24T12:00:00+02:00' }), 409, 'APPOINTMENT_NOT_MOVABLE');
    expect(await everything()).toEqual(before);
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const tomorrow = expectOk(await book({ bookingId: 'KELA-30', startsAt: '2026-11-25T10:00:00+02:00' }), 201).appointment;
    const kunta = await as(hub, 'kunta');
    const admin = await as(hub, 'admin');
    const before = await everything();
    // check-in: an unknown code, a code for another day, a malformed code, a display
    const unknown = tomorrow.code === '222222' ? '333333' : '222222';
    expectError(await checkIn(unknown), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await checkIn(tomorrow.code), 409, 'APPOINTMENT_NOT_TODAY');
    expectError(await checkIn('AB1'), 400, 'VALIDATION_FAILED');
    expectError(await checkIn('OOOOOO'), 400, 'VALIDATION_FAILED');
    expectError(await checkIn(tomorrow.code, key(), display), 403, 'FORBIDDEN');
    expectError(await checkIn(tomorrow.code, key(), booking), 403, 'FORBIDDEN');
    // booking: no service of this hub, bad times, a closed service, a kiosk, another agency, bad fields
    expectError(await book({ bookingId: 'KELA-31', serviceId: 9999, startsAt: '2026-11-24T12:00:00+02:00' }), 404, 'SERVICE_NOT_FOUND');
    expectError(await book({ bookingId: 'KELA-32', startsAt: '2026-11-24T09:00:00+02:00' }), 400, 'APPOINTMENT_TIME_INVALID');
    expectError(await book({ bookingId: 'KELA-33', startsAt: '2028-11-24T09:00:00+02:00' }), 400, 'APPOINTMENT_TIME_INVALID');
    expectError(await book({ bookingId: 'KELA-34', startsAt: 'tomorrow at nine' }), 400, 'VALIDATION_FAILED');
    expectError(await book({ bookingId: 'KELA-35', startsAt: '2026-11-24T12:00:00' }), 400, 'VALIDATION_FAILED');
    expectError(await book({ bookingId: 'KELA-36', startsAt: '2026-11-24T12:00:00+02:00', lengthMin: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await book({ bookingId: 'KELA 37', startsAt: '2026-11-24T12:00:00+02:00' }), 400, 'VALIDATION_FAILED');
    expectError(await book({ bookingId: 'KELA-38', startsAt: '2026-11-24T12:00:00+02:00', name: 'Matti' }), 400, 'VALIDATION_FAILED');
    // the pop-up opens on Tuesdays only
    expectError(
      await book({ serviceId: sid(hub, 'terveys'), startsAt: '2026-11-25T12:00:00+02:00' }, kunta),
      409,
      'SERVICE_CLOSED',
    );
    expectError(await book({ bookingId: 'KELA-39', startsAt: '2026-11-24T12:00:00+02:00' }, kiosk), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', `/api/appointments/${tomorrow.id}/cancel`, kunta), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', '/api/appointments/99999/cancel', booking), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await hub.call('GET', '/api/appointments', booking), 403, 'FORBIDDEN');
    // devices: a booking system needs its agency, and only it has one
    expectError(await hub.call('POST', '/api/admin/devices', admin, { kind: 'booking', name: 'B' }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('POST', '/api/admin/devices', admin, { kind: 'kiosk', name: 'K', agencyId: aid(hub, 'kela') }), 400, 'VALIDATION_FAILED');
    expect(await everything()).toEqual(before);
  });

  it("counts the appointments due before a walk-in's turn in its estimate, on the phone page and the line", async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    const walkIn = await issue(hub, ['kela']);
    const line = async () => (await hub.call('GET', '/api/queues', kiosk)).body.queues.find((q: { serviceId: number }) => q.serviceId === sid(hub, 'kela'));
    expect((await phonePage(hub, walkIn.token)).current).toEqual(expect.objectContaining({ peopleAhead: 0, estimateMin: 0 }));
    const typical = (await line()).typicalMin;
    // one due at 10:05 (from 9:55 with the early window) and one this afternoon
    expectOk(await book({ bookingId: 'KELA-40', startsAt: '2026-11-24T10:05:00+02:00' }), 201);
    expectOk(await book({ bookingId: 'KELA-41', startsAt: '2026-11-24T14:00:00+02:00' }), 201);
    expect((await phonePage(hub, walkIn.token)).current).toEqual(expect.objectContaining({ peopleAhead: 0, estimateMin: Math.ceil(typical) }));
    const after = await line();
    expect(after.appointmentsDue).toEqual(['2026-11-24T07:55:00.000Z', '2026-11-24T11:50:00.000Z']);
    // the next to arrive waits for the walk-in and the 10:05 appointment, not the afternoon's
    expect(after.estimateMin).toBe(Math.ceil(2 * typical));
  });

  it("keeps a phone page's count and estimate from the line's events in step with the server", async () => {
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    const walkIn = await issue(hub, ['kela']);
    const page = await phonePage(hub, walkIn.token);
    const early = expectOk(await book({ bookingId: 'KELA-50', startsAt: '2026-11-24T10:40:00+02:00' }), 201).appointment;
    const due = expectOk(await book({ bookingId: 'KELA-51', startsAt: '2026-11-24T10:10:00+02:00' }), 201).appointment;
    hub.clock.set('2026-11-24T10:05:00+02:00');
    expectOk(await checkIn(early.code), 201);
    expectOk(await checkIn(due.code), 201);
    let current = page.current;
    for (const e of hub.app.q.eventsSince(1, page.seq, 1000)) {
      if (e.type === 'queues') current = followLine(current, e.data as QueuesData, e.at);
    }
    const server = (await phonePage(hub, walkIn.token)).current;
    // the 10:10 appointment is due and ahead; the 10:40 one waits behind the walk-in until 10:30
    expect(server.peopleAhead).toBe(1);
    expect({ peopleAhead: current.peopleAhead, estimateMin: current.estimateMin }).toEqual({ peopleAhead: server.peopleAhead, estimateMin: server.estimateMin });
  });

  it("follows the hub's window: an admin sets the early and late minutes", async () => {
    const admin = await as(hub, 'admin');
    expect(expectOk(await hub.call('GET', '/api/admin/hub/appointment-policy', admin))).toEqual({ earlyMin: 10, lateMin: 10 });
    expectError(await hub.call('PUT', '/api/admin/hub/appointment-policy', await as(hub, 'kela'), { earlyMin: 0, lateMin: 5 }), 403, 'FORBIDDEN');
    expectError(await hub.call('PUT', '/api/admin/hub/appointment-policy', admin, { earlyMin: -1, lateMin: 5 }), 400, 'VALIDATION_FAILED');
    expect(expectOk(await hub.call('PUT', '/api/admin/hub/appointment-policy', admin, { earlyMin: 0, lateMin: 5 }))).toEqual({ earlyMin: 0, lateMin: 5 });
    expect(await auditActions()).toContain('hub.appointment-policy');
    const a = expectOk(await book({ bookingId: 'KELA-60', startsAt: '2026-11-24T10:10:00+02:00' }), 201).appointment;
    hub.clock.set('2026-11-24T10:15:01+02:00');
    expect(expectOk(await checkIn(a.code), 201).appointment.late).toBe(true);
  });

  it("lets the agency's staff, guides and admins check a visitor in, not another agency's staff", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(expectOk(await book({ bookingId: `KELA-7${i}`, startsAt: '2026-11-24T10:30:00+02:00' }), 201).appointment.code);
    const kunta = await as(hub, 'kunta');
    const before = await everything();
    expectError(await checkIn(codes[0]!, key(), kunta), 403, 'FORBIDDEN');
    expect(await everything()).toEqual(before);
    expect(expectOk(await checkIn(codes[0]!, key(), await as(hub, 'kela')), 201).number).toBe('K001');
    expect(expectOk(await checkIn(codes[1]!, key(), await as(hub, 'neuvonta')), 201).number).toBe('K002');
    expect(expectOk(await checkIn(codes[2]!, key(), await as(hub, 'admin')), 201).number).toBe('K003');
  });
});
