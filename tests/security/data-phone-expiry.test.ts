import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { expectError, issue, phonePage } from '../api/helpers.js';
import { Clients, listen } from '../realtime/clients.js';

describe("the phone page ends with the visit's day", () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  it("answers 410 VISIT_EXPIRED from the next local midnight on, with the visit's language for the message", async () => {
    hub = await startHub({ now: '2026-11-24T15:00:00+02:00' });
    const visit = await issue(hub, ['kela'], { language: 'sv' });
    hub.clock.set('2026-11-24T23:59:00+02:00');
    expect((await phonePage(hub, visit.token)).number).toBe(visit.number);

    hub.clock.set('2026-11-25T00:01:00+02:00');
    const res = await hub.call('GET', `/api/visits/${visit.token}`);
    expectError(res, 410, 'VISIT_EXPIRED');
    // the language only: no number, no status, nothing about what the visit was for
    expect(res.body.error.details).toEqual({ language: 'sv' });
  });

  it('follows the hub\'s own midnight, not UTC', async () => {
    // 23:30 in Helsinki is still 21:30 UTC of the same day
    hub = await startHub({ now: '2026-11-24T23:30:00+02:00' });
    const visit = await issue(hub, ['kela']);
    hub.clock.set('2026-11-25T00:30:00+02:00'); // 22:30 UTC, still the 24th in UTC
    expectError(await hub.call('GET', `/api/visits/${visit.token}`), 410, 'VISIT_EXPIRED');
  });

  it("refuses the phone page's socket for a visit of an earlier day", async () => {
    hub = await startHub({ now: '2026-11-24T15:00:00+02:00' });
    url = await listen(hub);
    const visit = await issue(hub, ['kela']);
    hub.clock.set('2026-11-25T08:00:00+02:00');
    const refusal = await clients.refused({ visit: visit.token });
    expect(refusal.data?.code).toBe('VISIT_EXPIRED');
  });

  it('cuts a phone socket that stayed open past midnight at its next sync', async () => {
    hub = await startHub({ now: '2026-11-24T23:50:00+02:00' });
    url = await listen(hub);
    const visit = await issue(hub, ['kela']);
    const phone = await clients.phone(visit.token);
    hub.clock.set('2026-11-25T00:10:00+02:00');
    const disconnected = new Promise<string>((resolve) => phone.socket.once('disconnect', resolve));
    expect(await phone.sync({ since: 0 })).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(await disconnected).toBe('io server disconnect');
  });
});
