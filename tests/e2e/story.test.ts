import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, launch, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';

/**
 * The whole story, across the kiosk, two staff consoles and the lobby display at once: a
 * visitor takes a Kela number, Kela calls and refers them to rental housing with a note,
 * housing sees them first in line with the note and calls them, and the display follows.
 */
describe.skipIf(!hasBrowser)('from the kiosk down the corridor', () => {
  const env = useServerAndBrowser();

  /** The display's big call: its number and desk. */
  async function featured(page: Page): Promise<{ number: string | null; desk: string | null }> {
    const panel = page.locator('display-featured-call .panel[data-number]');
    if ((await panel.count()) === 0) return { number: null, desk: null };
    return { number: await panel.getAttribute('data-number'), desk: (await panel.locator('.desk').textContent())?.trim() ?? null };
  }

  async function consoleFor(page: Page, username: string, desk: string, service: RegExp) {
    await page.goto(`${env.hub.url}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(username);
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await page.getByLabel('Palvelupiste').selectOption({ label: desk });
    await page.getByRole('checkbox', { name: service }).check();
    await page.getByRole('button', { name: 'Avaa palvelupiste' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
  }

  it('keeps one number from the kiosk to the second desk, and the display shows each call', async () => {
    const { browser, hub } = env;
    const display = await browser.newPage({ width: 1920, height: 1080 });
    await display.goto(`${hub.url}/display?device=demo-display&zone=all`);
    const kela = await browser.newPage({ width: 1366, height: 900 });
    await consoleFor(kela, 'kela', '1 (a)', /^Kela/);
    // housing works in another browser: its own session cookie
    const other = await launch();
    try {
      const housing = await other.newPage({ width: 1366, height: 900 });
      await consoleFor(housing, 'asunnot', '4 (b)', /^Vuokra-asunnot/);

      const kiosk = await browser.newPage();
      await kiosk.goto(`${hub.url}/kiosk?device=demo-kiosk`);
      await kiosk.getByRole('button', { name: /^Kela/ }).click();
      await kiosk.getByRole('button', { name: 'Ota vuoronumero' }).last().click();
      await kiosk.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
      const number = (await kiosk.locator('kiosk-ticket .number').textContent())!.trim();

      await kela.getByRole('button', { name: `Kutsu ${number}` }).waitFor();
      const called = Date.now();
      await kela.getByRole('button', { name: 'Kutsu seuraava' }).click();
      await display.getByText(number).first().waitFor({ timeout: 1000 });
      const shownAfterMs = Date.now() - called;
      expect(shownAfterMs).toBeLessThan(1000);
      await expect.poll(() => featured(display)).toEqual({ number, desk: '1' });

      await kela.getByRole('button', { name: 'Ohjaa eteenpäin' }).click();
      await kela.getByRole('button', { name: 'Vuokra-asunnot' }).click();
      await kela.getByLabel('Muistiinpano (poistetaan illalla)').fill('Kysyy vuokravakuudesta');
      await kela.getByRole('button', { name: 'Ohjaa', exact: true }).click();
      await kela.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();
      await screenshot(kela, 'story-staff-kela');

      // housing: the visitor is first in line, referred from Kela, with a note
      const first = housing.locator('staff-queues li').first();
      await expect.poll(() => first.innerText()).toContain(number);
      expect(await first.innerText()).toMatch(/ohjattu: Kela.*muistiinpano/s);
      await housing.getByRole('button', { name: 'Kutsu seuraava' }).click();
      await housing.getByText('Kysyy vuokravakuudesta').waitFor();
      await screenshot(housing, 'story-staff-housing');

      await expect.poll(() => featured(display), { timeout: 2000 }).toEqual({ number, desk: '4' });
      await screenshot(display, 'story-display');
      // the lobby never sees the note (the locator looks inside the shadow roots too)
      expect(await display.getByText('Kysyy vuokravakuudesta').count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
