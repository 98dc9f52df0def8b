/**
 * Issue 11 §1: an appointment-only service shows on the kiosk as such, in the visitor's
 * language, and touching it tells how to book instead of giving a number.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('an appointment-only service at the kiosk', () => {
  const env = useServerAndBrowser();

  async function openKiosk(lang: string | null): Promise<Page> {
    const page = await env.browser.newPage();
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await page.getByRole('button', { name: 'Ota vuoronumero' }).waitFor();
    if (lang) {
      await page.getByRole('button', { name: 'Kieli' }).click();
      await page.getByRole('button', { name: lang, exact: true }).click();
    }
    return page;
  }

  /** How many wait in the demo's appointment-only line (Kela appointments), as the display sees it. */
  const bookingLineWaiting = async (): Promise<number> => {
    const res = await fetch(`${env.hub.url}/api/queues`, { headers: { authorization: 'Bearer demo-kiosk' } });
    const services = await fetch(`${env.hub.url}/api/services`, { headers: { authorization: 'Bearer demo-kiosk' } });
    const id = ((await services.json()) as { services: { id: number; code: string }[] }).services.find((s) => s.code === 'kela-aika')!.id;
    return ((await res.json()) as { queues: { serviceId: number; waiting: number }[] }).queues.find((q) => q.serviceId === id)?.waiting ?? 0;
  };

  const cases = [
    // the language chooser's name, the tile's label (Arabic falls back to the hub's Finnish), its mark, the booking text, the close button
    { lang: null, label: 'Ajanvaraus', agency: 'Kela', mark: 'Vain ajanvarauksella', info: 'kela.fi/ajanvaraus', gotIt: 'Selvä', heading: 'Näin varaat ajan' },
    { lang: 'Svenska', label: 'Tidsbokning', agency: 'FPA', mark: 'Endast med tidsbokning', info: 'fpa.fi/tidsbokning', gotIt: 'Okej', heading: 'Så här bokar du en tid' },
    { lang: 'English', label: 'Appointments', agency: 'Kela', mark: 'By appointment only', info: 'Book online: kela.fi/ajanvaraus', gotIt: 'OK', heading: 'How to book' },
    { lang: 'العربية', label: 'Ajanvaraus', agency: 'Kela', mark: 'بموعد مسبق فقط', info: 'kela.fi/ajanvaraus', gotIt: 'حسنًا', heading: 'كيف تحجز موعدًا' },
  ];

  for (const c of cases) {
    it(`marks the tile "${c.mark}" and shows how to book instead of a number (${c.lang ?? 'Suomi'})`, async () => {
      const page = await openKiosk(c.lang);
      const tile = page.locator('kiosk-start .tile.booking');
      await expect.poll(() => tile.count()).toBe(1);
      expect((await tile.locator('.label').textContent())?.trim()).toBe(c.label);
      expect((await tile.locator('.agency').textContent())?.trim()).toBe(c.agency);
      expect((await tile.locator('.only').textContent())?.trim()).toBe(c.mark);
      // not a choice for a number: it opens the booking info
      expect(await tile.getAttribute('aria-pressed')).toBeNull();
      expect(await tile.getAttribute('aria-haspopup')).toBe('dialog');
      expect(await axeProblems(page)).toEqual([]);

      await tile.click();
      const dialog = page.getByRole('dialog', { name: `${c.label} (${c.agency})` });
      await dialog.waitFor();
      await dialog.getByRole('heading', { name: c.heading }).waitFor();
      expect(await dialog.textContent()).toContain(c.info);
      expect(await dialog.textContent()).toContain(c.mark);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `kiosk-appointment-only-${c.lang === null ? 'fi' : c.lang === 'العربية' ? 'ar' : c.lang.slice(0, 2).toLowerCase()}`);
      await dialog.getByRole('button', { name: c.gotIt }).click();
      await dialog.waitFor({ state: 'hidden' });

      // still the start screen, nothing chosen, no number taken
      expect(await page.locator('kiosk-start button.take').isDisabled()).toBe(true);
      expect(await page.locator('kiosk-ticket').count()).toBe(0);
      expect(await bookingLineWaiting()).toBe(0);
      await page.close();
    });
  }

  it('lists a suggested appointment-only service apart with how to book, and numbers only the rest', async () => {
    // the admin makes "Muutto tai asuminen" suggest housing and then Kela's appointments
    const admin = await staffSession(env.hub.url, 'admin');
    const services = (await admin.call('GET', '/api/services')).body.services as { id: number; code: string }[];
    const id = (code: string) => services.find((s) => s.code === code)!.id;
    const put = await admin.call('PUT', '/api/admin/kiosk-questions', {
      questions: [{ icon: 'home', label: { fi: 'Muutto tai asuminen', sv: 'Flytt eller boende', en: 'Moving or housing' }, suggests: [id('asunnot'), id('kela-aika')] }],
    });
    expect(put.status).toBe(200);

    const page = await openKiosk(null);
    await page.getByRole('button', { name: 'En tiedä, mitä tarvitsen' }).click();
    await page.getByRole('button', { name: 'Muutto tai asuminen' }).click();
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('button', { name: 'En mitään näistä' }).click();
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('heading', { name: 'Ehdotamme näitä palveluja' }).waitFor();
    await expect.poll(() => page.locator('kiosk-guided ol.plan li').allTextContents()).toEqual(['Vuokra-asunnot']);
    const booking = page.getByRole('region', { name: 'Ajanvaraus (Kela)' });
    expect(await booking.textContent()).toContain('Vain ajanvarauksella');
    expect(await booking.textContent()).toContain('kela.fi/ajanvaraus');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'kiosk-guided-appointment-only');
    await page.getByRole('button', { name: 'Ota numero näihin' }).click();
    await page.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    expect((await page.locator('kiosk-ticket .number').textContent())?.trim()).toMatch(/^V\d{3}$/);
    await expect.poll(() => page.locator('kiosk-ticket ul.services li').allTextContents()).toEqual(['Vuokra-asunnot']);
    expect(await bookingLineWaiting()).toBe(0);
    await page.close();
  });
});
