import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, expectOk, issue } from '../api/helpers.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

describe('arrivals in local time', () => {
  it('puts a 9:30 arrival at 9 on both sides of the autumn clock change, and each day on its own weekday', async () => {
    // Finland leaves summer time on Sunday 25.10.2026 at 04:00
    hub = await startHub({ now: '2026-10-24T09:30:00+03:00' });
    await issue(hub, ['kela']);
    hub.clock.set('2026-10-26T09:30:00+02:00');
    await issue(hub, ['kela']);
    hub.clock.set('2026-10-26T23:45:00+02:00');
    await issue(hub, ['kela']);
    const admin = await as(hub, 'admin');
    const r = expectOk(await hub.call('GET', '/api/reports/arrivals?from=2026-10-24&to=2026-10-26', admin));
    expect(r.cells).toEqual([
      { weekday: 1, hour: 9, visits: 1 },
      { weekday: 1, hour: 23, visits: 1 },
      { weekday: 6, hour: 9, visits: 1 },
    ]);
    expect(r.weekdays.map((w: any) => w.days)).toEqual([1, 0, 0, 0, 0, 1, 1]);
  });

  it('counts a visit on the local day it arrived, not the UTC one', async () => {
    // 00:30 in Helsinki is still the previous day in UTC
    hub = await startHub({ now: '2026-11-25T00:30:00+02:00' });
    await issue(hub, ['kela']);
    const admin = await as(hub, 'admin');
    expect(expectOk(await hub.call('GET', '/api/reports/arrivals?day=2026-11-24', admin)).visits).toBe(0);
    expect(expectOk(await hub.call('GET', '/api/reports/arrivals?day=2026-11-25', admin)).cells).toEqual([{ weekday: 3, hour: 0, visits: 1 }]);
  });
});
