import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { as, aid, did, expectOk, forgetLogins, sid } from '../api/helpers.js';
import { day, notes, playSyntheticDay, type SyntheticDay } from './synthetic-day.js';

/**
 * The reports of the known day (see synthetic-day.ts for the timeline). Percentiles are linear
 * between the closest ranks: for sorted x[0…n-1], p is at h = (n-1)·p, x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋]).
 */
let d: SyntheticDay;
beforeAll(async () => {
  d = await playSyntheticDay();
});
afterAll(async () => {
  await d.hub.app.close();
});

const report = async (kind: string, who: 'admin' | 'kela' | 'neuvonta' | 'ohjaamo' = 'admin', query = `day=${day}`) =>
  expectOk(await d.hub.call('GET', `/api/reports/${kind}?${query}`, d.staff[who]));
const byService = (rows: any[], code: string) => rows.find((r) => r.serviceId === sid(d.hub, code));

describe('waiting time per service', () => {
  it('finds the median, the 90th percentile and the share within target from the hand-timed calls', async () => {
    const r = await report('waits');
    expect(r.hubTargetMin).toBe(15);
    // Kela: waits 4 (K001), 12 (K002), 18 (K003), 23 (A001: referred 09:08, called 09:31), 10 (K004),
    // 5 (O001: referred 10:20, called 10:25); sorted 4 5 10 12 18 23.
    // median h=2.5 → 10 + .5·2 = 11; p90 h=4.5 → 18 + .5·5 = 20.5; within its own 10 min: 4, 5, 10 → 3/6
    expect(byService(r.services, 'kela')).toMatchObject({
      agencyId: aid(d.hub, 'kela'), targetMin: 10, queued: 7, called: 6, leftWaiting: 1,
      medianMin: 11, p90Min: 20.5, withinTarget: 3, withinTargetPct: 50,
    });
    // housing: V001 1, K002 7 (referred 09:28, called 09:35), A001 10 (let in at 09:40 when Kela
    // finished, not at the referral or the arrival); median 7, p90 h=1.8 → 7 + .8·3 = 9.4; all within 15
    expect(byService(r.services, 'asunnot')).toMatchObject({
      targetMin: 15, queued: 3, called: 3, leftWaiting: 0, medianMin: 7, p90Min: 9.4, withinTarget: 3, withinTargetPct: 100,
    });
    // Guidance: 1, 1, 2 → median 1, p90 1 + .8·1 = 1.8
    expect(byService(r.services, 'neuvonta')).toMatchObject({ called: 3, medianMin: 1, p90Min: 1.8, withinTargetPct: 100 });
    // Ohjaamo: O001 5, A003 14 (referred 10:16, called 10:30) → median 9.5, p90 5 + .9·9 = 13.1
    expect(byService(r.services, 'ohjaamo')).toMatchObject({ called: 2, medianMin: 9.5, p90Min: 13.1, withinTarget: 2 });
    // a service nobody used is listed with nothing to divide
    expect(byService(r.services, 'tyo')).toMatchObject({ queued: 0, called: 0, medianMin: null, p90Min: null, withinTargetPct: null });
  });
});

describe('service time, no-shows and desks', () => {
  it('measures time at the desk from start to end, and counts who did not come', async () => {
    const r = await report('services');
    // Kela: 12, 10, 8, 14 → sorted 8 10 12 14: median 11, p90 h=2.7 → 12 + .7·2 = 13.4, mean 11;
    // no-shows K003 and O001 of 6 called
    expect(byService(r.services, 'kela')).toMatchObject({ served: 4, medianMin: 11, p90Min: 13.4, meanMin: 11, noShows: 2, noShowPct: 33.3 });
    // housing: 18, 14, 10 → median 14, p90 14 + .8·4 = 17.2
    expect(byService(r.services, 'asunnot')).toMatchObject({ served: 3, medianMin: 14, p90Min: 17.2, meanMin: 14, noShows: 0, noShowPct: 0 });
    // Guidance: 4 (A001, referred on), 5 (A002), 3 (A003) → median 4, p90 4.8
    expect(byService(r.services, 'neuvonta')).toMatchObject({ served: 3, medianMin: 4, p90Min: 4.8 });
    expect(byService(r.services, 'ohjaamo')).toMatchObject({ served: 2, medianMin: 14.5, p90Min: 14.9 });
  });

  it('counts visitors per desk', async () => {
    const r = await report('desks');
    expect(r.desks).toEqual([
      { deskId: did(d.hub, '1'), name: '1', zone: 'a', called: 6, served: 4, noShows: 2, medianServiceMin: 11 },
      { deskId: did(d.hub, '2'), name: '2', zone: 'a', called: 3, served: 3, noShows: 0, medianServiceMin: 14 },
      { deskId: did(d.hub, '3'), name: '3', zone: 'a', called: 3, served: 3, noShows: 0, medianServiceMin: 4 },
      { deskId: did(d.hub, '4'), name: '4', zone: 'b', called: 2, served: 2, noShows: 0, medianServiceMin: 14.5 },
    ]);
  });
});

describe('referrals between agencies', () => {
  const zero = { needs_other_service: 0, wrong_queue: 0, planned_visit: 0, visitor_request: 0, other: 0 };

  it('builds the from → to matrix with reasons, completions and hand-off times', async () => {
    const r = await report('referrals');
    const a = (code: string) => aid(d.hub, code);
    // five referrals on four visits; all but O001 → Kela (no-show) were completed.
    // hand-offs (referral → called): 23 (A001 → Kela), 42 (A001 → housing, the plan's second),
    // 7 (K002), 5 (O001), 14 (A003) → sorted 5 7 14 23 42: median 14, p90 h=3.6 → 23 + .6·19 = 34.4
    expect(r).toMatchObject({
      referrals: 5, referredVisits: 4, completed: 4, completedPct: 80, handoffMedianMin: 14, handoffP90Min: 34.4,
      reasons: { ...zero, needs_other_service: 2, planned_visit: 2, wrong_queue: 1 },
    });
    const pairs = [...r.pairs].sort((x: any, y: any) => x.fromAgencyId - y.fromAgencyId || x.toAgencyId - y.toAgencyId);
    expect(pairs).toEqual(
      [
        { fromAgencyId: a('neuvonta'), toAgencyId: a('kela'), referrals: 1, completed: 1, handoffMedianMin: 23, reasons: { ...zero, planned_visit: 1 } },
        { fromAgencyId: a('neuvonta'), toAgencyId: a('asunnot'), referrals: 1, completed: 1, handoffMedianMin: 42, reasons: { ...zero, planned_visit: 1 } },
        { fromAgencyId: a('neuvonta'), toAgencyId: a('ohjaamo'), referrals: 1, completed: 1, handoffMedianMin: 14, reasons: { ...zero, needs_other_service: 1 } },
        { fromAgencyId: a('kela'), toAgencyId: a('asunnot'), referrals: 1, completed: 1, handoffMedianMin: 7, reasons: { ...zero, needs_other_service: 1 } },
        { fromAgencyId: a('ohjaamo'), toAgencyId: a('kela'), referrals: 1, completed: 0, handoffMedianMin: 5, reasons: { ...zero, wrong_queue: 1 } },
      ].sort((x, y) => x.fromAgencyId - y.fromAgencyId || x.toAgencyId - y.toAgencyId),
    );
    expect(r.agencies.map((x: any) => x.id).sort()).toEqual([a('neuvonta'), a('kela'), a('asunnot'), a('ohjaamo')].sort());
  });

  it("shows Kela only the referrals it sent or received", async () => {
    const r = await report('referrals', 'kela');
    // neuvonta → Kela (23), Kela → housing (7), Ohjaamo → Kela (5, not completed)
    expect(r).toMatchObject({ referrals: 3, referredVisits: 3, completed: 2, handoffMedianMin: 7, meta: { agencyIds: [aid(d.hub, 'kela')] } });
    for (const p of r.pairs) expect([p.fromAgencyId, p.toAgencyId]).toContain(aid(d.hub, 'kela'));
  });
});

describe('"I don\'t know" visitors', () => {
  it('counts Guidance visitors and where they ended up', async () => {
    const r = await report('guidance');
    // A001 → Kela, housing; A002 sorted out at the desk; A003 → Ohjaamo
    expect(r).toMatchObject({ visits: 3, sentOn: 2, resolvedAtGuidance: 1, noShows: 0, other: 0 });
    expect(r.destinations.map((x: any) => [x.serviceId, x.visits, x.served]).sort()).toEqual(
      [[sid(d.hub, 'kela'), 1, 1], [sid(d.hub, 'asunnot'), 1, 1], [sid(d.hub, 'ohjaamo'), 1, 1]].sort(),
    );
  });

  it('shows an agency only the Guidance visitors sent to it', async () => {
    const r = await report('guidance', 'kela');
    expect(r).toMatchObject({ visits: 1, sentOn: 1, resolvedAtGuidance: 0 });
    expect(r.destinations.map((x: any) => x.serviceId)).toEqual([sid(d.hub, 'kela')]);
    // the guides see all of theirs
    expect((await report('guidance', 'neuvonta')).visits).toBe(3);
  });
});

describe('time in the hub', () => {
  it('measures arrival → last step end and counts visits that met several agencies', async () => {
    const r = await report('stay');
    // K001 17, A001 59, K002 45, K003 21, V001 20, A002 7, K004 25, O001 28, A003 36, K005 20
    // sorted 7 17 20 20 21 25 28 36 45 59: median 21 + .5·4 = 23, p90 h=8.1 → 45 + .1·14 = 46.4
    expect(r).toMatchObject({ visits: 10, medianMin: 23, p90Min: 46.4, multiAgency: 4, multiAgencyPct: 40 });
    expect(r.buckets).toEqual([
      { fromMin: 0, toMin: 15, visits: 1 },
      { fromMin: 15, toMin: 30, visits: 6 },
      { fromMin: 30, toMin: 60, visits: 3 },
      { fromMin: 60, toMin: 90, visits: 0 },
      { fromMin: 90, toMin: 120, visits: 0 },
      { fromMin: 120, toMin: null, visits: 0 },
    ]);
    // by agencies met: 0 = K005 (left unserved); 1 = 7 17 20 21 25; 2 = K002 45, O001 28, A003 36; 3 = A001
    expect(r.byAgencies).toEqual([
      { agencies: 0, visits: 1, medianMin: 20, p90Min: 20 },
      { agencies: 1, visits: 5, medianMin: 20, p90Min: 23.4 },
      { agencies: 2, visits: 3, medianMin: 36, p90Min: 43.2 },
      { agencies: 3, visits: 1, medianMin: 59, p90Min: 59 },
    ]);
  });
});

describe('arrivals', () => {
  it('puts each visit in its local weekday and hour', async () => {
    const r = await report('arrivals');
    expect(r.visits).toBe(10);
    expect(r.cells).toEqual([
      { weekday: 2, hour: 9, visits: 7 },
      { weekday: 2, hour: 10, visits: 3 },
    ]);
    expect(r.weekdays[1]).toEqual({ weekday: 2, days: 1, visits: 10 });
    // Kela's visitors: K001–K005, A001 and O001 reached its line
    expect((await report('arrivals', 'kela')).cells).toEqual([
      { weekday: 2, hour: 9, visits: 5 },
      { weekday: 2, hour: 10, visits: 2 },
    ]);
  });

  it('covers a whole week from any of its days, and a range', async () => {
    const week = await report('arrivals', 'admin', 'week=2026-11-26');
    expect(week.meta).toMatchObject({ from: '2026-11-23', to: '2026-11-29', days: 7, agencyIds: null, timeZone: 'Europe/Helsinki' });
    expect(week.weekdays.map((w: any) => w.days)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(week.visits).toBe(10);
    const range = await report('waits', 'admin', 'from=2026-11-01&to=2026-11-30');
    expect(range.meta.days).toBe(30);
    expect(byService(range.services, 'kela').medianMin).toBe(11);
    const before = await report('waits', 'admin', 'day=2026-11-23');
    expect(byService(before.services, 'kela').called).toBe(0);
  });
});

describe('privacy and retention', () => {
  it('never puts a note in a report, in JSON or CSV', async () => {
    for (const kind of ['arrivals', 'waits', 'services', 'desks', 'referrals', 'guidance', 'stay']) {
      for (const who of ['admin', 'kela', 'ohjaamo'] as const) {
        for (const format of ['json', 'csv']) {
          const res = await d.hub.app.inject({ method: 'GET', url: `/api/reports/${kind}?day=${day}&format=${format}`, headers: { cookie: d.staff[who].cookie } });
          expect(res.statusCode).toBe(200);
          for (const note of notes) expect(res.body).not.toContain(note);
        }
      }
    }
  });

  it('still counts the day after its visits are anonymised', async () => {
    const kinds = ['arrivals', 'waits', 'services', 'desks', 'referrals', 'guidance', 'stay'];
    const strip = (r: any) => ({ ...r, meta: { ...r.meta, generatedAt: null } });
    const before = await Promise.all(kinds.map((k) => report(k)));
    d.hub.clock.set('2027-03-01T08:00:00+02:00');
    expect(purgeExpired(d.hub.app.commands)).toMatchObject({ visitsAnonymised: 10 });
    forgetLogins(d.hub);
    d.staff.admin = await as(d.hub, 'admin');
    const after = await Promise.all(kinds.map((k) => report(k)));
    expect(after.map(strip)).toEqual(before.map(strip));
  });
});
