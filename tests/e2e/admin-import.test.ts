/**
 * Issue 11 §1: the hub coordinator imports a booking system's .ics export in the admin pages,
 * sees a preview, imports it and reads the codes; a malformed file shows its problems by line.
 */
import { describe, expect, it } from 'vitest';
import { openAdminPages } from './support/pages.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

/** Tomorrow in Helsinki, YYYY-MM-DD: always ahead of the server's real clock, and Kela is open every day. */
const tomorrow = new Date(Date.now() + 24 * 3_600_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Helsinki' });
const compact = tomorrow.replaceAll('-', '');

const goodIcs = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Kela//Ajanvaraus//FI',
  'BEGIN:VEVENT',
  'UID:E2E-IMPORT-1',
  `DTSTART;TZID=Europe/Helsinki:${compact}T100000`,
  `DTEND;TZID=Europe/Helsinki:${compact}T102000`,
  'SUMMARY:Matti Meikäläinen',
  'X-LUUKKU-LANGUAGE:s',
  ' v',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:E2E-IMPORT-2',
  `DTSTART;TZID=Europe/Helsinki:${compact}T103000`,
  'DURATION:PT15M',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const badIcs = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:E2E-BAD-1', 'DTSTART:tomorrow', 'END:VEVENT', ''].join('\r\n');

describe.skipIf(!hasBrowser)('appointment import in the admin pages', () => {
  const env = useServerAndBrowser();

  it('previews an .ics file, imports it and shows the codes; a malformed file shows its problems by line and stores nothing', async () => {
    const { hub, browser } = env;
    const api = await staffSession(hub.url, 'admin');
    const kela = ((await api.call('GET', '/api/services')).body.services as { id: number; code: string }[]).find((s) => s.code === 'kela')!;
    const day = async () => (await api.call('GET', `/api/appointments?day=${tomorrow}`)).body.appointments as { bookingId: string; code: string; language: string | null }[];
    const before = await day();

    const page = await openAdminPages(browser, hub.url);
    await page.getByRole('button', { name: 'Ajanvaraukset', exact: true }).click();
    await page.getByRole('heading', { name: 'Tuo ajanvaraukset tiedostosta' }).waitFor();

    await page.getByLabel('Tiedosto').setInputFiles({ name: 'kela.ics', mimeType: 'text/calendar', buffer: Buffer.from(goodIcs) });
    await page.getByLabel('Palvelu .ics-tapahtumille, joissa sitä ei ole merkitty').selectOption(String(kela.id));
    expect(await page.getByRole('button', { name: 'Tuo ajanvaraukset' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    await page.getByRole('heading', { name: 'Esikatselu: mitään ei ole vielä tallennettu' }).waitFor();
    await page.getByText('Uusia 2, siirrettyjä 0, peruttuja 0, ennallaan 0').waitFor();
    expect(await day()).toEqual(before);
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tuo ajanvaraukset' }).click();
    await page.getByRole('heading', { name: 'Ajanvaraukset tuotu' }).waitFor();
    const stored = (await day()).filter((a) => a.bookingId.startsWith('E2E-IMPORT-'));
    expect(stored.map((a) => [a.bookingId, a.language])).toEqual([
      ['E2E-IMPORT-1', 'sv'],
      ['E2E-IMPORT-2', null],
    ]);
    // times on the hub's clock (the browser runs in UTC)
    const [d, m, y] = [Number(tomorrow.slice(8)), Number(tomorrow.slice(5, 7)), tomorrow.slice(0, 4)];
    await page.getByRole('cell', { name: `${d}.${m}.${y} klo 10.00` }).waitFor();
    const shown = await page.locator('td.code').allTextContents();
    expect(shown).toEqual(stored.map((a) => a.code));
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'admin-import');

    const afterImport = await day();
    await page.getByLabel('Tiedosto').setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from(badIcs) });
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Tiedostoa ei tuotu, mitään ei tallennettu: 2 virhettä' }).waitFor();
    expect(await alert.locator('tbody tr td:first-child').allTextContents()).toEqual(['1', '5']);
    expect(await alert.textContent()).toContain('DTSTART');
    expect(await page.getByRole('button', { name: 'Tuo ajanvaraukset' }).isDisabled()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'admin-import-problems');
    expect(await day()).toEqual(afterImport);
  });
});
