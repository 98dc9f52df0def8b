import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/app.js';
import { callNext, Clients, issue, startRealtimeHub, openDesk } from './clients.js';

describe('calls on the lobby displays', () => {
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

  it('a call at a zone-a desk reaches zone-a and all-zone displays with the next seq, and not a zone-b display', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '1', 'kela');
    const visit = await issue(hub, 'kela');

    const zoneA = await clients.display('a');
    const all = await clients.display('all');
    const zoneB = await clients.display('b');
    // everyone sees the line grow: the last event each display saw before the call
    const before = await issue(hub, 'kela');
    const [prevA, prevAll] = await Promise.all([
      zoneA.waitFor('queues', (e) => e.data.queues.some((q) => q.serviceId === hub.ids.service.kela && q.waiting === 2)),
      all.waitFor('queues', (e) => e.data.queues.some((q) => q.serviceId === hub.ids.service.kela && q.waiting === 2)),
    ]);
    expect(before.number).toBe('K002');
    const hubSeqBefore = await zoneB.barrier();

    const called = await callNext(hub, kela, '1');
    expect(called.number).toBe(visit.number);

    for (const [display, prev] of [
      [zoneA, prevA],
      [all, prevAll],
    ] as const) {
      const call = await display.waitFor('call');
      expect(call.seq).toBeGreaterThan(prev.seq);
      // the call is the first event the command wrote, so it takes the hub's next seq
      expect(call.seq).toBe(hubSeqBefore + 1);
      expect(call.type).toBe('call');
      expect(call.data).toMatchObject({ number: 'K001', deskName: '1', zone: 'a', recall: false, stepId: called.stepId });
      expect(Number.isNaN(Date.parse(call.at))).toBe(false);
    }

    // zone b heard the same command's queue counts, but not the call
    await zoneB.waitFor('queues', (e) => e.seq > hubSeqBefore);
    await zoneB.barrier();
    expect(zoneB.ofType('call')).toEqual([]);
  });

  it('a call at a zone-b desk reaches the zone-b display and not the zone-a display', async () => {
    const ohjaamo = await hub.login('ohjaamo');
    await openDesk(hub, ohjaamo, '5', 'ohjaamo');
    const visit = await issue(hub, 'ohjaamo');
    const zoneA = await clients.display('a');
    const zoneB = await clients.display('b');

    await callNext(hub, ohjaamo, '5');

    const call = await zoneB.waitFor('call');
    expect(call.data).toMatchObject({ number: visit.number, deskName: '5', zone: 'b', agencyId: hub.ids.agency.ohjaamo });
    await zoneA.barrier();
    expect(zoneA.ofType('call')).toEqual([]);
  });

  it('a display that names no zone takes its device zone (the demo display has none) and hears every zone', async () => {
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    await openDesk(hub, kela, '2', 'kela');
    await openDesk(hub, ohjaamo, '6', 'ohjaamo');
    await issue(hub, 'kela');
    await issue(hub, 'ohjaamo');
    const display = await clients.display();

    await callNext(hub, kela, '2');
    await callNext(hub, ohjaamo, '6');

    await display.waitFor('call', (e) => e.data.zone === 'b');
    expect(display.ofType('call').map((e) => [e.data.deskName, e.data.zone])).toEqual([
      ['2', 'a'],
      ['6', 'b'],
    ]);
  });

  it('a recall is announced again on the zone display with a new, higher seq', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '3', 'kela');
    await issue(hub, 'kela');
    const zoneA = await clients.display('a');

    const called = await callNext(hub, kela, '3');
    const first = await zoneA.waitFor('call', (e) => !e.data.recall);
    const res = await hub.call('POST', `/api/steps/${called.stepId}/recall`, { cookie: kela });
    expect(res.status).toBe(200);
    const again = await zoneA.waitFor('call', (e) => e.data.recall);

    expect(again.seq).toBeGreaterThan(first.seq);
    expect(again.data).toMatchObject({ stepId: called.stepId, number: first.data.number, deskName: '3', zone: 'a' });
  });

  it('every client receives live events in strictly increasing seq order', async () => {
    const kela = await hub.login('kela');
    const zoneA = await clients.display('a');
    const staff = await clients.staff(kela, 'kela');
    await openDesk(hub, kela, '1', 'kela');
    for (let i = 0; i < 3; i++) await issue(hub, 'kela');
    for (let i = 0; i < 3; i++) {
      const c = await callNext(hub, kela, '1');
      await hub.call('POST', `/api/steps/${c.stepId}/finish`, { cookie: kela });
    }
    await zoneA.barrier();
    await staff.barrier();

    for (const client of [zoneA, staff]) {
      const seqs = client.events.map((e) => e.seq);
      expect(seqs.length).toBeGreaterThan(5);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
  });
});
