/**
 * Issue 12, "Done when": a region admin creates a hub from the template in the admin pages, and
 * enters it. A hub admin has no such tab.
 */
import { describe, expect, it } from 'vitest';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { openAdminPages } from './support/pages.js';

describe.skipIf(!hasBrowser)("the region admin's hubs", () => {
  const env = useServerAndBrowser();

  it('creates a hub from the template, says what it copied, and enters it with its copied services', { timeout: 150_000 }, async () => {
    const q = env.hub.app.q;
    const mantsala = q.hubBySlug('mantsala')!.id;
    await env.browser.context.clearCookies();
    const page = await openAdminPages(env.browser, env.hub.url, 'alue');
    await page.getByRole('button', { name: 'Palvelutorit', exact: true }).click();
    const table = page.locator('admin-hubs table');
    await table.locator('tr[data-hub="pornainen"]').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(q.hubs().length);

    const form = page.getByRole('form', { name: 'Uusi palvelutori mallista' });
    await form.getByLabel('Nimi (fi)').fill('Ohkolan palvelupiste');
    await form.getByLabel('Nimi (sv)').fill('Ohkola servicepunkt');
    await form.getByLabel('Nimi (en)').fill('Ohkola service point');
    await form.getByLabel('Tunnus').fill('ohkola');
    // the hub the admin is in is the template unless another is chosen
    expect(await form.getByLabel('Malli').inputValue()).toBe(String(mantsala));
    expect(await axeProblems(page)).toEqual([]);
    await form.getByRole('button', { name: 'Luo palvelutori' }).click();

    const done = `Ohkolan palvelupiste luotu: ${q.agencies(mantsala).length} virastoa, ${q.services(mantsala).length} palvelua, ${q.kioskQuestions(mantsala).length} kysymystä.`;
    await page.getByText(done).waitFor();
    expect(q.hubBySlug('ohkola')).toBeDefined();
    await table.locator('tr[data-hub="ohkola"]').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'admin-hubs-created');

    // a slug in use is refused with its reason, and makes nothing
    const before = q.hubs().length;
    await form.getByLabel('Nimi (fi)').fill('Toinen');
    await form.getByLabel('Tunnus').fill('ohkola');
    await form.getByRole('button', { name: 'Luo palvelutori' }).click();
    await page.getByRole('alert').waitFor();
    expect(q.hubs().length).toBe(before);

    // the page is loaded anew in the new hub: wait for that navigation, not for the address,
    // which was /staff/admin before it too
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Siirry palvelutorille Ohkolan palvelupiste' }).click();
    await reloaded;
    await page.getByRole('heading', { name: 'Ylläpito' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.hubId).toBe(q.hubBySlug('ohkola')!.id);
    await page.getByRole('button', { name: 'Palvelut', exact: true }).click();
    await page.locator('admin-services').getByText('Kela').first().waitFor();
    await page.close();
  });

  it("shows a hub admin no hubs tab", { timeout: 120_000 }, async () => {
    await env.browser.context.clearCookies();
    const page = await openAdminPages(env.browser, env.hub.url, 'admin');
    await page.getByRole('button', { name: 'Laitteet' }).waitFor();
    expect(await page.getByRole('button', { name: 'Palvelutorit', exact: true }).count()).toBe(0);
    await page.close();
  });
});
