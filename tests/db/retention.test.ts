import { afterEach, describe, expect, it } from 'vitest';
import { startOfLocalDay } from '@luukku/shared';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';

describe('retention', () => {
  let hub: TestHub | undefined;
  afterEach(async () => {
    await hub?.app.close();
    hub = undefined;
  });

  async function referWithNote(note: string) {
    if (!hub) throw new Error('no hub');
    const visit = (await hub!.call('POST', '/api/visits', kiosk, { services: [hub!.ids.service.kela], language: 'fi', idempotencyKey: key() })).body;
    const cookie = await hub!.login('kela');
    await hub!.call('POST', `/api/desks/${hub!.ids.desk['1']}/open`, { cookie }, { services: [hub!.ids.service.kela] });
    const called = (await hub!.call('POST', `/api/desks/${hub!.ids.desk['1']}/call-next`, { cookie })).body;
    const referred = await hub!.call('POST', `/api/steps/${called.step.id}/refer`, { cookie }, {
      services: [hub!.ids.service.asunnot], reason: 'needs_other_service', note,
    });
    // the receiving agency reads the visit
    return { visit, cookie: await hub!.login('asunnot'), stepId: referred.body.step.id as number };
  }

  it('deletes referral notes at the end of the day and keeps the referral itself', async () => {
    hub = await startHub({ now: '2026-11-24T15:00:00+02:00' });
    const { cookie, stepId } = await referWithNote('Vuokravakuus, kysyy maksusuunnitelmaa');
    expect(purgeExpired(hub!.app.commands).notesDeleted).toBe(0);
    const today = (await hub!.call('GET', `/api/steps/${stepId}`, { cookie })).body;
    expect(today.visit.referrals[0].note).toBe('Vuokravakuus, kysyy maksusuunnitelmaa');

    hub!.clock.set('2026-11-25T00:01:00+02:00');
    expect(purgeExpired(hub!.app.commands).notesDeleted).toBe(1);
    const tomorrow = (await hub!.call('GET', `/api/steps/${stepId}`, { cookie })).body;
    expect(tomorrow.visit.referrals[0]).toMatchObject({ note: null, reason: 'needs_other_service', noteHidden: false });
  });

  it('anonymises finished visits after the retention period, so even the phone link\'s token is gone', async () => {
    hub = await startHub({ now: '2026-11-24T15:00:00+02:00' });
    const { visit, cookie, stepId } = await referWithNote('x');
    expect((await hub!.call('POST', `/api/steps/${stepId}/cancel`, { cookie })).status).toBe(200);
    hub!.clock.advanceMinutes(60 * 24 * 89);
    expect(purgeExpired(hub!.app.commands).visitsAnonymised).toBe(0);
    // the phone page ended with the visit's day (410); the token itself lives until anonymisation
    expect((await hub!.call('GET', `/api/visits/${visit.token}`)).status).toBe(410);
    hub!.clock.advanceMinutes(60 * 24 * 2);
    expect(purgeExpired(hub!.app.commands).visitsAnonymised).toBe(1);
    expect((await hub!.call('GET', `/api/visits/${visit.token}`)).status).toBe(404);
  });

  it('finds midnight in Helsinki in winter and in summer', () => {
    expect(new Date(startOfLocalDay(new Date('2026-11-24T15:00:00+02:00'), 'Europe/Helsinki')).toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(new Date(startOfLocalDay(new Date('2026-07-01T00:30:00+03:00'), 'Europe/Helsinki')).toISOString()).toBe('2026-06-30T21:00:00.000Z');
  });
});

describe('configurable note retention', () => {
  it('keeps notes for the configured number of extra days', async () => {
    const hub = await startHub({ now: '2026-11-24T15:00:00+02:00', config: { notesKeepDays: 2 } });
    try {
      const visit = (await hub.call('POST', '/api/visits', kiosk, { services: [hub.ids.service.kela], language: 'fi', idempotencyKey: key() })).body;
      const kela = await hub.login('kela');
      await hub.call('POST', `/api/desks/${hub.ids.desk['1']}/open`, { cookie: kela }, { services: [hub.ids.service.kela] });
      const called = (await hub.call('POST', `/api/desks/${hub.ids.desk['1']}/call-next`, { cookie: kela })).body;
      expect(called.step.number).toBe(visit.number);
      await hub.call('POST', `/api/steps/${called.step.id}/refer`, { cookie: kela }, { services: [hub.ids.service.asunnot], reason: 'other', note: 'x' });
      hub.clock.set('2026-11-26T12:00:00+02:00');
      expect(purgeExpired(hub.app.commands, 2).notesDeleted).toBe(0);
      hub.clock.set('2026-11-27T00:01:00+02:00');
      expect(purgeExpired(hub.app.commands, 2).notesDeleted).toBe(1);
    } finally {
      await hub.app.close();
    }
  });
});

describe('the end of the day', () => {
  it("ends yesterday's visits still in line, so nobody calls them the next morning", async () => {
    const hub = await startHub({ now: '2026-11-24T16:55:00+02:00' });
    try {
      const late = (await hub.call('POST', '/api/visits', kiosk, { services: [hub.ids.service.kela], language: 'fi', idempotencyKey: key() })).body;
      hub.clock.set('2026-11-25T08:00:00+02:00');
      expect(purgeExpired(hub.app.commands).visitsClosed).toBe(1);
      expect(hub.app.q.visitByToken(late.token)?.status).toBe('cancelled');
      // and its phone page has ended with its day
      expect((await hub.call('GET', `/api/visits/${late.token}`)).body.error.code).toBe('VISIT_EXPIRED');
      const kela = await hub.login('kela');
      await hub.call('POST', `/api/desks/${hub.ids.desk['1']}/open`, { cookie: kela }, { services: [hub.ids.service.kela] });
      const next = await hub.call('POST', `/api/desks/${hub.ids.desk['1']}/call-next`, { cookie: kela });
      expect(next.body.error.code).toBe('QUEUE_EMPTY');
      // today's visitors are untouched
      const today = (await hub.call('POST', '/api/visits', kiosk, { services: [hub.ids.service.kela], language: 'fi', idempotencyKey: key() })).body;
      expect(purgeExpired(hub.app.commands).visitsClosed).toBe(0);
      expect(today.number).toBe('K001');
    } finally {
      await hub.app.close();
    }
  });

  it('marks a booked appointment missed after its day, and deletes appointments with the visits of their day', async () => {
    const hub = await startHub({ now: '2026-11-24T09:00:00+02:00' });
    try {
      const kela = { cookie: await hub.login('kela') };
      const booked = await hub.call('POST', '/api/appointments', kela, {
        serviceId: hub.ids.service.kela, startsAt: '2026-11-24T13:00:00+02:00', needs: { interpreter: true },
      });
      expect(booked.status).toBe(201);
      hub.clock.set('2026-11-25T00:01:00+02:00');
      purgeExpired(hub.app.commands);
      const admin = { cookie: await hub.login('admin') };
      const day = (await hub.call('GET', '/api/appointments?day=2026-11-24', admin)).body;
      expect(day.appointments.map((a: { status: string }) => a.status)).toEqual(['no_show']);
      hub.clock.advanceMinutes(60 * 24 * 89);
      expect(purgeExpired(hub.app.commands).appointmentsDeleted).toBe(0);
      hub.clock.advanceMinutes(60 * 24 * 2);
      expect(purgeExpired(hub.app.commands).appointmentsDeleted).toBe(1);
      admin.cookie = await hub.login('admin');
      expect((await hub.call('GET', '/api/appointments?day=2026-11-24', admin)).body.appointments).toEqual([]);
      const audit = (await hub.call('GET', '/api/admin/audit', admin)).body.entries.filter((e: { subject: string }) => e.subject?.startsWith('appointment:'));
      expect(audit.map((e: { detail: unknown }) => e.detail)).toEqual([null]);
    } finally {
      await hub.app.close();
    }
  });
});
