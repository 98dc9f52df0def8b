/**
 * Issue 10 §1: a screen loads one snapshot, then follows the hub from the socket's events
 * alone. Each console, phone page and kiosk used to reload four or five endpoints on every
 * event; here each is counted while other desks issue, call and refer 50 visits, and must ask
 * the server nothing — and still show what the server holds.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { callNext, staffAtDesks, type Staff } from './support/display-helpers.js';
import { apiRequests, consoleIdle } from './support/staff-console.js';
import { messages } from '../../kiosk-ui/src/i18n/index.js';

const KELA = 2;
const KUNTA = 3;

/**
 * Other desks at work: 50 visits to Kela; the Kela desk calls every other one, and of those
 * starts and refers every second to the municipality and finishes the rest; the
 * municipality's desk calls and finishes the referred ones now and then.
 */
async function busyHub(url: string, kela: Staff, kunta: Staff, kelaDesk = 2, kuntaDesk = 4): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await issueAtKiosk(url, { services: [KELA], language: i % 3 === 0 ? 'sv' : 'fi' });
    if (i % 2 === 0) continue;
    const step = await callNext(kela, kelaDesk);
    expect((await kela.call('POST', `/api/steps/${step.id}/start`)).status).toBe(200);
    if (i % 4 === 1) {
      const referred = await kela.call('POST', `/api/steps/${step.id}/refer`, { services: [KUNTA], reason: 'needs_other_service' });
      expect(referred.status).toBe(200);
    } else {
      expect((await kela.call('POST', `/api/steps/${step.id}/finish`)).status).toBe(200);
    }
    if (i % 8 === 7) {
      const next = await callNext(kunta, kuntaDesk);
      expect((await kunta.call('POST', `/api/steps/${next.id}/finish`)).status).toBe(200);
    }
  }
}

describe.skipIf(!hasBrowser)('screens that follow the hub from events alone', () => {
  const env = useServerAndBrowser();

  it('a logged-in console asks the server nothing while other desks issue, call and refer 50 visits, and shows the line the server holds', async () => {
    const [me] = await staffAtDesks(env.hub.url, [1], KELA);
    const [kela] = await staffAtDesks(env.hub.url, [2], KELA);
    const [kunta] = await staffAtDesks(env.hub.url, [4], KUNTA);
    const page = await env.browser.newPage({ width: 1366, height: 900 });
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(me!.username);
    await page.getByLabel('Salasana').fill('display-e2e');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    await consoleIdle(page);
    const requests = apiRequests(page);

    await busyHub(env.hub.url, kela!, kunta!);

    // what the server holds for this console's user: Kela's line, who waits in it, in order
    const held = (await me!.call('GET', '/api/queues')).body.queues.find((q: { serviceId: number }) => q.serviceId === KELA);
    expect(held.entries).toHaveLength(25);
    const line = page.locator('staff-queues section').first();
    const shown = async () => ({
      figures: (await line.locator('h3 .muted').textContent())?.trim(),
      numbers: await line.locator('li .number').allTextContents(),
    });
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual({ figures: `25 jonossa · arvio ${held.estimateMin} min`, numbers: held.entries.map((e: { number: string }) => e.number) });
    expect(requests).toEqual([]);

    // and the console still acts: its own call is one request, and the line shows it at once
    await page.getByRole('button', { name: 'Kutsu seuraava' }).click();
    await page.getByRole('button', { name: 'Kutsu uudelleen' }).waitFor();
    await consoleIdle(page);
    expect(requests).toEqual([`POST /api/desks/1/call-next`]);
    await expect.poll(async () => (await shown()).numbers).toEqual(held.entries.slice(1).map((e: { number: string }) => e.number));
    await page.close();
  });

  it('a phone page asks the server nothing while the hub is busy, and counts the people ahead as the server does', async () => {
    const [kela] = await staffAtDesks(env.hub.url, [5], KELA);
    const [kunta] = await staffAtDesks(env.hub.url, [6], KUNTA);
    // a visitor with a few ahead of them in Kela's line, following their turn by phone
    for (let i = 0; i < 3; i++) await issueAtKiosk(env.hub.url, { services: [KELA] });
    const mine = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'en' });
    const page = await env.browser.newPage({ width: 390, height: 844 });
    await page.goto(`${env.hub.url}/v/${mine.token}`);
    await page.locator('phone-app dl').waitFor();
    const requests = apiRequests(page);

    // others join behind, and the desks serve those ahead (desk 5's calls take the oldest first)
    const serverView = async () => (await (await fetch(`${env.hub.url}/api/visits/${mine.token}`)).json()) as {
      current: { status: string; peopleAhead: number; estimateMin: number };
    };
    const figures = async () => (await page.locator('phone-app dd').allTextContents()).map((t) => Number(/\d+/.exec(t)?.[0]));
    for (let round = 0; round < 5; round++) {
      await busyRound(env.hub.url, kela!, kunta!, round);
      const server = (await serverView()).current;
      expect(server.status).toBe('waiting');
      await expect.poll(figures, { timeout: 10_000 }).toEqual([server.peopleAhead, server.estimateMin]);
    }
    expect(requests).toEqual([]);
    await page.close();
    for (const [staff, desk] of [[kela!, 5], [kunta!, 6]] as const) expect((await staff.call('POST', `/api/desks/${desk}/close`)).status).toBe(200);
  });

  it('a kiosk asks the server nothing while the hub is busy, and shows each line’s wait as the server does', async () => {
    const [kela] = await staffAtDesks(env.hub.url, [3], KELA);
    const [kunta] = await staffAtDesks(env.hub.url, [6], KUNTA);
    const page = await env.browser.newPage({ width: 1080, height: 1920 });
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    const menuOfServer = async () => {
      const res = await fetch(`${env.hub.url}/api/kiosk/menu?lang=fi`, { headers: { authorization: 'Bearer demo-kiosk' } });
      return (await res.json()) as { agencies: { services: { id: number; label: string; waiting: number; estimateMin: number }[] }[] };
    };
    const tile = async (serviceId: number) => {
      const s = (await menuOfServer()).agencies.flatMap((a) => a.services).find((x) => x.id === serviceId)!;
      return { label: s.label, wait: messages('fi').waiting(s.waiting, s.estimateMin) };
    };
    const shownWait = async (label: string) => (await page.getByRole('button', { name: label }).first().textContent()) ?? '';
    const first = await tile(KELA);
    await expect.poll(() => shownWait(first.label)).toContain(first.wait);
    const requests = apiRequests(page);

    await busyHub(env.hub.url, kela!, kunta!, 3, 6);

    for (const id of [KELA, KUNTA]) {
      const expected = await tile(id);
      await expect.poll(() => shownWait(expected.label), { timeout: 10_000 }).toContain(expected.wait);
    }
    expect(requests).toEqual([]);
    await page.close();
  });
});

/**
 * A round of the busy hub for the phone test: ten visits join the lines (50 in five rounds),
 * one ahead in Kela's line is called and referred on, and the municipality's desk calls one.
 */
async function busyRound(url: string, kela: Staff, kunta: Staff, round: number): Promise<void> {
  for (let i = 0; i < 10; i++) await issueAtKiosk(url, { services: [round % 2 ? KUNTA : KELA] });
  const step = await callNext(kela, 5);
  expect((await kela.call('POST', `/api/steps/${step.id}/start`)).status).toBe(200);
  expect((await kela.call('POST', `/api/steps/${step.id}/refer`, { services: [KUNTA], reason: 'needs_other_service' })).status).toBe(200);
  const next = await callNext(kunta, 6);
  expect((await kunta.call('POST', `/api/steps/${next.id}/no-show`)).status).toBe(200);
}
