/**
 * Issue 11, "Done when": the visitor's whole journey in one browser test. An agency's booking
 * system posts an appointment; the visitor checks in at the kiosk by its code and is called at
 * their time before a walk-in who came earlier; their phone gets real, decrypted Web Push
 * messages at "2 ahead" and at the call; they answer the end-of-visit question on the phone, and
 * the answer shows in the report's "sorted in one visit".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketWords } from '@luukku/shared';
import { messages } from '../../kiosk-ui/src/i18n/index.js';
import { pushWords } from '@luukku/shared/i18n';
import { decryptMessage, startPushService, verifyVapid, type PushService } from '../support/push-service.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

const minute = 60_000;
/** The hub's clock: a Tuesday morning in Helsinki, moved by the test. */
let clock = Date.parse('2026-11-24T09:30:00+02:00');
const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+02:00`).toISOString();
const day = '2026-11-24';

let svc: PushService;
beforeAll(async () => {
  svc = await startPushService();
});
afterAll(async () => {
  await svc.close();
});

describe.skipIf(!hasBrowser)("the visitor's whole journey", () => {
  const env = useServerAndBrowser({
    now: () => new Date(clock),
    pushHosts: ['127.0.0.1'],
    get pushAgent() {
      return svc.agent;
    },
  });

  const kioskCall = async (path: string, body: unknown) => {
    const res = await fetch(env.hub.url + path, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const checkInByApi = async (code: string) => {
    const r = await kioskCall('/api/appointments/check-in', { code, idempotencyKey: `journey-${code}` });
    expect(r.status).toBe(201);
    return r.body as { number: string; token: string };
  };

  it('books, checks in by code, calls before an earlier walk-in, nudges by push, asks, and reports', { timeout: 180_000 }, async () => {
    const admin = await staffSession(env.hub.url, 'admin');
    const kela = await staffSession(env.hub.url, 'kela');
    const services = (await kela.call('GET', '/api/services')).body.services as { id: number; code: string; agencyId: number }[];
    const kelaService = services.find((s) => s.code === 'kela')!;
    // the hub nudges at 2 ahead
    expect((await admin.call('PUT', '/api/admin/push', { ahead: 2 })).status).toBe(200);

    // 1. Kela's booking system, a device of its own, posts the appointments
    const device = await admin.call('POST', '/api/admin/devices', { kind: 'booking', name: 'Kelan ajanvaraus', agencyId: kelaService.agencyId });
    expect(device.status).toBe(201);
    const book = async (bookingId: string, startsAt: string) => {
      const res = await fetch(`${env.hub.url}/api/appointments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.body.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ bookingId, serviceId: kelaService.id, startsAt, lengthMin: 20 }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { appointment: { code: string } }).appointment;
    };
    const others = [];
    for (const n of [1, 2, 3, 4]) others.push(await book(`KELA-J${n}`, at(`10:0${n}`)));
    const mine = await book('KELA-J5', at('10:05'));

    // a walk-in takes a Kela number half an hour before
    const walkIn = await issueAtKiosk(env.hub.url, { services: [kelaService.id] });
    clock += 30 * minute; // 10:00: the appointments are due (the window opens 10 minutes early)
    const ahead = [];
    for (const a of others) ahead.push(await checkInByApi(a.code));

    // 2. the visitor checks in at the kiosk, typing the confirmation's code on the screen's keys
    const t = messages('fi');
    const kiosk = await env.browser.newPage();
    await kiosk.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await kiosk.getByRole('button', { name: t.haveAppointment }).click();
    for (const c of mine.code) await kiosk.locator('kiosk-check-in .keys button', { hasText: new RegExp(`^${c}$`) }).click();
    const checkedIn = kiosk.waitForResponse((r) => r.url().endsWith('/api/appointments/check-in'));
    await kiosk.getByRole('button', { name: t.checkIn, exact: true }).click();
    const ticket = (await (await checkedIn).json()) as { number: string; token: string };
    const shown = kiosk.locator('kiosk-ticket');
    await shown.locator('.number', { hasText: ticket.number }).waitFor();
    expect((await shown.locator('.appointment').textContent())?.trim()).toBe(ticketWords.fi.appointmentAt('10:05'));
    expect(await axeProblems(kiosk)).toEqual([]);
    await screenshot(kiosk, 'journey-kiosk-ticket');
    await kiosk.close();

    // the phone page from the ticket's QR code turns the nudges on
    const phone = svc.subscribe();
    await env.browser.context.grantPermissions(['notifications'], { origin: env.hub.url });
    const page = await env.browser.newPage({ width: 390, height: 844 });
    await page.addInitScript((json) => {
      // Headless Chromium has no push service of its own: the browser's subscription is the
      // test push service's, with keys made in the test, so the server's messages are real.
      const sub = { endpoint: json.endpoint, toJSON: () => json, unsubscribe: async () => true };
      let current: unknown = null;
      PushManager.prototype.subscribe = async () => (current = sub) as unknown as PushSubscription;
      PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
    }, phone.json);
    await page.goto(`${env.hub.url}/v/${ticket.token}`);
    await page.getByText(ticket.number).waitFor();
    const aheadOnPage = () => page.locator('phone-app dl div', { hasText: ticketWords.fi.peopleAhead }).locator('dd').textContent();
    await expect.poll(aheadOnPage).toBe('4');
    await page.getByRole('button', { name: pushWords.fi.turnOn }).click();
    await page.getByText(pushWords.fi.on).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // Kela's desk calls: the four due before, then this visitor, ahead of the earlier walk-in
    expect((await kela.call('POST', '/api/desks/3/open', { services: [kelaService.id] })).status).toBe(200);
    const serve = async () => {
      const called = await kela.call('POST', '/api/desks/3/call-next');
      expect(called.status).toBe(200);
      expect((await kela.call('POST', `/api/steps/${called.body.step.id}/finish`)).status).toBe(200);
      return called.body.step.number as string;
    };
    expect(await serve()).toBe(ahead[0]!.number);
    expect(await serve()).toBe(ahead[1]!.number);
    await expect.poll(aheadOnPage).toBe('2');
    expect(await serve()).toBe(ahead[2]!.number);
    expect(await serve()).toBe(ahead[3]!.number);
    const call = await kela.call('POST', '/api/desks/3/call-next');
    expect(call.body.step.number).toBe(ticket.number);
    expect(call.body.step.number).not.toBe(walkIn.number);
    await page.getByText(ticketWords.fi.goToDesk('3')).first().waitFor();

    // 3. the push service received real messages: decrypted with the phone's key, signed by the server
    await env.hub.app.push.idle();
    const key = (await (await fetch(`${env.hub.url}/api/push/key`)).json()) as { publicKey: string };
    const received = svc.received.filter((r) => r.id === phone.id);
    for (const r of received) verifyVapid(r, key.publicKey, svc.origin);
    const nudges = received.map((r) => decryptMessage(r, phone)).map((m) => [m.kind, m.body, m.lang]);
    expect(nudges[0]).toEqual(['ahead', `${ticketWords.fi.peopleAhead}: 2`, 'fi-FI']);
    expect(nudges.at(-1)).toEqual(['called', ticketWords.fi.goToDesk('3'), 'fi-FI']);

    // the visit ends; the four before answered on their phones
    for (const a of ahead) expect((await kioskCall(`/api/visits/${a.token}/feedback`, { answer: 'yes' })).status).toBeLessThan(300);
    const pathOf = (report: any) => report.byPath.find((p: { route: number[] }) => p.route.length === 1 && p.route[0] === kelaService.agencyId);
    // four answers on Kela's path: too few to show what they said
    expect(pathOf((await kela.call('GET', `/api/reports/feedback?day=${day}`)).body)).toMatchObject({ answered: 4, yesPct: null });
    expect((await kela.call('POST', `/api/steps/${call.body.step.id}/finish`)).status).toBe(200);

    // 4. the phone asks the one question; the visitor answers yes
    await page.getByText('Saitko asiasi hoidettua tänään?').waitFor();
    await page.getByRole('button', { name: 'Kyllä' }).click();
    await page.getByText('Kiitos vastauksestasi!').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.close();

    // 5. the fifth answer on Kela's path: the report's "sorted in one visit" now shows it
    expect(pathOf((await kela.call('GET', `/api/reports/feedback?day=${day}`)).body)).toMatchObject({ answered: 5, yes: 5, yesPct: 100 });
    const reports = await env.browser.newPage({ width: 1366, height: 1000 });
    await env.browser.context.clearCookies();
    await reports.goto(`${env.hub.url}/staff/reports`);
    await reports.getByLabel('Käyttäjätunnus').fill('kela');
    await reports.getByLabel('Salasana').fill('demo');
    await reports.getByRole('button', { name: 'Kirjaudu' }).click();
    await reports.locator('report-figure').first().waitFor();
    await reports.getByRole('radio', { name: 'Päivä' }).check();
    await reports.getByLabel('Päivä', { exact: true }).last().fill(day);
    const figure = reports.locator('report-figure', { hasText: 'Asia hoitui yhdellä käynnillä' });
    await figure.getByText('Polku: Kela', { exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(() => figure.getByText('100 % (5 vastausta)').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await axeProblems(reports)).toEqual([]);
    await reports.close();
  });
});
