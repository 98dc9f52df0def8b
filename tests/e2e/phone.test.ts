import { describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)("the visitor's phone page", () => {
  // the server's clock runs with real time, and a test may move it on by whole days
  let shiftMs = 0;
  const env = useServerAndBrowser({ now: () => new Date(Date.now() + shiftMs) });

  const issue = (language: string) => issueAtKiosk(env.hub.url, { services: [2], language });

  it('shows the desk as soon as the visit is called, in the visit’s language', async () => {
    const visit = await issue('sv');
    const page = await env.browser.newPage({ width: 390, height: 844 });
    await page.goto(`${env.hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    await page.getByText('Före dig i kön').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    const kela = await staffSession(env.hub.url, 'kela');
    expect((await kela.call('POST', '/api/desks/3/open', { services: [2] })).status).toBe(200);
    const called = await kela.call('POST', '/api/desks/3/call-next');
    expect(called.body.step.number).toBe(visit.number);
    await page.getByText('Gå till servicepunkt 3').waitFor({ timeout: 3000 });
    await screenshot(page, 'phone-called');

    await kela.call('POST', `/api/steps/${called.body.step.id}/finish`);
    await page.getByText('Ditt besök är avslutat').waitFor({ timeout: 3000 });
    await page.close();
  });

  it('reads right to left for an Arabic visit and never shows staff notes', async () => {
    const visit = await issue('ar');
    const page = await env.browser.newPage({ width: 390, height: 844 });
    await page.goto(`${env.hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const kela = await staffSession(env.hub.url, 'kela');
    await kela.call('POST', '/api/desks/3/open', { services: [2] });
    const called = await kela.call('POST', '/api/desks/3/call-next');
    await kela.call('POST', `/api/steps/${called.body.step.id}/refer`, { services: [4], reason: 'needs_other_service', note: 'secret-note-phone' });
    await page.waitForTimeout(500);
    expect(await page.content()).not.toContain('secret-note-phone');
    await page.close();
  });

  it("says in the visitor's own language that an earlier day's number has ended, on a page left open and on a new load", async () => {
    const leftOpen = await issue('fi');
    const photographed = await issue('sv');
    const page = await env.browser.newPage({ width: 390, height: 844 });
    await page.goto(`${env.hub.url}/v/${leftOpen.token}`);
    await page.getByText(leftOpen.number).waitFor();
    try {
      shiftMs = 24 * 3600 * 1000;
      // the purge at the new day ends the visit and tells the lines; the open page reloads and hears it ended
      purgeExpired(env.hub.app.commands);
      await page.getByText('Tämä vuoronumero on päättynyt.').waitFor({ timeout: 5000 });
      expect(await page.locator('phone-app').innerText()).not.toContain(leftOpen.number);

      const later = await env.browser.newPage({ width: 390, height: 844 });
      await later.goto(`${env.hub.url}/v/${photographed.token}`);
      await later.getByText('Det här könumret har upphört att gälla.').waitFor({ timeout: 5000 });
      expect(await later.evaluate(() => document.documentElement.lang)).toBe('sv-FI');
      expect(await axeProblems(later)).toEqual([]);
      await screenshot(later, 'phone-expired');
      await later.close();
    } finally {
      shiftMs = 0;
    }
    await page.close();
  });
});
