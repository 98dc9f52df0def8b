import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareLinePlaces, estimateWithAppointments, type LinePlace } from '@luukku/shared';
import { commandHub, type CommandHub } from './support/command-path.js';

/**
 * The line's order with appointments in it: the server's claimNext and people-ahead counts,
 * the staff's line view, and the screens' compareLinePlaces must agree at every moment.
 */
describe('the order of a line with appointments', () => {
  let h: CommandHub;
  beforeEach(async () => {
    h = await commandHub();
  });
  afterEach(() => {
    h.db.close();
  });

  /** A seeded pseudo-random sequence, so a failure repeats. */
  function random(seed: number) {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
  }

  /** Waiting steps written straight into one line: walk-ins, front referrals, appointments due and early. */
  function fillLine(n: number, now: number, seed: number): Array<LinePlace & { id: number }> {
    const { q } = h;
    const r = random(seed);
    const serviceId = h.service('kela');
    const places: Array<LinePlace & { id: number }> = [];
    for (let i = 0; i < n; i++) {
      const kind = r();
      const priority = kind < 0.7 ? 0 : kind < 0.8 ? 1 : 2;
      // appointments: some due (start − early passed), some still ahead; equal times happen too
      const offsetMin = priority === 2 ? Math.floor(r() * 60) - 30 : -Math.floor(r() * 90);
      const queueTime = now + offsetMin * 60_000;
      const visitId = q.insertVisit({
        hubId: 1, day: '2026-11-24', number: `K${String(i + 1).padStart(3, '0')}`, token: `token-${seed}-${i}-abcdefgh`,
        language: 'fi', needs: {}, deviceId: null, userId: null, arrivedAt: now,
      });
      const id = q.insertStep({ hubId: 1, visitId, serviceId, position: 1, status: 'waiting', queueTime, priority, placement: null }, now);
      places.push({ id, stepId: id, priority, queueTime: new Date(queueTime).toISOString() });
    }
    return places;
  }

  for (const [n, seed] of [[40, 1], [40, 7], [260, 3]] as const) {
    it(`calls, counts and lists ${n} visitors in the same order as compareLinePlaces (seed ${seed})`, () => {
      const { q } = h;
      const now = h.clock.now().getTime();
      const places = fillLine(n, now, seed);
      const expected = [...places].sort((a, b) => compareLinePlaces(a, b, now)).map((p) => p.id);
      // someone still early sorts after everyone due, whatever their priority
      const firstEarly = expected.findIndex((id) => Date.parse(places.find((p) => p.id === id)!.queueTime) > now);
      expect(firstEarly).toBeGreaterThan(0);

      expect(q.waitingOfService(h.service('kela'), now).map((w) => w.step.id)).toEqual(expected);
      const ahead = new Map(expected.map((id, i) => [id, i]));
      for (const p of places) expect(q.peopleAhead(q.step(p.id)!, now), `step ${p.id}`).toBe(ahead.get(p.id));

      const desk = q.desks(1)[0]!;
      const called: number[] = [];
      for (let i = 0; i < n; i++) called.push(q.claimNext([h.service('kela')], desk.id, null, now, true)!.id);
      expect(called).toEqual(expected);
    });
  }

  it('moves an early appointment ahead of walk-ins once its time comes', () => {
    const { q } = h;
    const now = h.clock.now().getTime();
    const places = fillLine(30, now, 11);
    const early = places.filter((p) => p.priority === 2 && Date.parse(p.queueTime) > now);
    expect(early.length).toBeGreaterThan(0);
    const later = Math.max(...early.map((p) => Date.parse(p.queueTime)));
    const order = (at: number) => q.waitingOfService(h.service('kela'), at).map((w) => w.step.id);
    // later, every appointment is due, and all of them come before every walk-in
    const atLater = order(later);
    expect(atLater.slice(0, places.filter((p) => p.priority === 2).length).sort()).toEqual(places.filter((p) => p.priority === 2).map((p) => p.id).sort());
    expect(order(now)).not.toEqual(atLater);
  });

  it('counts the appointments that come due before a walk-in is called in its estimate', () => {
    const now = Date.parse('2026-11-24T10:00:00+02:00');
    const min = 60_000;
    // two ahead at 10 min each with one desk: called at 10:20; an appointment due at 10:15 goes first, so 10:30
    expect(estimateWithAppointments(2, 10, 1, now, [])).toBe(20);
    expect(estimateWithAppointments(2, 10, 1, now, [now + 15 * min])).toBe(30);
    // the second appointment falls due at 10:25, before the new 10:30: it counts too
    expect(estimateWithAppointments(2, 10, 1, now, [now + 25 * min, now + 15 * min])).toBe(40);
    // one due after the estimated call does not
    expect(estimateWithAppointments(2, 10, 1, now, [now + 45 * min])).toBe(20);
  });
});
