import { describe, expect, it } from 'vitest';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)("the visitor's phone page", () => {
  const env = useServerAndBrowser();

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
});
