/**
 * Issue 12 §1: a Kela worker rostered to Mäntsälä on Mondays, Wednesdays and Fridays and to the
 * Pornainen pop-up point on Tuesdays and Thursdays (the demo's `kela-kierto`). The server's clock
 * decides the day; the browser's clock is set to the same moment.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { consoleIdle } from './support/staff-console.js';

const tuesday = new Date('2026-11-24T10:00:00+02:00');
const monday = new Date('2026-11-23T10:00:00+02:00');
let now = tuesday;

const words = {
  fi: { hub: 'Palvelutori', today: 'tänään', mantsala: 'Mäntsälän palvelutori', pornainen: 'Pornaisten palvelupiste', name: 'Suomi' },
  sv: { hub: 'Servicetorg', today: 'i dag', mantsala: 'Mäntsälä servicetorg', pornainen: 'Pornainen servicepunkt', name: 'Svenska' },
  en: { hub: 'Service hub', today: 'today', mantsala: 'Mäntsälä service hub', pornainen: 'Pornainen service point', name: 'English' },
} as const;

describe.skipIf(!hasBrowser)('a console of more than one hub', () => {
  const env = useServerAndBrowser({ now: () => now });

  async function issue(kiosk: string, code: string): Promise<string> {
    const headers = { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' };
    const services = (await (await fetch(`${env.hub.url}/api/services`, { headers })).json()) as { services: { id: number; code: string }[] };
    const id = services.services.find((s) => s.code === code)!.id;
    const res = await fetch(`${env.hub.url}/api/visits`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ services: [id], language: 'fi', idempotencyKey: `e2e-hubs-${Math.random().toString(36).slice(2)}` }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { number: string }).number;
  }

  async function logIn(username: string): Promise<Page> {
    await env.browser.context.clearCookies();
    const page = await env.browser.newPage({ width: 1366, height: 1000 });
    await page.clock.setFixedTime(now);
    await page.addInitScript(() => localStorage.setItem('luukku.staff.lang', 'fi'));
    await page.goto(`${env.hub.url}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(username);
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    return page;
  }

  const heading = (page: Page) => page.locator('staff-app header h1');
  /** The header's switcher, found by its label in the console's language. */
  const switcher = (page: Page, lang: keyof typeof words = 'fi') => page.locator('staff-hub-switcher label').filter({ hasText: words[lang].hub }).locator('select');

  async function openKelaDesk(page: Page) {
    await page.getByRole('checkbox', { name: /^Kela: etuudet/ }).check();
    await page.getByRole('button', { name: 'Avaa palvelupiste' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    await consoleIdle(page);
  }
  const kelaLine = (page: Page) => page.locator('staff-queues section[aria-label^="Kela: etuudet"]');

  it('a rostered Kela worker’s console opens in the right hub on the right day, and switches to the other hub’s lines', async () => {
    now = tuesday;
    const popUp = await issue('demo-kiosk-pornainen', 'kela');
    await issue('demo-kiosk', 'kela');
    const second = await issue('demo-kiosk', 'kela');
    expect([popUp, second]).toEqual(['K001', 'K002']);

    // Tuesday: Pornainen, today's hub first in the switcher
    const page = await logIn('kela-kierto');
    await expect.poll(() => heading(page).textContent()).toBe(words.fi.pornainen);
    const options = await switcher(page).locator('option').allTextContents();
    expect(options.map((o) => o.trim())).toEqual([`${words.fi.pornainen} (${words.fi.today})`, words.fi.mantsala]);
    await openKelaDesk(page);
    await expect.poll(() => kelaLine(page).locator('li').count()).toBe(1);
    expect(await kelaLine(page).textContent()).toContain('K001');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-hubs-pornainen');

    // an open desk keeps the worker where they are, and says why
    await switcher(page).selectOption({ label: words.fi.mantsala });
    await page.getByRole('alert').filter({ hasText: 'Sulje palvelupisteesi' }).waitFor();
    expect(await heading(page).textContent()).toContain(words.fi.pornainen);

    // desk closed: the switch loads Mäntsälä, whose Kela line has two waiting
    await page.getByRole('button', { name: 'Sulje palvelupiste' }).click();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await switcher(page).selectOption({ label: words.fi.mantsala });
    await expect.poll(() => heading(page).textContent()).toBe(words.fi.mantsala);
    await openKelaDesk(page);
    await expect.poll(() => kelaLine(page).locator('li').count()).toBe(2);
    expect(await kelaLine(page).textContent()).toContain('K002');
    expect(await axeProblems(page)).toEqual([]);

    // the switcher in Swedish and English
    for (const lang of ['sv', 'en'] as const) {
      await page.getByLabel(lang === 'sv' ? 'Kieli' : 'Språk').selectOption({ label: words[lang].name });
      await expect.poll(() => switcher(page, lang).locator('option').allTextContents()).toEqual([
        `${words[lang].pornainen} (${words[lang].today})`,
        words[lang].mantsala,
      ]);
      expect(await axeProblems(page)).toEqual([]);
    }
    await page.getByRole('button', { name: 'Close the desk' }).click();
    await page.getByRole('heading', { name: 'Choose a desk' }).waitFor();
    await page.close();
  }, 180_000);

  it('opens Mäntsälä on a Monday, and shows no switcher to a worker of one hub', async () => {
    now = monday;
    const page = await logIn('kela-kierto');
    await expect.poll(() => heading(page).textContent()).toBe(words.fi.mantsala);
    expect((await switcher(page).locator('option').allTextContents()).map((o) => o.trim())).toEqual([
      `${words.fi.mantsala} (${words.fi.today})`,
      words.fi.pornainen,
    ]);
    await page.close();

    const one = await logIn('kela');
    await expect.poll(() => heading(one).textContent()).toBe(words.fi.mantsala);
    expect(await one.locator('staff-hub-switcher').count()).toBe(0);
    await one.close();
  }, 120_000);
});
