import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk, sid } from './helpers.js';

/** The demo hub's appointments for today (README, "The demo"): fixed codes a newcomer can type at the kiosk. */
describe('demo appointments', () => {
  const hubs: TestHub[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const h of hubs.splice(0)) await h.app.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const start = async (now: string, databasePath = ':memory:') => {
    const hub = await startHub({ now, config: { demoAppointments: true, databasePath } });
    hubs.push(hub);
    return hub;
  };
  const today = async (hub: TestHub, day?: string) =>
    expectOk(await hub.call('GET', `/api/appointments${day ? `?day=${day}` : ''}`, await as(hub, 'admin')));
  const checkIn = (hub: TestHub, code: string) => hub.call('POST', '/api/appointments/check-in', kiosk, { code, idempotencyKey: key() });

  it('seeds today\'s appointments with the documented codes: two due soon at Kela, one appointment-only, one late', async () => {
    const hub = await start('2026-11-24T10:00:00+02:00');
    const { day, appointments } = await today(hub);
    expect(day).toBe('2026-11-24');
    const byCode = Object.fromEntries(appointments.map((a: { code: string }) => [a.code, a]));
    expect(Object.keys(byCode).sort()).toEqual(['AJAN22', 'AJAN33', 'AJAN44', 'AJAN55']);
    expect(byCode.AJAN22).toEqual(expect.objectContaining({ serviceId: sid(hub, 'kela'), startsAt: '2026-11-24T08:05:00.000Z', status: 'booked' }));
    expect(byCode.AJAN33).toEqual(expect.objectContaining({ serviceId: sid(hub, 'kela'), startsAt: '2026-11-24T08:25:00.000Z' }));
    expect(byCode.AJAN44).toEqual(expect.objectContaining({ serviceId: sid(hub, 'kela-aika'), startsAt: '2026-11-24T08:15:00.000Z' }));
    expect(byCode.AJAN55).toEqual(expect.objectContaining({ serviceId: sid(hub, 'kela'), startsAt: '2026-11-24T07:30:00.000Z' }));
  });

  it('the codes work at the kiosk: on time gives a ticket for the service, the late one says late', async () => {
    const hub = await start('2026-11-24T10:00:00+02:00');
    const onTime = expectOk(await checkIn(hub, 'ajan22'), 201);
    expect(onTime.number).toMatch(/^K\d{3}$/);
    expect(onTime.appointment).toEqual(expect.objectContaining({ startsAt: '2026-11-24T08:05:00.000Z', late: false }));
    const onlyByAppointment = expectOk(await checkIn(hub, 'AJAN44'), 201);
    expect(onlyByAppointment.number).toMatch(/^B\d{3}$/);
    const late = expectOk(await checkIn(hub, 'AJAN55'), 201);
    expect(late.appointment.late).toBe(true);
    expectError(await checkIn(hub, 'AJAN22'), 409, 'APPOINTMENT_ALREADY_CHECKED_IN');
  });

  it('keeps every demo appointment within today when the demo starts just after midnight', async () => {
    const hub = await start('2026-11-24T00:10:00+02:00');
    const { appointments } = await today(hub);
    expect(appointments).toHaveLength(4);
    for (const a of appointments) expect(a.startsAt >= '2026-11-23T22:00:00.000Z').toBe(true);
  });

  it('a data folder kept from an earlier day gets the new day\'s appointments on its next start, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-demo-appts-'));
    dirs.push(dir);
    const path = join(dir, 'luukku.sqlite');
    const monday = await start('2026-11-23T12:00:00+02:00', path);
    expect((await today(monday)).appointments).toHaveLength(4);
    await monday.app.close();
    hubs.splice(hubs.indexOf(monday), 1);

    const tuesday = await start('2026-11-24T09:00:00+02:00', path);
    expect((await today(tuesday)).appointments.map((a: { code: string }) => a.code).sort()).toEqual(['AJAN22', 'AJAN33', 'AJAN44', 'AJAN55']);
    expectOk(await checkIn(tuesday, 'AJAN33'), 201);
    await tuesday.app.close();
    hubs.splice(hubs.indexOf(tuesday), 1);

    // a restart on the same day adds nothing: the checked-in one stays checked in
    const again = await start('2026-11-24T09:30:00+02:00', path);
    const day = await today(again);
    expect(day.appointments).toHaveLength(4);
    expect(day.appointments.find((a: { code: string }) => a.code === 'AJAN33').status).toBe('checked_in');
    expect((await today(again, '2026-11-23')).appointments).toHaveLength(4);
  });
});
