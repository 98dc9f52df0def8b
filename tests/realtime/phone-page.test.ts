import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/app.js';
import { callNext, Clients, issue, openDesk, startRealtimeHub, stepAction } from './clients.js';

describe("the visitor's phone page", () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);

  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
  });
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  it('hears its own visit being called, with the desk, and not another visit', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '2', 'kela');
    const first = await issue(hub, 'kela');
    const second = await issue(hub, 'kela');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const phoneFirst = await clients.phone(first.token, 'phone:first');
    const phoneSecond = await clients.phone(second.token, 'phone:second');

    const called = await callNext(hub, kela, '2');
    expect(called.visitId).toBe(first.visitId);

    const news = await phoneFirst.waitFor('visit', (e) => e.data.current?.status === 'called');
    // the visit as its page shows it, so the page redraws from the event alone
    expect(news.data).toMatchObject({
      number: first.number,
      status: 'active',
      current: { status: 'called', label: expect.objectContaining({ fi: 'Kela' }), desk: { name: '2' }, peopleAhead: 0, place: null },
    });
    expect(news.data).not.toHaveProperty('token');
    // the other visitor's page heard the line move, but nothing about the first visit
    await phoneSecond.waitFor('queues', (e) => e.data.moves.some((m) => m.stepId === called.stepId && m.delta === -1));
    await phoneSecond.barrier();
    expect(phoneSecond.ofType('visit')).toEqual([]);

    // then the second visitor's turn: only their own page hears it
    await stepAction(hub, kela, called.stepId, 'finish');
    const done = await phoneFirst.waitFor('visit', (e) => e.data.status === 'done');
    expect(done.data).toMatchObject({ number: first.number, current: null });
    await callNext(hub, kela, '2');
    const turn = await phoneSecond.waitFor('visit', (e) => e.data.current?.status === 'called');
    expect(turn.data).toMatchObject({ number: second.number, current: { desk: { name: '2' } } });
    await phoneFirst.barrier();
    expect(phoneFirst.ofType('visit').map((e) => e.data.number)).toEqual([first.number, first.number]);
    expect(phoneSecond.ofType('visit').map((e) => e.data.number)).toEqual([second.number]);
  });

  it('never receives calls or staff step events, live or through sync', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '1', 'kela');
    const visit = await issue(hub, 'kela');
    const other = await issue(hub, 'kela');
    const phone = await clients.phone(visit.token);
    const c = await callNext(hub, kela, '1');
    await stepAction(hub, kela, c.stepId, 'finish');
    await callNext(hub, kela, '1');

    await phone.waitFor('visit', (e) => e.data.status === 'done');
    await phone.barrier();
    expect(phone.raw.map((m) => m.event).filter((e) => e !== 'visit' && e !== 'queues')).toEqual([]);

    const ack = await phone.sync({ since: 0 });
    if (!('data' in ack)) throw new Error(JSON.stringify(ack));
    expect(new Set(ack.data.events.map((e) => e.type))).toEqual(new Set(['visit', 'queues']));
    // its own visit's whole story (issued, called, done), none of the other visit's
    const own = ack.data.events.flatMap((e) => (e.type === 'visit' ? [e.data] : []));
    expect(own.map((d) => [d.number, d.status, d.current?.status ?? null])).toEqual([
      [visit.number, 'active', 'waiting'],
      [visit.number, 'active', 'called'],
      [visit.number, 'done', null],
    ]);
    expect(JSON.stringify(ack.data.events)).not.toContain(`"${other.number}"`);
  });

  it('two pages open on the same visit both hear it', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '3', 'kela');
    const visit = await issue(hub, 'kela');
    const a = await clients.phone(visit.token, 'phone:a');
    const b = await clients.phone(visit.token, 'phone:b');
    await callNext(hub, kela, '3');
    for (const p of [a, b]) {
      const e = await p.waitFor('visit', (x) => x.data.current?.status === 'called');
      expect(e.data.current?.desk?.name).toBe('3');
    }
  });
});
