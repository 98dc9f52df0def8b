/**
 * Issue 12 §1: reports for one hub or across hubs, side by side. A region admin's reports page
 * sets Mäntsälä and the Pornainen pop-up point beside each other for the same day; a hub admin of
 * one hub sees no such section.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from './support/browser.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';

/** Tuesday: the pop-up point is open. */
const now = new Date('2026-11-24T11:00:00+02:00');
const day = '2026-11-24';

describe.skipIf(!hasBrowser)('hubs side by side on the reports page', () => {
  const env = useServerAndBrowser({ now: () => now });

  async function take(device: string, hubSlug: string, n: number) {
    const q = env.hub.app.q;
    const kela = q.services(q.hubBySlug(hubSlug)!.id).find((s) => s.code === 'kela')!.id;
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${env.hub.url}/api/visits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device}`, 'content-type': 'application/json' },
        body: JSON.stringify({ services: [kela], language: 'fi', idempotencyKey: `reports-hubs-${device}-${i}` }),
      });
      expect(res.status).toBe(201);
    }
  }

  async function reportsAs(browser: Browser, username: string) {
    await browser.context.clearCookies();
    const page = await browser.newPage({ width: 1366, height: 1000 });
    await page.goto(`${env.hub.url}/staff/reports`);
    await page.getByLabel('Käyttäjätunnus').fill(username);
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.locator('report-figure').first().waitFor();
    await page.getByRole('radio', { name: 'Päivä' }).check();
    await page.getByLabel('Päivä', { exact: true }).last().fill(day);
    return page;
  }

  it("sets each hub's figures beside the other's for the chosen day, for the region admin", { timeout: 150_000 }, async () => {
    await take('demo-kiosk', 'mantsala', 3);
    await take('demo-kiosk-pornainen', 'pornainen', 2);
    const page = await reportsAs(env.browser, 'alue');
    const side = page.locator('report-figure', { hasText: 'Palvelutorit rinnakkain' });
    await side.waitFor({ timeout: 20_000 });
    await side.getByRole('button', { name: 'Näytä taulukkona' }).click();
    const rows = side.locator('table tbody tr');
    await expect.poll(async () => (await rows.allInnerTexts()).map((r) => r.split('\t').slice(0, 2).join(' | '))).toEqual([
      'Mäntsälän palvelutori | 3',
      'Pornaisten palvelupiste | 2',
    ]);
    await page.locator('report-figure', { hasText: 'Odotus palveluittain palvelutoreilla' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'reports-hubs');
    await page.close();
  });

  it('shows a hub admin of one hub no side-by-side section', { timeout: 120_000 }, async () => {
    const page = await reportsAs(env.browser, 'admin');
    await page.locator('report-figure', { hasText: 'Asia hoitui yhdellä käynnillä' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('report-figure', { hasText: 'Palvelutorit rinnakkain' }).count()).toBe(0);
    await page.close();
  });
});
