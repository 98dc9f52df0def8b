import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '@luukku/shared';
import type { TestHub } from '../support/app.js';
import { Clients, startRealtimeHub, type TestClient } from './clients.js';

describe("an appointment's news goes to its agency's staff only", () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);
  let kela: TestClient;
  let kunta: TestClient;
  let admin: TestClient;
  let display: TestClient;

  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
    kela = await clients.staff(await hub.login('kela'), 'kela');
    kunta = await clients.staff(await hub.login('kunta'), 'kunta');
    admin = await clients.staff(await hub.login('admin'), 'admin');
    display = await clients.connect('display', { token: 'demo-display', zone: 'all' });
  });
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  it('tells Kela staff and admins of a Kela booking, live and on sync; not other agencies, not displays', async () => {
    const cookie = await hub.login('kela');
    const res = await hub.call('POST', '/api/appointments', { cookie }, { serviceId: hub.ids.service.kela, startsAt: '2026-11-24T11:00:00+02:00' });
    expect(res.status).toBe(201);
    const heard = await kela.waitFor('appointment', (e) => e.data.appointment.id === res.body.appointment.id);
    expect(heard.data).toEqual({ change: 'created', appointment: res.body.appointment });
    await admin.waitFor('appointment', (e) => e.data.appointment.id === res.body.appointment.id);
    await Promise.all([kunta.barrier(), display.barrier()]);
    expect(kunta.ofType('appointment')).toEqual([]);
    expect(display.raw.filter((m) => m.event === 'appointment')).toEqual([]);
    const replayed = async (c: TestClient): Promise<HubEvent[]> => {
      const ack = await c.sync({ since: 0 });
      if (!('data' in ack)) throw new Error(JSON.stringify(ack));
      return ack.data.events.filter((e) => e.type === 'appointment');
    };
    expect(await replayed(kela)).toHaveLength(1);
    expect(await replayed(kunta)).toEqual([]);
    expect(await replayed(display)).toEqual([]);
  });
});
