import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';
import { consoleIdle } from './support/staff-console.js';

describe.skipIf(!hasBrowser)('the staff console in a real browser', () => {
  const env = useServerAndBrowser();

  const issue = (service: number, language = 'fi', needs = {}) => issueAtKiosk(env.hub.url, { services: [service], language, needs });

  /** Logs in with the keyboard alone: the username field has focus, type, Tab, type, Enter. */
  async function loginByKeyboard(page: Page, username: string) {
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    await page.getByRole('heading', { name: 'Luukku – henkilökunta' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('staff-app')?.shadowRoot?.querySelector('staff-login')?.shadowRoot?.activeElement?.getAttribute('name'))).toBe('username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
  }

  it('logs in, opens a desk and remembers its choice', async () => {
    const page = await env.browser.newPage({ width: 1366, height: 900 });
    await page.goto(`${env.hub.url}/staff`);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('Käyttäjätunnus').fill('kunta');
    await page.getByLabel('Salasana').fill('väärä');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByText('Väärä käyttäjätunnus tai salasana.').waitFor();
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await page.getByLabel('Palvelupiste').selectOption({ label: '5 (b)' });
    await page.getByRole('checkbox', { name: /Kunnan asiointipiste/ }).check();
    await page.getByRole('button', { name: 'Avaa palvelupiste' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sulje palvelupiste' }).click();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    // the desk and services chosen last time are offered again
    expect(await page.getByLabel('Palvelupiste').inputValue()).toBe('5');
    expect(await page.getByRole('checkbox', { name: /Kunnan asiointipiste/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('lets a staff member call, start, refer and finish with the keyboard alone', async () => {
    const kela = await staffSession(env.hub.url, 'kela');
    expect((await kela.call('POST', '/api/desks/1/open', { services: [2] })).status).toBe(200);
    const first = await issue(2, 'ar', { interpreter: true });
    const second = await issue(2);

    const page = await env.browser.newPage({ width: 1366, height: 900 });
    await loginByKeyboard(page, 'kela');
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    // both visitors are in the line, the first with her language and interpreter need
    await page.getByRole('button', { name: `Kutsu ${first.number}` }).waitFor();
    await page.getByText('tulkki (العربية)').first().waitFor();

    await consoleIdle(page);
    await page.keyboard.press('n');
    await consoleIdle(page);
    expect(await page.locator('staff-current .number').textContent()).toBe(first.number);
    await page.keyboard.press('a');
    await consoleIdle(page);
    await page.getByText('palvelussa').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-console');

    await page.keyboard.press('o');
    await page.getByRole('heading', { name: 'Ohjaa eteenpäin' }).waitFor();
    await page.keyboard.type('Vuokra');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Järjestys').waitFor();
    await page.keyboard.press('Tab'); // reason
    await page.keyboard.press('Tab'); // note
    await page.keyboard.type('Kysyy vuokravakuudesta');
    // the dialog says who will read the note: the one agency it is addressed to
    await page.getByText('Mäntsälän Vuokra-asunnot lukee tämän').waitFor();
    await page.keyboard.press('Tab'); // placement
    await page.keyboard.press('Tab'); // refer
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-refer');
    await page.keyboard.press('Enter');
    await consoleIdle(page);
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();

    await page.keyboard.press('n');
    await consoleIdle(page);
    expect(await page.locator('staff-current .number').textContent()).toBe(second.number);
    await page.keyboard.press('v');
    await consoleIdle(page);
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();

    // housing sees the referred visitor with the reason and the note
    const housing = await staffSession(env.hub.url, 'asunnot');
    const line = (await housing.call('GET', '/api/queues')).body.queues.find((q: { prefix: string }) => q.prefix === 'V');
    const entry = line.entries.find((e: { number: string }) => e.number === first.number);
    expect(entry.referredFrom).toMatchObject({ reason: 'needs_other_service', hasNote: true });
    await kela.call('POST', '/api/desks/1/close');
    await page.close();
  });
  it('addresses the note to one agency the writer picks when the referral has several, and says who will read it', async () => {
    const ohjaamo = await staffSession(env.hub.url, 'ohjaamo');
    expect((await ohjaamo.call('POST', '/api/desks/6/open', { services: [5] })).status).toBe(200);
    const visitor = await issue(5);

    const page = await env.browser.newPage({ width: 1366, height: 900 });
    await loginByKeyboard(page, 'ohjaamo');
    await page.getByRole('button', { name: 'Kutsu seuraava' }).click();
    await page.getByRole('button', { name: 'Kutsu uudelleen' }).waitFor();
    await page.keyboard.press('o');
    await page.getByRole('heading', { name: 'Ohjaa eteenpäin' }).waitFor();
    await page.getByRole('button', { name: 'Poliisi: passit ja henkilökortit' }).click();
    await page.getByRole('button', { name: 'Kela: etuudet ja asumistuki' }).click();
    await page.getByLabel('Muistiinpano (poistetaan illalla)').fill('Kysyy asumistuesta');
    // by default the first agency of the plan reads it; the writer picks Kela instead
    await page.getByText('Poliisi lukee tämän').waitFor();
    await page.getByLabel('Kuka lukee muistiinpanon').selectOption({ label: 'Kela' });
    await page.getByText('Kela lukee tämän').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();

    const police = await staffSession(env.hub.url, 'poliisi');
    const line = (await police.call('GET', '/api/queues')).body.queues.find((q: { prefix: string }) => q.prefix === 'P');
    const entry = line.entries.find((e: { number: string }) => e.number === visitor.number);
    const seen = (await police.call('GET', `/api/steps/${entry.stepId}`)).body;
    expect(JSON.stringify(seen)).not.toContain('asumistuesta');
    const kelaStep = seen.visit.steps.find((st: { serviceId: number }) => st.serviceId === 2);
    const kela = await staffSession(env.hub.url, 'kela');
    expect(JSON.stringify((await kela.call('GET', `/api/steps/${kelaStep.id}`)).body)).toContain('Kysyy asumistuesta');
    await ohjaamo.call('POST', '/api/desks/6/close');
    await page.close();
  });
});
