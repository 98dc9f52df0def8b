/**
 * Issue 11 §1: the console shows when a waiting visitor's need has no suitable desk open, and
 * keeps it current from the events (rule 9): a desk opening or closing is a `desk` event.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffAtDesks, type Staff } from './support/display-helpers.js';
import { apiRequests, consoleIdle } from './support/staff-console.js';

const KELA = 2;

describe.skipIf(!hasBrowser)('the console and desks that fit the need', () => {
  const env = useServerAndBrowser();

  async function openConsole(me: Staff): Promise<Page> {
    const page = await env.browser.newPage({ width: 1366, height: 1000 });
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(me.username);
    await page.getByLabel('Salasana').fill('display-e2e');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    await consoleIdle(page);
    return page;
  }

  /** The waiting-list entry of a number, as the console shows it. */
  const entry = (page: Page, number: string) => page.locator('staff-queues li').filter({ has: page.getByText(number, { exact: true }) });
  const mark = async (page: Page, number: string) => {
    const m = entry(page, number).locator('.no-desk');
    return (await m.count()) === 0 ? null : (await m.textContent())?.trim();
  };

  it('marks a visitor whose need no open desk meets, and clears the mark when a fitting desk opens, from events alone', async () => {
    // desk 2 is not accessible and speaks fi, sv, en; desk 1 is accessible and speaks fi, sv, en, ar (the demo)
    const [me] = await staffAtDesks(env.hub.url, [2], KELA);
    const page = await openConsole(me!);
    const requests = apiRequests(page);

    const access = await issueAtKiosk(env.hub.url, { services: [KELA], needs: { accessible: true } });
    const arabic = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'ar', needs: { interpreter: true } });
    const somali = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'so', needs: { interpreter: true } });
    const plain = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'ar' });

    await expect.poll(() => mark(page, access.number), { timeout: 10_000 }).toBe('Ei sopivaa palvelupistettä auki (esteetön)');
    await expect.poll(() => mark(page, arabic.number)).toBe('Ei sopivaa palvelupistettä auki (kieli: العربية)');
    await expect.poll(() => mark(page, somali.number)).toBe('Ei sopivaa palvelupistettä auki (kieli: Soomaali)');
    // no need, no mark: a visitor who did not ask for an interpreter is not flagged for language
    await expect.poll(() => entry(page, plain.number).count()).toBe(1);
    expect(await mark(page, plain.number)).toBeNull();
    // this desk cannot call the visitor who needs an accessible desk, and says why
    const callAccess = entry(page, access.number).getByRole('button', { name: `Kutsu ${access.number}` });
    expect(await callAccess.isDisabled()).toBe(true);
    expect(await entry(page, access.number).textContent()).toContain('Vain esteettömään palvelupisteeseen');
    // and "next" skips them, as the server's call-next does
    expect(await page.locator('staff-next-preview .number').textContent()).toBe(arabic.number);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-no-suitable-desk');

    // the accessible desk 1, where Arabic is spoken, opens for Kela: the marks it answers go
    const [other] = await staffAtDesks(env.hub.url, [1], KELA);
    await expect.poll(() => mark(page, access.number), { timeout: 10_000 }).toBeNull();
    expect(await mark(page, arabic.number)).toBeNull();
    // nobody open speaks Somali
    expect(await mark(page, somali.number)).toBe('Ei sopivaa palvelupistettä auki (kieli: Soomaali)');

    // desk 1 closes again: the mark comes back
    expect((await other!.call('POST', '/api/desks/1/close')).status).toBe(200);
    await expect.poll(() => mark(page, access.number), { timeout: 10_000 }).toBe('Ei sopivaa palvelupistettä auki (esteetön)');
    // all of it from the socket's events: the console asked the server nothing
    expect(requests).toEqual([]);
    await page.close();
  });
});
