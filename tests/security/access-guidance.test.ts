/**
 * Issue 9 §1, "Guidance is everyone's": staff may serve the Guidance line while their desk is
 * open for it, and reading follows serving.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/app.js';
import { as, callNext, expectError, expectOk, issue as issueApi, openDesk as openDeskApi, queues, sid } from '../api/helpers.js';
import { Clients, issue, openDesk, startRealtimeHub, stepAction, callNext as callNextRt, type TestClient } from '../realtime/clients.js';

describe('reading follows serving (HTTP)', () => {
  let hub: TestHub;
  let url = '';
  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
  });
  afterEach(async () => {
    await hub.app.close();
  });

  it("keeps Kela staff from reading the visit of a finished Guidance step with its Police step, needs and language", async () => {
    void url;
    const guide = await as(hub, 'neuvonta');
    await issueApi(hub, 'guidance', { language: 'ar', needs: { interpreter: true } });
    await openDeskApi(hub, guide, '1', ['neuvonta']);
    const called = expectOk(await callNext(hub, guide, '1'));
    expectOk(await hub.call('POST', `/api/steps/${called.step.id}/refer`, guide, { services: [sid(hub, 'poliisi')], reason: 'needs_other_service' }));
    const kela = await as(hub, 'kela');
    expectError(await hub.call('GET', `/api/steps/${called.step.id}`, kela), 403, 'FORBIDDEN');

    // Police, whose line the visitor waits in, reads the visit; the Guidance step by agency, service and status only
    const poliisi = await as(hub, 'poliisi');
    const read = expectOk(await hub.call('GET', `/api/steps/${called.step.id}`, poliisi));
    expect(read.visit).toMatchObject({ language: 'ar', needs: { interpreter: true } });
    const guidanceStep = read.visit.steps.find((s: any) => s.id === called.step.id);
    expect(guidanceStep).toMatchObject({ agencyId: hub.ids.agency.neuvonta, serviceId: sid(hub, 'neuvonta'), status: 'referred', deskId: null, userId: null, calledAt: null });
  });

  it('shows Guidance entries to staff only while their desk is open for Guidance; guides always', async () => {
    await issueApi(hub, 'guidance');
    const kela = await as(hub, 'kela');
    const line = async (who: any) => (await queues(hub, who)).find((q) => q.serviceId === sid(hub, 'neuvonta'));
    expect((await line(kela)).entries).toBeUndefined();
    expect((await line(await as(hub, 'neuvonta'))).entries).toHaveLength(1);
    await openDeskApi(hub, kela, '2', ['kela', 'neuvonta']);
    expect((await line(kela)).entries).toHaveLength(1);
  });

  it('keeps staff without a desk open for Guidance from cancelling Guidance visitors', async () => {
    const v = await issueApi(hub, 'guidance');
    const stepId = hub.app.q.stepsOfVisit(v.visitId)[0]!.id;
    expectError(await hub.call('POST', `/api/steps/${stepId}/cancel`, await as(hub, 'ohjaamo')), 403, 'FORBIDDEN');
  });
});

describe('step events through Guidance (sockets)', () => {
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

  it("never gives Kela staff other agencies' step events through Guidance, and Guidance ones only with a desk open for it", async () => {
    const cookies = { kela: await hub.login('kela'), neuvonta: await hub.login('neuvonta'), poliisi: await hub.login('poliisi') };
    const kela: TestClient = await clients.staff(cookies.kela, 'kela');
    const guide: TestClient = await clients.staff(cookies.neuvonta, 'guide');
    const g = await issue(hub, 'neuvonta');
    await guide.waitFor('step', (e) => e.data.step.visitId === g.visitId);
    await kela.barrier();
    expect(kela.ofType('step')).toEqual([]);

    // the guide refers the visitor to the Police: Kela hears nothing of it
    await openDesk(hub, cookies.neuvonta, '1', 'neuvonta');
    const c = await callNextRt(hub, cookies.neuvonta, '1');
    await stepAction(hub, cookies.neuvonta, c.stepId, 'refer', { services: [hub.ids.service.poliisi], reason: 'needs_other_service' });
    await guide.waitFor('step', (e) => e.data.change === 'referred');
    await kela.barrier();
    expect(kela.ofType('step')).toEqual([]);
    const replay = await kela.sync({ since: 0 });
    expect('data' in replay && replay.data.events.filter((e) => e.type === 'step')).toEqual([]);

    // with a desk open for Guidance, Kela hears Guidance steps, and still no Police ones
    await openDesk(hub, cookies.kela, '2', 'kela', 'neuvonta');
    const g2 = await issue(hub, 'neuvonta');
    await kela.waitFor('step', (e) => e.data.step.visitId === g2.visitId);
    await issue(hub, 'poliisi');
    await kela.barrier();
    expect(kela.ofType('step').map((e) => e.data.step.agencyId)).toEqual([hub.ids.agency.neuvonta]);

    // the desk closed, the socket's rooms follow at once: no more Guidance steps
    expect((await hub.call('POST', `/api/desks/${hub.ids.desk['2']}/close`, { cookie: cookies.kela })).status).toBe(200);
    const g3 = await issue(hub, 'neuvonta');
    await guide.waitFor('step', (e) => e.data.step.visitId === g3.visitId);
    await kela.barrier();
    expect(kela.ofType('step').map((e) => e.data.step.visitId)).toEqual([g2.visitId]);
  });
});
