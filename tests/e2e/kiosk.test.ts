import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('the kiosk in a real browser', () => {
  const env = useServerAndBrowser();

  async function openKiosk(lang?: string): Promise<Page> {
    const page = await env.browser.newPage();
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await page.getByRole('button', { name: 'Ota vuoronumero' }).waitFor();
    if (lang) {
      // one compact control opens the full-screen chooser
      await page.getByRole('button', { name: 'Kieli' }).click();
      await page.getByRole('button', { name: lang, exact: true }).click();
    }
    return page;
  }

  const ticketNumber = async (page: Page) => (await page.locator('kiosk-ticket').locator('.number').textContent())?.trim();

  it('gives a Finnish visitor a Kela number with a QR code to the phone page', async () => {
    const page = await openKiosk();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'kiosk-start');
    await page.getByRole('button', { name: /^Kela/ }).click();
    await page.getByRole('button', { name: 'Ota vuoronumero' }).last().click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    expect(await ticketNumber(page)).toMatch(/^K\d{3}$/);
    await expect.poll(() => page.getByRole('img', { name: /QR/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Lippusi tulostuu');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'kiosk-ticket');
    // the URL no longer shows the device token once the page has kept it
    expect(page.url()).not.toContain('demo-kiosk');
    await page.close();
  });

  it('takes a visitor who does not know what they need to Guidance in two questions', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: 'En tiedä, mitä tarvitsen' }).click();
    await page.getByRole('heading', { name: 'Mitä asiasi koskee?' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Jotain muuta' }).click();
    await screenshot(page, 'kiosk-guided');
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('heading', { name: 'Tarvitsetko jotain näistä?' }).waitFor();
    await page.getByRole('button', { name: 'Tarvitsen tulkin' }).click();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('heading', { name: /Neuvonnan työntekijä/ }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ota vuoronumero' }).click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    const number = await ticketNumber(page);
    expect(number).toMatch(/^A\d{3}$/);
    // the need travels with the visit: the guide sees it in the Guidance line
    const guide = await staffSession(env.hub.url, 'neuvonta');
    const queues = await guide.call('GET', '/api/queues');
    const guidance = queues.body.queues.find((q: { prefix: string }) => q.prefix === 'A');
    expect(guidance.entries.find((e: { number: string }) => e.number === number).needs.interpreter).toBe(true);
    await page.close();
  });

  it('suggests the services of the chosen situations and issues one number for them', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: 'En tiedä, mitä tarvitsen' }).click();
    await page.getByRole('button', { name: 'Muutto tai asuminen' }).click();
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('button', { name: 'En mitään näistä' }).click();
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('heading', { name: 'Ehdotamme näitä palveluja' }).waitFor();
    await expect.poll(() => page.locator('kiosk-guided').locator('ol.plan li').allTextContents()).toEqual(['Vuokra-asunnot', 'Kela']);
    await page.getByRole('button', { name: 'Ota numero näihin' }).click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    expect(await ticketNumber(page)).toMatch(/^V\d{3}$/);
    await expect.poll(() => page.locator('kiosk-ticket').locator('ul.services li').allTextContents()).toEqual(['Vuokra-asunnot', 'Kela']);
    await page.close();
  });

  it('reads right to left in Arabic, with the ticket in Arabic', async () => {
    const page = await openKiosk('العربية');
    await page.getByRole('heading', { name: 'خذ رقمًا' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'kiosk-start-arabic');
    await page.getByRole('button', { name: /^Kela/ }).click();
    await page.getByRole('button', { name: 'خذ رقمًا' }).last().click();
    await page.getByRole('heading', { name: 'رقم الدور' }).waitFor();
    await page.close();
  });

  it('puts every control in the lower part of the screen in accessible mode', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: 'Saavutettava tila' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-accessible'))).toBe(true);
    const check = async () => {
      const height = page.viewportSize()!.height;
      const tops = await page.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().top));
      expect(tops.length).toBeGreaterThan(5);
      for (const top of tops) expect(top).toBeGreaterThanOrEqual(height * 0.4);
    };
    await check();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'kiosk-accessible');
    await page.getByRole('button', { name: 'En tiedä, mitä tarvitsen' }).click();
    await page.getByRole('heading', { name: 'Mitä asiasi koskee?' }).waitFor();
    await check();
    // by keyboard alone: arrow keys move, Enter chooses
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('kiosk-guided').locator('button[aria-pressed="true"]').count()).toBe(1);
    await page.close();
  });

  it('issues one visit for a double tap and for retries after the network drops', async () => {
    const page = await openKiosk();
    const bodies: string[] = [];
    let failures = 2;
    await page.route('**/api/visits', async (route) => {
      bodies.push(route.request().postData() ?? '');
      if (failures-- > 0) await route.abort('connectionreset');
      else await route.continue();
    });
    const before = (await staffSession(env.hub.url, 'kela').then((s) => s.call('GET', '/api/queues'))).body.queues.find((q: { prefix: string }) => q.prefix === 'K').waiting;
    await page.getByRole('button', { name: /^Kela/ }).click();
    const take = page.getByRole('button', { name: 'Ota vuoronumero' }).last();
    await take.dblclick();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor({ timeout: 15_000 });
    expect(bodies.length).toBe(3);
    const keys = new Set(bodies.map((b) => JSON.parse(b).idempotencyKey));
    expect(keys.size).toBe(1);
    const after = (await staffSession(env.hub.url, 'kela').then((s) => s.call('GET', '/api/queues'))).body.queues.find((q: { prefix: string }) => q.prefix === 'K').waiting;
    expect(after).toBe(before + 1);
    await page.close();
  });

  it('tells the visitor plainly when the server cannot be reached, and sends the same request again', async () => {
    const page = await openKiosk('English');
    const bodies: string[] = [];
    let reachable = false;
    await page.route('**/api/visits', async (route) => {
      bodies.push(route.request().postData() ?? '');
      if (reachable) await route.continue();
      else await route.abort('connectionrefused');
    });
    await page.getByRole('button', { name: /^Kela/ }).click();
    await page.getByRole('button', { name: 'Take a number' }).last().click();
    await page.getByRole('heading', { name: 'We cannot reach the queue system' }).waitFor({ timeout: 20_000 });
    expect(await axeProblems(page)).toEqual([]);
    reachable = true;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Queue number' }).waitFor();
    expect(new Set(bodies.map((b) => JSON.parse(b).idempotencyKey)).size).toBe(1);
    await page.close();
  });

  it('prints to the file printer, and tells the visitor to take a photo when the printer is off', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: /^Kela/ }).click();
    await page.getByRole('button', { name: 'Ota vuoronumero' }).last().click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    const number = await ticketNumber(page);
    await expect.poll(() => {
      const dir = join(env.hub.dataDir, 'prints');
      return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes(number!)) : [];
    }).toEqual(expect.arrayContaining([expect.stringMatching(/\.png$/), expect.stringMatching(/\.bin$/)]));

    const admin = await staffSession(env.hub.url, 'admin');
    const devices = (await admin.call('GET', '/api/admin/devices')).body.devices;
    const kiosk = devices.find((d: { kind: string }) => d.kind === 'kiosk');
    // a port nobody listens on: the printer is "off"
    expect((await admin.call('PUT', `/api/admin/devices/${kiosk.id}/printer`, { kind: 'network', host: '127.0.0.1', port: 9, timeoutMs: 500 })).status).toBe(200);
    await page.getByRole('button', { name: 'Valmis' }).click();
    await page.getByRole('button', { name: /^Kela/ }).click();
    await page.getByRole('button', { name: 'Ota vuoronumero' }).last().click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toContain('Ota kuva');
    const failed = await ticketNumber(page);
    const status = (await admin.call('GET', '/api/admin/devices')).body.devices.find((d: { id: number }) => d.id === kiosk.id);
    expect(status.lastPrint.ok).toBe(false);
    // the visit is intact
    const kela = await staffSession(env.hub.url, 'kela');
    const line = (await kela.call('GET', '/api/queues')).body.queues.find((q: { prefix: string }) => q.prefix === 'K');
    expect(line.entries.map((e: { number: string }) => e.number)).toContain(failed);
    await admin.call('PUT', `/api/admin/devices/${kiosk.id}/printer`, { kind: 'file' });
    await page.close();
  });
});
