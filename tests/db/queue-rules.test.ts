import { afterEach, describe, expect, it } from 'vitest';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';

/** The queue rules end to end through the real database: places in line, plans, estimates. */
describe('queue rules', () => {
  let hub: TestHub;
  afterEach(async () => {
    await hub.app.close();
  });

  const issue = async (services: string[] | 'guidance') =>
    (
      await hub.call('POST', '/api/visits', kiosk, {
        ...(services === 'guidance' ? { guidance: true } : { services: services.map((s) => hub.ids.service[s]) }),
        language: 'fi',
        idempotencyKey: key(),
      })
    ).body;

  async function deskFor(username: string, desk: string, services: string[]) {
    const cookie = await hub.login(username);
    const deskId = hub.ids.desk[desk]!;
    const opened = await hub.call('POST', `/api/desks/${deskId}/open`, { cookie }, { services: services.map((s) => hub.ids.service[s]) });
    expect(opened.status).toBe(200);
    return {
      next: async () => (await hub.call('POST', `/api/desks/${deskId}/call-next`, { cookie })).body,
      act: async (stepId: number, action: string, body?: unknown) => hub.call('POST', `/api/steps/${stepId}/${action}`, { cookie }, body),
    };
  }

  it('calls a referred visitor who arrived at 9:00 before one who arrived at 9:10', async () => {
    hub = await startHub({ now: '2026-11-24T09:00:00+02:00' });
    const early = await issue(['kela']);
    hub.clock.set('2026-11-24T09:10:00+02:00');
    const late = await issue(['asunnot']);
    const kela = await deskFor('kela', '1', ['kela']);
    const housing = await deskFor('asunnot', '4', ['asunnot']);

    hub.clock.set('2026-11-24T09:20:00+02:00');
    const called = await kela.next();
    expect(called.step.number).toBe(early.number);
    await kela.act(called.step.id, 'start');
    hub.clock.set('2026-11-24T09:40:00+02:00');
    const referred = await kela.act(called.step.id, 'refer', { services: [hub.ids.service.asunnot], reason: 'needs_other_service' });
    expect(referred.status).toBe(200);
    expect(referred.body.step.number).toBe(early.number);

    const first = await housing.next();
    expect(first.step.number).toBe(early.number);
    await housing.act(first.step.id, 'finish');
    const second = await housing.next();
    expect(second.step.number).toBe(late.number);
  });

  it('moves a planned visit on to its next service when the first is finished', async () => {
    hub = await startHub();
    const visit = await issue(['kela', 'asunnot']);
    expect(visit.steps.map((s: { status: string }) => s.status)).toEqual(['waiting', 'planned']);
    const kela = await deskFor('kela', '1', ['kela']);
    const housing = await deskFor('asunnot', '4', ['asunnot']);

    const empty = await hub.call('POST', `/api/desks/${hub.ids.desk['4']}/call-next`, { cookie: await hub.login('asunnot') });
    expect(empty.body.error.code).toBe('QUEUE_EMPTY');

    const k = await kela.next();
    await kela.act(k.step.id, 'finish');
    const phone = (await hub.call('GET', `/api/visits/${visit.token}`)).body;
    expect(phone.status).toBe('active');
    expect(phone.current.status).toBe('waiting');
    expect(phone.current.serviceId).toBe(hub.ids.service.asunnot);

    const h = await housing.next();
    expect(h.step.number).toBe(visit.number);
    await housing.act(h.step.id, 'finish');
    expect((await hub.call('GET', `/api/visits/${visit.token}`)).body.status).toBe('done');
  });

  it('lets the guide plan several steps at once, keeping one number', async () => {
    hub = await startHub();
    const visit = await issue('guidance');
    expect(visit.number).toMatch(/^A\d{3}$/);
    const guide = await deskFor('neuvonta', '2', ['neuvonta']);
    const g = await guide.next();
    const planned = await guide.act(g.step.id, 'refer', {
      services: [hub.ids.service.kela, hub.ids.service.asunnot],
      reason: 'planned_visit',
      note: 'Asumistuki ja vuokrasopimus',
    });
    expect(planned.status).toBe(200);
    const statuses = planned.body.visit.steps.map((s: { status: string }) => s.status);
    expect(statuses).toEqual(['referred', 'waiting', 'planned']);
    expect(new Set(planned.body.visit.steps.map((s: { number: string }) => s.number))).toEqual(new Set([visit.number]));
  });

  it('estimates the wait from recent service times and the desks open', async () => {
    hub = await startHub();
    const kela = await deskFor('kela', '1', ['kela']);
    // three finished visits of 4, 6 and 20 minutes: the median is 6
    for (const minutes of [4, 6, 20]) {
      await issue(['kela']);
      const s = await kela.next();
      await kela.act(s.step.id, 'start');
      hub.clock.advanceMinutes(minutes);
      await kela.act(s.step.id, 'finish');
    }
    await issue(['kela']);
    await issue(['kela']);
    const third = await issue(['kela']);
    expect(third.current.peopleAhead).toBe(2);
    expect(third.current.estimateMin).toBe(12);

    // a second desk opening for Kela halves the wait
    await deskFor('admin', '2', ['kela']);
    expect((await hub.call('GET', `/api/visits/${third.token}`)).body.current.estimateMin).toBe(6);
  });
});
