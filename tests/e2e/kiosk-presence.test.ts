/**
 * Issue 12 §1, agency presence: on a day an agency is not in the hub, the kiosk shows it greyed
 * with when it is next here, and touching it tells what to do instead: its phone service, its
 * online service (address and QR code), or a Guidance ticket, which the kiosk then issues.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { VisitorLanguage } from '@luukku/shared';
import { messages } from '../../kiosk-ui/src/i18n/index.js';
import { nextHereText, presenceMessages } from '../../kiosk-ui/src/i18n/presence.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

/** A Wednesday in Helsinki: the tax office is here on Tuesdays 9–12 only, and not on 1 December. */
const wednesday = new Date('2026-11-25T10:00:00+02:00');
const next = { date: '2026-12-08', weekday: 'tue' as const, hours: [{ from: '09:00', to: '12:00' }] };
const t = (fi: string, sv: string, en: string) => ({ fi, sv, en });
const names = t('Verohallinto', 'Skatteförvaltningen', 'Tax Administration');

describe.skipIf(!hasBrowser)('an agency that is not here today, at the kiosk', () => {
  const env = useServerAndBrowser({ now: () => wednesday });

  beforeAll(async () => {
    const admin = await staffSession(env.hub.url, 'admin');
    const agency = await admin.call('POST', '/api/admin/agencies', { code: 'vero', name: names, color: '#6d28d9' });
    expect(agency.status).toBe(201);
    const service = await admin.call('POST', '/api/admin/services', {
      agencyId: agency.body.id, code: 'vero', name: t('Verotus', 'Beskattning', 'Taxation'), publicLabel: t('Vero', 'Skatt', 'Tax'), prefix: 'X',
      schedule: { weekly: { tue: [{ from: '09:00', to: '12:00' }] }, dates: [], closed: ['2026-12-01'] },
    });
    expect(service.status).toBe(201);
    const presence = await admin.call('PUT', `/api/admin/agencies/${agency.body.id}/presence`, {
      phone: '029 497 000',
      onlineUrl: 'https://www.vero.fi/omavero',
      guidance: true,
      text: t('Veroasiat hoituvat myös OmaVerossa.', 'Skatteärenden sköts också i MinSkatt.', 'You can also use MyTax online.'),
    });
    expect(presence.status).toBe(200);
  });

  const languageNames: Partial<Record<VisitorLanguage, string>> = { sv: 'Svenska', en: 'English', ar: 'العربية', so: 'Soomaali' };
  async function openKiosk(lang: VisitorLanguage): Promise<Page> {
    const page = await env.browser.newPage();
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await page.getByRole('button', { name: 'Ota vuoronumero' }).waitFor();
    if (lang !== 'fi') {
      await page.getByRole('button', { name: 'Kieli' }).click();
      await page.getByRole('button', { name: languageNames[lang], exact: true }).click();
      await page.getByRole('button', { name: messages(lang).takeNumber }).waitFor();
    }
    return page;
  }

  // the agency's own name and text in the visitor's language; Arabic has none, so the hub's Finnish
  const cases: { lang: VisitorLanguage; name: string; text: string }[] = [
    { lang: 'fi', name: names.fi, text: 'OmaVerossa' },
    { lang: 'sv', name: names.sv, text: 'MinSkatt' },
    { lang: 'en', name: names.en, text: 'MyTax' },
    { lang: 'ar', name: names.fi, text: 'OmaVerossa' },
  ];

  it('says in Finnish when the agency is next here, as the hub writes it', async () => {
    const page = await openKiosk('fi');
    const tile = page.locator('kiosk-start .tile.absent');
    await expect.poll(() => tile.count()).toBe(1);
    expect((await tile.locator('.next').textContent())?.trim()).toBe('Verohallinto on täällä seuraavan kerran ti 8.12. klo 9–12');
    await page.close();
  });

  for (const c of cases) {
    it(`shows the absent agency greyed, not as a choice, and what to do instead (${c.lang})`, async () => {
      const { m } = presenceMessages(c.lang);
      const page = await openKiosk(c.lang);
      const tile = page.locator('kiosk-start .tile.absent');
      await expect.poll(() => tile.count()).toBe(1);
      expect((await tile.locator('.label').textContent())?.trim()).toBe(c.name);
      expect((await tile.locator('.only').textContent())?.trim()).toBe(m.notToday);
      expect((await tile.locator('.next').textContent())?.trim()).toBe(nextHereText(m, c.name, next));
      // not a choice for a number: it opens what to do instead
      expect(await tile.getAttribute('aria-pressed')).toBeNull();
      expect(await tile.getAttribute('aria-haspopup')).toBe('dialog');
      expect(await axeProblems(page)).toEqual([]);

      await tile.click();
      const dialog = page.getByRole('dialog', { name: c.name });
      await dialog.waitFor();
      const said = (await dialog.textContent()) ?? '';
      expect(said).toContain(nextHereText(m, c.name, next));
      expect(said).toContain(c.text);
      await dialog.getByRole('heading', { name: m.call }).waitFor();
      expect((await dialog.locator('.phone').textContent())?.trim()).toBe('029 497 000');
      expect((await dialog.locator('.address').textContent())?.trim()).toBe('www.vero.fi/omavero');
      await dialog.getByRole('img', { name: m.qrLabel('www.vero.fi/omavero') }).waitFor();
      await dialog.getByRole('button', { name: m.guidanceTicket }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `kiosk-presence-${c.lang}`);
      await dialog.getByRole('button', { name: m.close }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.locator('kiosk-ticket').count()).toBe(0);
      await page.close();
      // two axe runs and a screenshot: slow on a busy two-core machine
    }, 120_000);
  }

  it('shows the words in English, marked as English, in a kiosk language that has none yet (Somali)', async () => {
    const page = await openKiosk('so');
    const tile = page.locator('kiosk-start .tile.absent');
    await expect.poll(() => tile.count()).toBe(1);
    expect((await tile.locator('.only').textContent())?.trim()).toBe('Not here today');
    expect(await tile.locator('.only').getAttribute('lang')).toBe('en');
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  });

  it('issues a Guidance ticket from the absent agency\'s alternatives', async () => {
    const page = await openKiosk('fi');
    await page.locator('kiosk-start .tile.absent').click();
    const dialog = page.getByRole('dialog', { name: names.fi });
    await dialog.getByRole('button', { name: 'Ota vuoronumero Neuvontaan' }).click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    expect((await page.locator('kiosk-ticket .number').textContent())?.trim()).toMatch(/^A\d{3}$/);
    await expect.poll(() => page.locator('kiosk-ticket ul.services li').allTextContents()).toEqual(['Neuvonta']);
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  });

  it("shows the demo's pop-up point closed on a Wednesday: Kela and employment services next here on Thursday, and Kela's phone service", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk-pornainen`);
    const tiles = page.locator('kiosk-start .tile.absent');
    await expect.poll(() => tiles.count()).toBe(2);
    const texts = (await tiles.locator('.next').allTextContents()).map((x) => x.trim());
    expect(texts).toEqual(['Kela on täällä seuraavan kerran to 26.11. klo 9–16', 'Työllisyyspalvelut on täällä seuraavan kerran to 26.11. klo 9–16']);
    await tiles.first().click();
    const dialog = page.getByRole('dialog', { name: 'Kela' });
    await dialog.getByText('020 692 202').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
