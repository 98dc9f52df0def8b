import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

/**
 * Every UI under the server's Content-Security-Policy: a page that needed something the policy
 * forbids (an inline style attribute, an eval, a foreign origin) reports a violation, and this
 * test fails on it. It also fails if the page was served without the policy at all.
 */
describe.skipIf(!hasBrowser)('the UIs under the Content-Security-Policy', () => {
  const env = useServerAndBrowser();

  async function watched(path: string, viewport?: { width: number; height: number }) {
    const page = await env.browser.newPage(viewport);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Refused to|Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => ((window as any).__csp ??= []).push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`),
        true,
      );
    });
    const res = await page.goto(env.hub.url + path);
    expect(res?.headers()['content-security-policy'] ?? '', `${path} has no CSP`).toContain("default-src 'self'");
    return {
      page,
      /** Everything the policy refused on this page so far. */
      violations: async () => [...violations, ...((await page.evaluate(() => (window as any).__csp)) ?? [])],
    };
  }

  const login = async (page: Page, username: string) => {
    await page.getByLabel('Käyttäjätunnus').fill(username);
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
  };

  it('the kiosk issues a number and shows its QR code without a violation', async () => {
    const { page, violations } = await watched('/kiosk?device=demo-kiosk');
    await page.getByRole('button', { name: 'Ota vuoronumero' }).waitFor();
    await page.getByRole('button', { name: /^Kela/ }).click();
    await page.getByRole('button', { name: 'Ota vuoronumero' }).last().click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    await expect.poll(() => page.getByRole('img', { name: /QR/ }).count()).toBe(1);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('the staff console logs in, opens a desk and shows its lines without a violation', async () => {
    await env.browser.context.clearCookies();
    await issueAtKiosk(env.hub.url, { services: [2] });
    const { page, violations } = await watched('/staff', { width: 1366, height: 900 });
    await login(page, 'kela');
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await page.getByLabel('Palvelupiste').selectOption({ label: '2 (a)' });
    await page.getByRole('checkbox', { name: /Kela/ }).first().check();
    await page.getByRole('button', { name: 'Avaa palvelupiste' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    await page.locator('staff-queues section').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Sulje palvelupiste' }).click();
    await page.close();
  });

  it('the admin and report pages draw without a violation', async () => {
    await env.browser.context.clearCookies();
    const admin = await watched('/staff/admin', { width: 1366, height: 1000 });
    await login(admin.page, 'admin');
    await admin.page.getByRole('heading', { name: 'Ylläpito' }).waitFor();
    await admin.page.getByRole('button', { name: 'Toimijat', exact: true }).click();
    await admin.page.locator('.badge').first().waitFor();
    expect(await admin.violations()).toEqual([]);
    await admin.page.close();

    const reports = await watched('/staff/reports', { width: 1366, height: 1000 });
    await reports.page.locator('report-figure').first().waitFor();
    // today (the staff test above served a visitor), in the hub's time zone
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await reports.page.getByRole('radio', { name: 'Päivä' }).check();
    await reports.page.getByLabel('Päivä', { exact: true }).last().fill(today);
    await expect.poll(() => reports.page.locator('report-figure svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await reports.violations()).toEqual([]);
    await reports.page.close();
  });

  it('the feedback tablet and the phone page\'s end-of-visit question draw their smileys and answer without a violation', async () => {
    const tablet = await watched('/feedback?device=demo-feedback', { width: 1280, height: 800 });
    await tablet.page.getByText('Saitko asiasi hoidettua tänään?').waitFor();
    await tablet.page.getByRole('button', { name: 'Kyllä' }).click();
    await tablet.page.getByText('Kiitos vastauksestasi!').waitFor();
    expect(await tablet.violations()).toEqual([]);
    await tablet.page.close();

    const visit = await issueAtKiosk(env.hub.url, { services: [2] });
    const phone = await watched(`/v/${visit.token}`, { width: 390, height: 844 });
    await phone.page.getByText(visit.number).waitFor();
    const kela = await staffSession(env.hub.url, 'kela');
    await kela.call('POST', '/api/desks/3/open', { services: [2] });
    let called = await kela.call('POST', '/api/desks/3/call-next');
    for (;;) {
      await kela.call('POST', `/api/steps/${called.body.step.id}/finish`);
      if (called.body.step.number === visit.number) break;
      called = await kela.call('POST', '/api/desks/3/call-next');
    }
    await phone.page.getByRole('button', { name: 'Osittain' }).click();
    await phone.page.getByText('Kiitos vastauksestasi!').waitFor();
    expect(await phone.violations()).toEqual([]);
    await phone.page.close();
    await kela.call('POST', '/api/desks/3/close');
  });

  it('the display shows a call and the phone page follows the visit, over the websocket, without a violation', async () => {
    const display = await watched('/display?device=demo-display', { width: 1920, height: 1080 });
    await display.page.locator('display-app[state="online"]').waitFor({ timeout: 10_000 });
    const visit = await issueAtKiosk(env.hub.url, { services: [2] });
    const phone = await watched(`/v/${visit.token}`, { width: 390, height: 844 });
    await phone.page.getByText(visit.number).waitFor();

    const kela = await staffSession(env.hub.url, 'kela');
    await kela.call('POST', '/api/desks/3/open', { services: [2] });
    let called = await kela.call('POST', '/api/desks/3/call-next');
    while (called.body.step.number !== visit.number) {
      await kela.call('POST', `/api/steps/${called.body.step.id}/finish`);
      called = await kela.call('POST', '/api/desks/3/call-next');
    }
    await display.page.locator(`[data-number="${visit.number}"]`).first().waitFor({ timeout: 10_000 });
    await phone.page.getByText('Mene palvelupisteeseen 3').waitFor({ timeout: 5_000 });
    expect(await display.violations()).toEqual([]);
    expect(await phone.violations()).toEqual([]);
    await display.page.close();
    await phone.page.close();
  });
});
