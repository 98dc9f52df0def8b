import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryRefused, seedHistory, type HistoryResult } from '../../server/src/demo/history.js';
import { startHub, type TestHub } from '../support/app.js';
import { as, expectOk, issue, openDesk, type Staff } from '../api/helpers.js';

/** npm run demo:history: believable past traffic, written through the real commands. */
let hub: TestHub;
let admin: Staff;
let result: HistoryResult;
const today = '2026-11-25';

beforeAll(async () => {
  hub = await startHub({ now: `${today}T08:00:00+02:00` });
  admin = await as(hub, 'admin');
  result = seedHistory(hub.app.q, { weeks: 2, seed: 7, now: hub.clock.now() });
});
afterAll(async () => {
  await hub.app.close();
});

const report = async (kind: string) => expectOk(await hub.call('GET', `/api/reports/${kind}?from=2026-11-01&to=${today}`, admin));

describe('the demo history', () => {
  it('has answers to the end-of-visit question: more yes when Guidance sorted it, fewer after referrals', async () => {
    const feedback = await report('feedback');
    expect(feedback.all.answered).toBeGreaterThan(100);
    expect(feedback.unknownPath.answered).toBeGreaterThan(0);
    const sorted = feedback.byGuidanceOutcome.find((g: any) => g.outcome === 'sorted');
    // shares of the groups large enough to show them, over paths of one agency and of several
    const share = (groups: any[]) => {
      const shown = groups.filter((g) => g.yes !== null);
      return shown.reduce((n, g) => n + g.yes, 0) / shown.reduce((n, g) => n + g.answered, 0);
    };
    expect(sorted.yesPct).toBeGreaterThan(75);
    expect(share(feedback.byPath.filter((p: any) => p.route.length === 1))).toBeGreaterThan(share(feedback.byPath.filter((p: any) => p.route.length >= 2)) + 0.05);
  });

  it('fills the past weekdays only', () => {
    expect(result.days).toEqual(['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24']);
    expect(result.visits).toBeGreaterThan(10 * 60);
  });

  it('looks like a real hub: peaks, guidance, referrals, no-shows', async () => {
    const arrivals = await report('arrivals');
    const hourly = (h: number) => arrivals.cells.filter((c: any) => c.hour === h).reduce((n: number, c: any) => n + c.visits, 0);
    // mid-morning and after lunch are busier than the lunch hour and the last hour
    expect(hourly(10)).toBeGreaterThan(hourly(11));
    expect(hourly(13)).toBeGreaterThan(hourly(11));
    expect(hourly(13)).toBeGreaterThan(hourly(15));
    expect(arrivals.weekdays.slice(5).map((w: any) => w.visits)).toEqual([0, 0]);

    const visits = arrivals.visits;
    const guidance = await report('guidance');
    expect(guidance.visits / visits).toBeGreaterThan(0.08);
    expect(guidance.visits / visits).toBeLessThan(0.22);
    expect(guidance.destinations.length).toBeGreaterThan(3);

    const referrals = await report('referrals');
    expect(referrals.referredVisits / visits).toBeGreaterThan(0.2);
    expect(referrals.referredVisits / visits).toBeLessThan(0.4);
    expect(referrals.completedPct).toBeGreaterThan(70);

    const services = await report('services');
    const kela = services.services.find((s: any) => s.serviceId === hub.ids.service.kela);
    expect(kela.noShows).toBeGreaterThan(0);
    expect(kela.medianMin).toBeGreaterThan(5);
    expect(kela.medianMin).toBeLessThan(12);

    const stay = await report('stay');
    expect(stay.multiAgency).toBeGreaterThan(0);
    expect(stay.medianMin).toBeGreaterThan(10);
  });

  it('does not write a day twice', () => {
    const again = seedHistory(hub.app.q, { weeks: 2, seed: 7, now: hub.clock.now() });
    expect(again.days).toEqual([]);
    expect(again.skipped).toEqual(result.days);
  });

  it("leaves today's numbering alone", async () => {
    expect((await issue(hub, ['kela'])).number).toBe('K001');
    expect((await issue(hub, 'guidance')).number).toBe('A001');
  });

  it('refuses while visitors are in line or desks are open, so the past never calls a live visitor', async () => {
    expect(() => seedHistory(hub.app.q, { weeks: 3, seed: 7, now: hub.clock.now() })).toThrow(HistoryRefused);
    await openDesk(hub, await as(hub, 'kela'), '2', ['kela']);
    expect(() => seedHistory(hub.app.q, { weeks: 3, seed: 7, now: hub.clock.now() })).toThrow(HistoryRefused);
  });
});
