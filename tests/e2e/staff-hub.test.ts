/**
 * Issue 13 §2: the console shows the hub. Every staff member sees each agency's lines (waiting,
 * longest wait, desks open) kept live from the events; the refer dialog shows each target's
 * wait and whether it is open or not here today; the next visitor is previewed before calling;
 * "my day" counts the user's own work; an optional tone marks a join into an empty line.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { callNext, staffAtDesks, type Staff } from './support/display-helpers.js';
import { staffSession } from './support/server.js';
import { apiRequests, consoleIdle } from './support/staff-console.js';

const KELA = 2;
const KUNTA = 3;
const ASUNNOT = 4;

describe.skipIf(!hasBrowser)('the console shows the hub', () => {
  const env = useServerAndBrowser();

  async function openConsole(me: Staff, before?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await env.browser.newPage({ width: 1366, height: 1000 });
    await before?.(page);
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(me.username);
    await page.getByLabel('Salasana').fill('display-e2e');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    await consoleIdle(page);
    return page;
  }

  /** One line of the overview as shown: waiting, longest wait, desks open. */
  const overviewRow = async (page: Page, serviceId: number) => {
    const row = page.locator(`staff-overview tr[data-service="${serviceId}"]`);
    return {
      waiting: (await row.locator('[data-figure="waiting"]').textContent())?.trim(),
      longest: (await row.locator('[data-figure="longest"]').textContent())?.trim(),
      desks: (await row.locator('[data-figure="desks"]').textContent())?.trim(),
    };
  };

  it('shows every agency’s line with its waiting count, longest wait and open desks, changing with other desks’ work without a request', async () => {
    const [me] = await staffAtDesks(env.hub.url, [1], KELA);
    const [kunta] = await staffAtDesks(env.hub.url, [4], KUNTA);
    const page = await openConsole(me!);
    // a Kela worker sees the municipality's and the housing office's lines too
    expect(await overviewRow(page, KUNTA)).toEqual({ waiting: '0', longest: '–', desks: '1' });
    expect(await overviewRow(page, ASUNNOT)).toEqual({ waiting: '0', longest: '–', desks: '0' });
    const requests = apiRequests(page);

    // the municipality's desk gets two visitors, calls one and refers them to housing
    await issueAtKiosk(env.hub.url, { services: [KUNTA] });
    await issueAtKiosk(env.hub.url, { services: [KUNTA] });
    const called = await callNext(kunta!, 4);
    expect((await kunta!.call('POST', `/api/steps/${called.id}/refer`, { services: [ASUNNOT], reason: 'needs_other_service' })).status).toBe(200);
    await expect.poll(() => overviewRow(page, KUNTA), { timeout: 10_000 }).toEqual({ waiting: '1', longest: '0 min', desks: '1' });
    await expect.poll(() => overviewRow(page, ASUNNOT), { timeout: 10_000 }).toEqual({ waiting: '1', longest: '0 min', desks: '0' });
    // another desk opens for housing: its desks-open count follows
    const [housing] = await staffAtDesks(env.hub.url, [5], ASUNNOT);
    await expect.poll(() => overviewRow(page, ASUNNOT), { timeout: 10_000 }).toEqual({ waiting: '1', longest: '0 min', desks: '1' });
    // figures only: no number of another agency's visitor is on the console
    expect(await page.getByText(called.number, { exact: true }).count()).toBe(0);
    expect(requests).toEqual([]);
    expect((await housing!.call('POST', '/api/desks/5/close')).status).toBe(200);
    await page.close();
  });

  it('lists each referral target’s waiting count and estimate, and a service not here today as such', async () => {
    // a pop-up service with no hours today
    const admin = await staffSession(env.hub.url, 'admin');
    const popup = await admin.call('POST', '/api/admin/services', {
      agencyId: (await admin.call('GET', '/api/services')).body.agencies.find((a: { code: string }) => a.code === 'poliisi').id,
      code: 'popup-lupa',
      name: { fi: 'Poliisi: lupapäivä', sv: 'Polisen: tillståndsdag', en: 'Police: permit day' },
      publicLabel: { fi: 'Poliisi', sv: 'Polisen', en: 'Police' },
      prefix: 'L',
      schedule: { weekly: {}, dates: [], closed: [] },
    });
    expect(popup.status).toBe(201);
    const [me] = await staffAtDesks(env.hub.url, [2], KELA);
    const mine = await issueAtKiosk(env.hub.url, { services: [KELA] });
    await issueAtKiosk(env.hub.url, { services: [ASUNNOT] });
    await issueAtKiosk(env.hub.url, { services: [ASUNNOT] });
    const page = await openConsole(me!);
    await page.getByRole('button', { name: 'Kutsu seuraava' }).click();
    await page.getByRole('button', { name: 'Kutsu uudelleen' }).waitFor();
    await consoleIdle(page);
    expect(await page.locator('staff-current .number').textContent()).toBe(mine.number);
    await page.getByRole('button', { name: 'Ohjaa eteenpäin' }).click();

    const held = (await me!.call('GET', '/api/queues')).body.queues as { serviceId: number; waiting: number; estimateMin: number }[];
    const housingLine = held.find((q) => q.serviceId === ASUNNOT)!;
    const housing = page.locator(`staff-refer button[data-service="${ASUNNOT}"]`);
    // the line as the server holds it (the first test left a referred visitor in it)
    expect(housingLine.waiting).toBeGreaterThanOrEqual(2);
    await expect.poll(() => housing.locator('.wait').textContent()).toBe(`${housingLine.waiting} jonossa · arvio ${housingLine.estimateMin} min`);
    expect(await housing.locator('span').first().textContent()).toBe('Vuokra-asunnot');
    expect(await housing.isEnabled()).toBe(true);
    const absent = page.locator(`staff-refer button[data-service="${popup.body.id}"]`);
    expect(await absent.locator('span').allTextContents()).toEqual(['Poliisi: lupapäivä', 'ei paikalla tänään']);
    expect(await absent.isDisabled()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-hub-refer');

    // another visitor joins housing while the dialog is open: the count follows
    await issueAtKiosk(env.hub.url, { services: [ASUNNOT] });
    await expect.poll(() => housing.locator('.wait').textContent()).toContain(`${housingLine.waiting + 1} jonossa`);
    await housing.click();
    await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();
    await consoleIdle(page);
    // "my day" counts the referral from the action's own answer
    await expect.poll(() => page.locator('staff-my-day [data-figure="referred"]').textContent()).toBe('1');
    expect(await page.locator('staff-my-day [data-figure="served"]').textContent()).toBe('0');
    await page.close();
  });

  it('previews the next visitor in call order before calling, counts a finish in my day, and chimes when someone joins an empty line', async () => {
    const [me] = await staffAtDesks(env.hub.url, [3], KELA);
    const [kunta] = await staffAtDesks(env.hub.url, [6], KUNTA);
    const page = await openConsole(me!);
    const preview = page.locator('staff-next-preview');
    await preview.getByText('Ei jonottajia').waitFor();
    expect(await page.locator('staff-my-day [data-figure="served"]').textContent()).toBe('0');

    // the tone is off until turned on, and remembered
    const toggle = page.getByRole('checkbox', { name: 'Äänimerkki, kun tyhjään jonoon tulee asiakas' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    expect(await page.evaluate(() => localStorage.getItem('luukku.staff.sound'))).toBe('1');
    const chimes = () => page.locator('staff-app [data-chimes]').getAttribute('data-chimes');
    expect(await chimes()).toBe('0');

    // a Swedish speaker who needs an interpreter joins the empty Kela line: a tone, and the preview
    const first = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'sv', needs: { interpreter: true } });
    await preview.getByText(first.number, { exact: true }).waitFor();
    expect(await chimes()).toBe('1');
    const text = async () => (await preview.locator('section').textContent())?.replace(/\s+/g, ' ');
    expect(await preview.locator('.badge[title="Kieli"]').textContent()).toBe('Svenska');
    expect(await text()).toContain('tulkki (Svenska)');
    expect(await text()).toContain('ei ohjattu');
    expect(await text()).toContain('odottanut 0 min');

    // a visitor referred from the municipality to the front of the line comes first in call order
    await issueAtKiosk(env.hub.url, { services: [KUNTA] });
    const atKunta = await callNext(kunta!, 6);
    expect((await kunta!.call('POST', `/api/steps/${atKunta.id}/refer`, { services: [KELA], reason: 'wrong_queue', placement: 'front' })).status).toBe(200);
    await preview.getByText(atKunta.number, { exact: true }).waitFor();
    expect(await text()).toContain('ohjattu: Mäntsälän kunta – Väärä jono');
    // the line was not empty: no second tone
    expect(await chimes()).toBe('1');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-hub-console');

    // call next calls the previewed visitor; finishing counts in "my day"
    await page.getByRole('button', { name: 'Kutsu seuraava' }).click();
    await page.getByRole('button', { name: 'Kutsu uudelleen' }).waitFor();
    await consoleIdle(page);
    expect(await page.locator('staff-current .number').textContent()).toBe(atKunta.number);
    await page.getByRole('button', { name: 'Valmis' }).click();
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();
    await consoleIdle(page);
    await expect.poll(() => page.locator('staff-my-day [data-figure="served"]').textContent()).toBe('1');
    expect(await page.locator('staff-my-day [data-figure="average"]').textContent()).toMatch(/^\d+(,\d)? min$/);
    await preview.getByText(first.number, { exact: true }).waitFor();
    expect(await chimes()).toBe('1');
    await page.close();
  });

  // last: the page clock it sets is the whole browser context's
  it('lets the longest wait grow on the console’s own clock, with no event and no request', async () => {
    const [me] = await staffAtDesks(env.hub.url, [5], KELA);
    // the page's own timers on a clock the test moves, so the console's 15 s tick comes at once
    const page = await openConsole(me!, (p) => p.clock.install());
    const line = ((await me!.call('GET', '/api/queues')).body.queues as { serviceId: number; oldestAt: string | null; waiting: number }[]).find(
      (q) => q.serviceId === ASUNNOT,
    )!;
    expect(line.waiting).toBeGreaterThan(0);
    await expect.poll(async () => (await overviewRow(page, ASUNNOT)).waiting).toBe(String(line.waiting));
    const requests = apiRequests(page);
    await page.clock.pauseAt(Date.parse(line.oldestAt!) + 7 * 60_000 + 30_000);
    // the console's clock ticks every 15 s
    await page.clock.runFor(16_000);
    await expect.poll(async () => (await overviewRow(page, ASUNNOT)).longest, { timeout: 5_000 }).toBe('7 min');
    expect(requests).toEqual([]);
    await page.close();
  });
});
