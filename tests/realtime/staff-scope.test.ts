import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '@luukku/shared';
import type { TestHub } from '../support/app.js';
import { callNext, Clients, issue, startRealtimeHub, openDesk, stepAction, type EventOf, type TestClient } from './clients.js';

describe('staff hear the step changes of their own agencies', () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);
  let kela: TestClient;
  let ohjaamo: TestClient;
  let asunnot: TestClient;
  let admin: TestClient;
  const cookies: Record<string, string> = {};

  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
    for (const u of ['kela', 'ohjaamo', 'asunnot', 'admin']) cookies[u] = await hub.login(u);
    kela = await clients.staff(cookies.kela!, 'kela');
    ohjaamo = await clients.staff(cookies.ohjaamo!, 'ohjaamo');
    asunnot = await clients.staff(cookies.asunnot!, 'asunnot');
    admin = await clients.staff(cookies.admin!, 'admin');
  });
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  const stepsOf = (c: TestClient): EventOf<'step'>[] => c.ofType('step');
  const agencyOf = (e: EventOf<'step'>) => e.data.step.agencyId;
  async function barriers() {
    await Promise.all([kela, ohjaamo, asunnot, admin].map((c) => c.barrier()));
  }
  async function replay(c: TestClient): Promise<HubEvent[]> {
    const ack = await c.sync({ since: 0 });
    if (!('data' in ack)) throw new Error(JSON.stringify(ack));
    return ack.data.events;
  }

  it("Kela staff receive step events for Kela's line and not for Ohjaamo's; Ohjaamo the reverse; admin both", async () => {
    const k = await issue(hub, 'kela');
    const o = await issue(hub, 'ohjaamo');

    const kIssued = await kela.waitFor('step', (e) => e.data.change === 'issued' && e.data.step.visitId === k.visitId);
    expect(kIssued.data.step).toMatchObject({ number: k.number, serviceId: hub.ids.service.kela, agencyId: hub.ids.agency.kela, status: 'waiting' });
    await ohjaamo.waitFor('step', (e) => e.data.change === 'issued' && e.data.step.visitId === o.visitId);
    await admin.waitFor('step', (e) => e.data.step.visitId === o.visitId);
    await barriers();

    expect(stepsOf(kela).map(agencyOf)).toEqual([hub.ids.agency.kela]);
    expect(stepsOf(ohjaamo).map(agencyOf)).toEqual([hub.ids.agency.ohjaamo]);
    expect(stepsOf(asunnot)).toEqual([]);
    expect(stepsOf(admin).map((e) => e.data.step.visitId)).toEqual([k.visitId, o.visitId]);

    // sync applies the same rule
    const kelaReplay = (await replay(kela)).filter((e): e is EventOf<'step'> => e.type === 'step');
    expect(kelaReplay).toEqual(stepsOf(kela));
    const adminReplay = (await replay(admin)).filter((e) => e.type === 'step');
    expect(adminReplay).toEqual(stepsOf(admin));
  });

  it("Kela's call, start and finish reach Kela staff and admin, not Ohjaamo staff", async () => {
    await openDesk(hub, cookies.kela!, '2', 'kela');
    await issue(hub, 'kela');
    const c = await callNext(hub, cookies.kela!, '2');
    await stepAction(hub, cookies.kela!, c.stepId, 'start');
    await stepAction(hub, cookies.kela!, c.stepId, 'finish');

    await kela.waitFor('step', (e) => e.data.change === 'finished');
    await admin.waitFor('step', (e) => e.data.change === 'finished');
    await barriers();
    const changes = ['issued', 'called', 'started', 'finished'];
    expect(stepsOf(kela).map((e) => e.data.change)).toEqual(changes);
    expect(stepsOf(admin).map((e) => e.data.change)).toEqual(changes);
    expect(stepsOf(ohjaamo)).toEqual([]);
    // the call itself is public: every staff console hears it
    for (const s of [kela, ohjaamo, asunnot, admin]) expect(s.ofType('call').map((e) => e.data.deskName)).toEqual(['2']);
  });

  it("a referral from Kela to Ohjaamo tells Kela of its step and Ohjaamo of its own, admin both, and no third agency", async () => {
    await openDesk(hub, cookies.kela!, '1', 'kela');
    await issue(hub, 'kela');
    const c = await callNext(hub, cookies.kela!, '1');
    await barriers(); // everything before the referral has arrived
    const mark = { kela: kela.mark(), ohjaamo: ohjaamo.mark(), admin: admin.mark(), asunnot: asunnot.mark() };
    await stepAction(hub, cookies.kela!, c.stepId, 'refer', { services: [hub.ids.service.ohjaamo], reason: 'wrong_queue' });

    const referred = ['referred', hub.ids.agency.kela];
    const activated = ['activated', hub.ids.agency.ohjaamo];
    for (const [client, from, expected] of [
      [kela, mark.kela, [referred]],
      [ohjaamo, mark.ohjaamo, [activated]],
      [admin, mark.admin, [referred, activated]],
    ] as const) {
      const [change] = expected[expected.length - 1]!;
      await client.waitFor('step', (e) => e.data.change === change, 5_000, from);
      await client.barrier();
      expect(client.ofType('step', from).map((e) => [e.data.change, e.data.step.agencyId])).toEqual(expected);
    }
    await asunnot.barrier();
    expect(asunnot.ofType('step', mark.asunnot)).toEqual([]);
  });

  it('guidance steps reach guides, admin and staff whose desk is open for Guidance, not other staff', async () => {
    const guide = await clients.staff(await hub.login('neuvonta'), 'guide');
    await openDesk(hub, cookies.kela!, '2', 'kela', 'neuvonta');
    const res = await hub.call('POST', '/api/visits', { token: 'demo-kiosk' }, { guidance: true, language: 'sv', idempotencyKey: 'guidance-visit-1' });
    expect(res.status).toBe(201);
    for (const s of [kela, guide, admin]) {
      const e = await s.waitFor('step', (x) => x.data.step.visitId === res.body.visitId);
      expect(e.data.step.serviceId).toBe(hub.ids.service.neuvonta);
    }
    await barriers();
    expect(stepsOf(ohjaamo)).toEqual([]);
    expect(stepsOf(asunnot)).toEqual([]);
  });

  it("staff never receive a visitor's phone-page 'visit' events", async () => {
    await openDesk(hub, cookies.kela!, '3', 'kela');
    await issue(hub, 'kela');
    await callNext(hub, cookies.kela!, '3');
    await kela.waitFor('call');
    await barriers();
    for (const s of [kela, ohjaamo, asunnot, admin]) {
      expect(s.raw.filter((m) => m.event === 'visit')).toEqual([]);
      expect((await replay(s)).filter((e) => e.type === 'visit')).toEqual([]);
    }
  });
});
