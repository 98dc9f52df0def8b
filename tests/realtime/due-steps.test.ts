import { afterEach, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followLine, type HubEvent, type PublicVisit } from '@luukku/shared';
import { key, kiosk, startHub, tuesdayMorning, type TestHub } from '../support/app.js';
import { Clients, issue, listen, type TestClient } from './clients.js';

/**
 * An appointment checked in early waits behind the walk-ins until its time (start − 10 min by
 * the demo hub's window); at that moment the calling order changes with no command, and the
 * server tells the pages so (issue 11 §1).
 */

/** A clock that runs in real time from a set moment, so the server's own timer meets the due moment. */
function runningClock(startIso: string) {
  let shift = Date.parse(startIso) - Date.now();
  return {
    now: () => new Date(Date.now() + shift),
    set: (ms: number) => {
      shift = ms - Date.now();
    },
  };
}

/** The phone page's own bookkeeping (display-ui phone-data): moves from `queues`, the last word from `visit`. */
function follow(page: PublicVisit, events: readonly HubEvent[]): PublicVisit {
  let visit = page;
  for (const e of events) {
    if (e.seq <= page.seq) continue;
    if (e.type === 'queues') visit = { ...visit, current: followLine(visit.current, e.data, Date.parse(e.at)) };
    else if (e.type === 'visit') visit = { ...visit, ...e.data };
  }
  return visit;
}

describe('the line re-sorts when an early appointment comes due', () => {
  let hub: TestHub | undefined;
  let url = '';
  const clients = new Clients(() => url);
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
    hub = undefined;
  });

  async function start(now?: () => Date): Promise<TestHub> {
    hub = await startHub({ config: { uiDir: join(tmpdir(), 'luukku-realtime-no-ui'), ...(now ? { now } : {}) } });
    url = await listen(hub);
    return hub;
  }

  async function bookAndCheckIn(h: TestHub, startsAt: string): Promise<{ token: string; visitId: number; number: string }> {
    const kela = await h.login('kela');
    const booked = await h.call('POST', '/api/appointments', { cookie: kela }, { serviceId: h.ids.service.kela, startsAt, lengthMin: 20 });
    expect(booked.status).toBe(201);
    const ticket = await h.call('POST', '/api/appointments/check-in', kiosk, { code: booked.body.appointment.code, idempotencyKey: key() });
    expect(ticket.status).toBe(201);
    expect(ticket.body.appointment.late).toBe(false);
    return { token: ticket.body.token, visitId: ticket.body.visitId, number: ticket.body.number };
  }

  const pageOf = async (h: TestHub, token: string): Promise<PublicVisit> => (await h.call('GET', `/api/visits/${token}`)).body;

  it("tells a waiting walk-in's phone, at the appointment's moment and with no command, that one more is ahead", async () => {
    const clock = runningClock(tuesdayMorning);
    const h = await start(clock.now);
    const walkIn = await issue(h, 'kela');
    const phone = await clients.phone(walkIn.token, 'walk-in phone');
    const staff = await clients.staff(await h.login('kela'), 'kela console');
    const kiosks = await clients.connect('kiosk', { token: 'demo-kiosk' });
    const page = await pageOf(h, walkIn.token);
    expect(page.current?.peopleAhead).toBe(0);

    // a moment before 10:50 the 11:00 appointment checks in: still behind the walk-in, due in 1.5 s
    const dueAt = Date.parse('2026-11-24T10:50:00+02:00');
    clock.set(dueAt - 1500);
    const appointment = await bookAndCheckIn(h, '2026-11-24T11:00:00+02:00');
    const checkedInSeq = await phone.barrier();
    expect(follow(page, phone.events.filter((e) => e.seq <= checkedInSeq)).current?.peopleAhead).toBe(0);
    expect(h.app.dueSteps.nextAt()).toBe(dueAt);

    // the server's own timer: no request from anyone
    const resorted = await phone.waitFor('queues', (e) => e.seq > checkedInSeq && e.data.moves.some((m) => m.serviceId === h.ids.service.kela), 10_000);
    expect(Date.parse(resorted.at)).toBeGreaterThanOrEqual(dueAt);
    await phone.barrier();
    const now = follow(page, phone.events);
    expect(now.current?.peopleAhead).toBe(1);
    expect(now.current).toEqual((await pageOf(h, walkIn.token)).current);

    // consoles and kiosks get the same line figures; a page that missed it gets it on sync
    for (const c of [staff, kiosks]) {
      const heard = await c.waitFor('queues', (e) => e.seq === resorted.seq);
      expect(heard.data).toEqual(resorted.data);
    }
    const ack = await phone.sync({ since: checkedInSeq });
    if (!('data' in ack)) throw new Error(JSON.stringify(ack));
    expect(ack.data.events.map((e) => e.seq)).toContain(resorted.seq);
    // the appointment's own page is told its new count: nobody ahead now
    expect((await pageOf(h, appointment.token)).current?.peopleAhead).toBe(0);
    expect(h.app.dueSteps.nextAt()).toBeNull();
  });

  it("keeps the count of another early appointment, and gives the newly due one its own, through the timer's handle", async () => {
    const h = await start();
    const walkIn = await issue(h, 'kela');
    const first = await bookAndCheckIn(h, '2026-11-24T11:00:00+02:00');
    const second = await bookAndCheckIn(h, '2026-11-24T11:30:00+02:00');
    const phones = {
      walkIn: await clients.phone(walkIn.token, 'walk-in'),
      first: await clients.phone(first.token, 'first'),
      second: await clients.phone(second.token, 'second'),
    };
    const pages = { walkIn: await pageOf(h, walkIn.token), first: await pageOf(h, first.token), second: await pageOf(h, second.token) };
    expect([pages.walkIn, pages.first, pages.second].map((p) => p.current?.peopleAhead)).toEqual([0, 1, 2]);
    expect(h.app.dueSteps.nextAt()).toBe(Date.parse('2026-11-24T10:50:00+02:00'));

    h.clock.set('2026-11-24T10:50:00+02:00');
    h.app.dueSteps.run();
    const counts: Record<string, number | undefined> = {};
    for (const [name, phone] of Object.entries(phones) as [keyof typeof phones, TestClient][]) {
      await phone.barrier();
      const followed = follow(pages[name], phone.events);
      expect(followed.current).toEqual((await pageOf(h, name === 'walkIn' ? walkIn.token : name === 'first' ? first.token : second.token)).current);
      counts[name] = followed.current?.peopleAhead;
    }
    expect(counts).toEqual({ walkIn: 1, first: 0, second: 2 });
    expect(h.app.dueSteps.nextAt()).toBe(Date.parse('2026-11-24T11:20:00+02:00'));
    // a second run at the same moment has nothing new to say
    const seq = h.app.q.lastSeq(1);
    h.app.dueSteps.run();
    expect(h.app.q.lastSeq(1)).toBe(seq);
  });

  it('tells every page of the line its count when the run comes late, so a page that loaded its count after the moment does not count twice', async () => {
    const h = await start();
    const walkIn = await issue(h, 'kela');
    await bookAndCheckIn(h, '2026-11-24T11:00:00+02:00');
    const phone = await clients.phone(walkIn.token, 'walk-in');
    // the process was busy: at 10:51 nothing has announced the 10:50 moment, and the page loads
    h.clock.set('2026-11-24T10:51:00+02:00');
    const page = await pageOf(h, walkIn.token);
    expect(page.current?.peopleAhead).toBe(1);
    h.app.dueSteps.run();
    await phone.barrier();
    expect(phone.ofType('queues').filter((e) => e.seq > page.seq)).toHaveLength(1);
    expect(follow(page, phone.events).current).toEqual((await pageOf(h, walkIn.token)).current);
  });
});
