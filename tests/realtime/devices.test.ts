import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../support/app.js';
import { callNext, Clients, issue, openDesk, startRealtimeHub } from './clients.js';

describe('paired devices on the socket', () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);
  let admin = '';

  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
    admin = await hub.login('admin');
  });
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  async function pair(kind: 'display' | 'kiosk', zone: string | null): Promise<{ id: number; token: string }> {
    const res = await hub.call('POST', '/api/admin/devices', { cookie: admin }, { kind, name: `test ${kind} ${zone ?? ''}`, zone });
    expect(res.status).toBe(201);
    return { id: res.body.device.id, token: res.body.token };
  }

  it("a display paired to zone b hears zone b's calls by default, and zone a's only when it asks for 'all'", async () => {
    const device = await pair('display', 'b');
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    await openDesk(hub, kela, '1', 'kela');
    await openDesk(hub, ohjaamo, '4', 'ohjaamo');
    await issue(hub, 'kela');
    await issue(hub, 'ohjaamo');
    const byDefault = await clients.connect('paired:b', { token: device.token });
    const asksAll = await clients.connect('paired:all', { token: device.token, zone: 'all' });

    await callNext(hub, kela, '1');
    await callNext(hub, ohjaamo, '4');

    await asksAll.waitFor('call', (e) => e.data.zone === 'b');
    await byDefault.waitFor('call', (e) => e.data.zone === 'b');
    await byDefault.barrier();
    expect(byDefault.ofType('call').map((e) => e.data.deskName)).toEqual(['4']);
    expect(asksAll.ofType('call').map((e) => e.data.deskName)).toEqual(['1', '4']);
  });

  it('a kiosk socket hears the queue counts and nothing else', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '1', 'kela');
    const kiosk = await clients.connect('kiosk', { token: 'demo-kiosk', zone: 'all' });
    await issue(hub, 'kela');
    await callNext(hub, kela, '1');
    await kiosk.waitFor('queues', (e) => e.data.queues.some((q) => q.serviceId === hub.ids.service.kela && q.waiting === 0));
    await kiosk.barrier();
    expect(kiosk.raw.map((m) => m.event).filter((e) => e !== 'queues')).toEqual([]);
    const ack = await kiosk.sync({ since: 0 });
    if (!('data' in ack)) throw new Error(JSON.stringify(ack));
    expect(ack.data.events.filter((e) => e.type !== 'queues')).toEqual([]);
  });

  it('a revoked display token can no longer connect', async () => {
    const device = await pair('display', 'a');
    const ok = await clients.connect('before revoke', { token: device.token });
    expect(ok.socket.connected).toBe(true);
    const res = await hub.call('POST', `/api/admin/devices/${device.id}/revoke`, { cookie: admin });
    expect(res.status).toBe(200);
    const err = await clients.refused({ token: device.token });
    expect(err.data?.code).toBe('UNAUTHENTICATED');
  });

  it('a display whose token is revoked stops hearing calls at once, also on a socket already open', async () => {
    const device = await pair('display', 'a');
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '1', 'kela');
    await issue(hub, 'kela');
    const display = await clients.connect('revoked', { token: device.token });
    const witness = await clients.display('a', 'witness');

    const res = await hub.call('POST', `/api/admin/devices/${device.id}/revoke`, { cookie: admin });
    expect(res.status).toBe(200);
    await callNext(hub, kela, '1');
    await witness.waitFor('call');
    await witness.barrier();
    // the revoked socket has either been cut off, or at least hears nothing more
    if (display.socket.connected) await display.barrier().catch(() => undefined);
    expect(display.ofType('call')).toEqual([]);
  });
});
