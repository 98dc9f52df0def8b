/**
 * Issue 12 §2 in Chromium: "Kirjaudu organisaation tunnuksella" on the login page, the sign-in
 * at a real OpenID provider on 127.0.0.1, and the console with the lines of the agencies the
 * person's groups map to; a refused person sees why; logout passes through the provider.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, launch, screenshot, type Browser } from './support/browser.js';
import { startServer, type RunningHub } from './support/server.js';
import { oidcSettings, startProvider, type TestProvider } from '../support/oidc.js';

/** A free port on loopback, so that the provider can know Luukku's redirect URL before Luukku starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!hasBrowser)("sign-in with the organisation's account in a real browser", () => {
  let provider: TestProvider;
  let hub: RunningHub;
  let browser: Browser;
  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    provider = await startProvider({ redirectUrl: `${base}/api/auth/oidc/callback`, postLogoutUrl: `${base}/staff` });
    hub = await startServer({ oidc: oidcSettings(provider.issuer, `${base}/api/auth/oidc/callback`) }, port);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await provider?.close();
  });

  /** From Luukku's login page through the provider's login and consent forms. */
  async function signIn(page: Page, login: string) {
    await page.goto(`${hub.url}/staff`);
    await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const consent = page.getByRole('button', { name: 'Continue' });
    // the provider asks for consent once per browser session; after that it returns at once
    await Promise.race([consent.click().catch(() => undefined), page.waitForURL(`${hub.url}/staff**`)]);
  }

  it("signs in at the provider and lands in the console with the mapped agency's lines", async () => {
    provider.accounts.set('maija', { name: 'Maija Kela', groups: ['luukku-kela'] });
    const page = await browser.newPage({ width: 1366, height: 900 });
    await page.goto(`${hub.url}/staff`);
    await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-login-oidc');

    await signIn(page, 'maija');
    await page.waitForURL(`${hub.url}/staff`);
    await page.getByText('Maija Kela').waitFor();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    // the lines of Kela, the agency her group maps to, and not those of another agency
    await page.getByRole('checkbox', { name: /Kela: etuudet ja asumistuki/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Kunnan asiointipiste/ }).count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);

    // logout ends Luukku's session and the provider's, then the provider returns to the console
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL(`${provider.issuer}/session/end**`);
    await page.getByRole('button', { name: /Yes, sign me out/i }).click();
    await page.waitForURL(`${hub.url}/staff`);
    await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).waitFor();
    await page.close();
    // axe runs twice on a busy machine: more than the default minute
  }, 150_000);

  it('tells a person whose groups give no access why they were refused', async () => {
    provider.accounts.set('ulkopuolinen', { groups: ['another-app'] });
    await browser.context.clearCookies();
    const page = await browser.newPage({ width: 1366, height: 900 });
    await signIn(page, 'ulkopuolinen');
    await page.getByText('Organisaatiotunnuksellasi ei ole käyttöoikeutta Luukkuun.', { exact: false }).waitFor();
    // the code is kept out of the address once shown
    expect(page.url()).toBe(`${hub.url}/staff`);
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('takes a group change at the next sign-in, and refuses an answer whose state was tampered with', async () => {
    provider.accounts.set('pekka', { name: 'Pekka Kela', groups: ['luukku-kela'] });
    await browser.context.clearCookies();
    const page = await browser.newPage({ width: 1366, height: 900 });
    await signIn(page, 'pekka');
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await page.getByRole('checkbox', { name: /Kela: etuudet ja asumistuki/ }).waitFor();

    // the organisation moves Pekka to employment services: the next sign-in says so
    provider.accounts.set('pekka', { name: 'Pekka Kela', groups: ['luukku-tyo'] });
    await browser.context.clearCookies();
    await signIn(page, 'pekka');
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await page.getByRole('checkbox', { name: /Työllisyyspalvelut/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Kela: etuudet ja asumistuki/ }).count()).toBe(0);

    // an answer from the provider whose state is not the one this sign-in sent: the state is
    // changed in Luukku's redirect to the provider (the provider returns what it was given)
    await browser.context.clearCookies();
    await page.route('**/api/auth/oidc/start', async (route) => {
      const res = await route.fetch({ maxRedirects: 0 });
      const to = new URL(res.headers()['location']!);
      to.searchParams.set('state', 'tampered-state');
      await route.fulfill({ status: 302, headers: { ...res.headers(), location: to.toString() } });
    });
    await signIn(page, 'pekka');
    await page.getByText('Kirjautuminen ei onnistunut. Yritä uudelleen.').waitFor();
    expect(page.url()).toBe(`${hub.url}/staff`);
    expect(await page.getByRole('heading', { name: 'Valitse palvelupiste' }).count()).toBe(0);
    // refused for its state, as the audit log says
    const refusal = hub.app.db.prepare(`SELECT detail FROM audit_log WHERE action = 'auth.oidc_refused' ORDER BY id DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(refusal)).toMatchObject({ code: 'OIDC_LOGIN_FAILED', reason: expect.stringMatching(/unexpected "state"/) });
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  }, 150_000);
});
