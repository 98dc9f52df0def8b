import { describe, expect, it } from 'vitest';
import { openAdminPages } from './support/pages.js';
import { axeProblems, hasBrowser, launch, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('the hub coordinator in a real browser', () => {
  const env = useServerAndBrowser();

  it('pairs a new kiosk by its code and opens a pop-up service that the kiosk offers without a reload', async () => {
    const { hub, browser } = env;
    // the kiosk is a separate machine: its own browser, no token yet
    const kioskBrowser = await launch();
    try {
      const kiosk = await kioskBrowser.newPage();
      await kiosk.goto(`${hub.url}/kiosk`);
      const codeText = kiosk.locator('kiosk-app .pairing-code');
      await codeText.waitFor();
      const code = (await codeText.textContent())!.trim();
      expect(code).toMatch(/^[A-Z2-9]{6}$/);

      const admin = await openAdminPages(browser, hub.url);
      expect(await axeProblems(admin)).toEqual([]);

      await admin.getByRole('button', { name: 'Laitteet' }).click();
      await admin.getByLabel('Koodi').fill(code);
      await admin.getByLabel('Nimi').first().fill('Käytävän kioski');
      await admin.getByRole('button', { name: 'Ota käyttöön' }).click();
      await admin.getByRole('heading', { name: /Käytävän kioski/ }).waitFor();
      expect(await axeProblems(admin)).toEqual([]);
      await kiosk.getByRole('button', { name: 'En tiedä, mitä tarvitsen' }).waitFor({ timeout: 10_000 });

      await admin.getByRole('button', { name: 'Palvelut', exact: true }).click();
      await admin.getByRole('button', { name: 'Uusi palvelu' }).click();
      await admin.getByLabel('Tunnus', { exact: true }).fill('rokotus');
      await admin.getByLabel('Kirjain', { exact: true }).fill('R');
      await admin.getByLabel('Nimi (fi)', { exact: true }).fill('Influenssarokotus');
      await admin.getByLabel('Julkinen nimi (fi)').fill('Pop-up: rokotukset');
      await admin.getByRole('button', { name: 'Lisää päivä' }).first().click();
      // the new day is today, 09:00–15:00; make it all day so the test does not depend on the hour
      await admin.getByLabel('Alkaa').last().fill('00:00');
      await admin.getByLabel('Päättyy').last().fill('24:00');
      await admin.getByLabel('Päättyy').last().blur();
      expect(await axeProblems(admin)).toEqual([]);
      await screenshot(admin, 'admin-services');
      await admin.getByRole('button', { name: 'Lisää', exact: true }).click();
      await admin.getByText('Tallennettu.').waitFor();

      await kiosk.getByRole('button', { name: /Pop-up: rokotukset/ }).waitFor({ timeout: 5000 });
      await screenshot(kiosk, 'kiosk-after-popup');
    } finally {
      await kioskBrowser.close();
    }
  });

  it('pairs a lobby display by the code on its screen', async () => {
    const { hub, browser } = env;
    const wall = await launch();
    try {
      const display = await wall.newPage({ width: 1920, height: 1080 });
      await display.goto(`${hub.url}/display?zone=b`);
      const codeText = display.locator('display-setup-notice .pairing-code');
      await codeText.waitFor();
      const code = (await codeText.textContent())!.trim();
      expect(await axeProblems(display)).toEqual([]);

      const admin = await browser.newPage({ width: 1366, height: 1000 });
      await admin.goto(`${hub.url}/staff/admin`);
      await admin.getByRole('button', { name: 'Laitteet' }).click();
      await admin.getByLabel('Koodi').fill(code);
      await admin.getByLabel('Nimi').first().fill('Käytävän näyttö');
      await admin.getByLabel('Näyttöalue').first().fill('b');
      await admin.getByRole('button', { name: 'Ota käyttöön' }).click();
      await admin.getByRole('heading', { name: /Käytävän näyttö/ }).waitFor();
      // the display picks up its token and goes live
      await display.locator('display-app[state="online"]').waitFor({ timeout: 15_000 });
    } finally {
      await wall.close();
    }
  });

  it('draws the reports as charts', async () => {
    const { hub, browser } = env;
    // a little of today's traffic: a Kela visit served, one referred to housing
    const kela = await staffSession(hub.url, 'kela');
    await kela.call('POST', '/api/desks/2/open', { services: [2] });
    for (let i = 0; i < 2; i++) await issueAtKiosk(hub.url, { services: [2] });
    const first = await kela.call('POST', '/api/desks/2/call-next');
    await kela.call('POST', `/api/steps/${first.body.step.id}/finish`);
    const second = await kela.call('POST', '/api/desks/2/call-next');
    await kela.call('POST', `/api/steps/${second.body.step.id}/refer`, { services: [4], reason: 'needs_other_service' });

    const page = await browser.newPage({ width: 1366, height: 1000 });
    await browser.context.clearCookies();
    await page.goto(`${hub.url}/staff/reports`);
    await page.getByLabel('Käyttäjätunnus').fill('admin');
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.locator('report-figure').first().waitFor();
    // today, in the hub's time zone
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await page.getByRole('radio', { name: 'Päivä' }).check();
    await page.getByLabel('Päivä', { exact: true }).last().fill(today);
    await expect.poll(() => page.locator('report-figure svg').count(), { timeout: 10_000 }).toBeGreaterThan(2);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'reports');
  });
});
