import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, hasBrowser, launch, screenshot, type Browser } from './support/browser.js';
import { startServer, staffSession, type RunningHub } from './support/server.js';

describe.skipIf(!hasBrowser)("the visitor's phone page", () => {
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function issue(language: string) {
    const res = await fetch(`${hub.url}/api/visits`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      body: JSON.stringify({ services: [2], language, idempotencyKey: `phone-${language}-${Date.now()}` }),
    });
    return (await res.json()) as { token: string; number: string };
  }

  it('shows the desk as soon as the visit is called, in the visit’s language', async () => {
    const visit = await issue('sv');
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    await page.getByText('Före dig i kön').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    const kela = await staffSession(hub.url, 'kela');
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
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const kela = await staffSession(hub.url, 'kela');
    await kela.call('POST', '/api/desks/3/open', { services: [2] });
    const called = await kela.call('POST', '/api/desks/3/call-next');
    await kela.call('POST', `/api/steps/${called.body.step.id}/refer`, { services: [4], reason: 'needs_other_service', note: 'secret-note-phone' });
    await page.waitForTimeout(500);
    expect(await page.content()).not.toContain('secret-note-phone');
    await page.close();
  });
});
