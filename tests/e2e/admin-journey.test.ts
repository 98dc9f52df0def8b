/**
 * Issue 11 in the admin pages: the hub coordinator sets the appointment window and the push
 * nudge, and gives an agency's booking system its token (shown once) and takes it away again.
 */
import { describe, expect, it } from 'vitest';
import { openAdminPages } from './support/pages.js';
import { axeProblems, hasBrowser, launch, screenshot, type Browser } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

// several pages, axe runs and a second browser: more than the default minute on a busy machine
const slow = 150_000;

/** The admin's session cookie on this browser, as a login would set it, so each test stands alone. */
async function signIn(url: string, browser: Browser): Promise<void> {
  const { cookie } = await staffSession(url, 'admin');
  const at = cookie.indexOf('=');
  await browser.context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url }]);
}

describe.skipIf(!hasBrowser)('the journey settings in the admin pages', () => {
  const env = useServerAndBrowser();

  it('keeps the appointment window and the push nudge over a reload, and says a refused value in Finnish', async () => {
    const { hub, browser } = env;
    const admin = await openAdminPages(browser, hub.url);

    const window = admin.getByRole('form', { name: 'Ajanvarausten aikaikkuna' });
    const nudge = admin.getByRole('form', { name: 'Ilmoitus puhelimeen vuoron lähestyessä' });
    // the defaults, as the server has them
    await window.getByLabel('Etuajassa enintään (min)').waitFor();
    expect(await window.getByLabel('Etuajassa enintään (min)').inputValue()).toBe('10');
    expect(await window.getByLabel('Myöhässä enintään (min)').inputValue()).toBe('10');
    expect(await nudge.getByLabel('Ilmoita, kun edellä on enintään (henkilöä)').inputValue()).toBe('3');
    expect(await axeProblems(admin)).toEqual([]);

    await window.getByLabel('Etuajassa enintään (min)').fill('15');
    await window.getByLabel('Myöhässä enintään (min)').fill('5');
    await window.getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByText('Tallennettu.').waitFor();
    // keyboard only: type the number and press Enter in the field
    await nudge.getByLabel('Ilmoita, kun edellä on enintään (henkilöä)').fill('2');
    await nudge.getByLabel('Ilmoita, kun edellä on enintään (henkilöä)').press('Enter');
    const api = await staffSession(hub.url, 'admin');
    await expect.poll(async () => (await api.call('GET', '/api/admin/push')).body).toEqual({ ahead: 2 });
    expect((await api.call('GET', '/api/admin/hub/appointment-policy')).body).toEqual({ earlyMin: 15, lateMin: 5 });
    await screenshot(admin, 'admin-journey-settings');

    await admin.reload();
    await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();
    await window.getByLabel('Etuajassa enintään (min)').waitFor();
    expect(await window.getByLabel('Etuajassa enintään (min)').inputValue()).toBe('15');
    expect(await window.getByLabel('Myöhässä enintään (min)').inputValue()).toBe('5');
    expect(await nudge.getByLabel('Ilmoita, kun edellä on enintään (henkilöä)').inputValue()).toBe('2');

    // past the browser's own check, the server refuses the value; the admin reads why in Finnish
    const ahead = nudge.getByLabel('Ilmoita, kun edellä on enintään (henkilöä)');
    await ahead.evaluate((el) => el.removeAttribute('max'));
    await ahead.fill('99');
    await nudge.getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByRole('alert').getByText('Arvo ei kelpaa').waitFor();
    expect((await api.call('GET', '/api/admin/push')).body).toEqual({ ahead: 2 });
    expect(await axeProblems(admin)).toEqual([]);
    await admin.close();
  }, slow);

  it("creates a booking system for Kela, shows its token once, and revoking it refuses the system's next appointment", async () => {
    const { hub, browser } = env;
    const api = await staffSession(hub.url, 'admin');
    const services = (await api.call('GET', '/api/services')).body.services as { id: number; code: string }[];
    const kelaAika = services.find((s) => s.code === 'kela-aika')!;
    const book = (token: string, bookingId: string) =>
      fetch(`${hub.url}/api/appointments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ bookingId, serviceId: kelaAika.id, startsAt: new Date(Date.now() + 24 * 3600_000).toISOString() }),
      });

    await signIn(hub.url, browser);
    const admin = await browser.newPage({ width: 1366, height: 1000 });
    await admin.goto(`${hub.url}/staff/admin`);
    await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();
    await admin.getByRole('button', { name: 'Laitteet' }).click();
    const create = admin.getByRole('form', { name: 'Ajanvarausjärjestelmän tunnus' });
    await create.getByLabel('Nimi').fill('Kelan ajanvaraus');
    await create.getByLabel('Toimija').selectOption({ label: 'Kela' });
    await create.getByRole('button', { name: 'Luo tunnus' }).click();

    const tokenField = admin.getByLabel('Tunnus, näytetään vain nyt');
    await tokenField.waitFor();
    const token = await tokenField.inputValue();
    expect(token.length).toBeGreaterThanOrEqual(20);
    const card = admin.locator('admin-devices form', { has: admin.getByRole('heading', { name: /Kelan ajanvaraus/ }) });
    await card.getByText('ajanvarausjärjestelmä').waitFor();
    await card.getByText('Kela', { exact: true }).waitFor();
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-booking-token');

    const accepted = await book(token, 'KELA-E2E-1');
    expect(accepted.status).toBe(201);

    // once put away, the token is nowhere on the page, nor after a reload
    await admin.getByRole('button', { name: 'Tunnus on tallessa' }).click();
    await tokenField.waitFor({ state: 'detached' });
    await admin.reload();
    await admin.getByRole('button', { name: 'Laitteet' }).click();
    await card.waitFor();
    expect(await admin.getByLabel('Tunnus, näytetään vain nyt').count()).toBe(0);
    expect(await admin.locator('staff-admin input').evaluateAll((inputs, t) => inputs.some((i) => (i as HTMLInputElement).value === t), token)).toBe(false);

    await card.getByRole('button', { name: 'Poista käytöstä' }).click();
    await card.getByText('poistettu käytöstä').waitFor();
    const refused = await book(token, 'KELA-E2E-2');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    await admin.close();
  }, slow);

  it('pairs a feedback tablet by the code on its screen, with the admin pages in Swedish', async () => {
    const { hub, browser } = env;
    const tabletBrowser = await launch();
    try {
      const tablet = await tabletBrowser.newPage({ width: 1280, height: 800 });
      await tablet.goto(`${hub.url}/feedback`);
      const codeText = tablet.locator('feedback-app .pairing-code');
      await codeText.waitFor();
      const code = (await codeText.textContent())!.trim();

      await signIn(hub.url, browser);
      const admin = await browser.newPage({ width: 1366, height: 1000 });
      await admin.goto(`${hub.url}/staff/admin`);
      await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();
      await admin.getByLabel('Kieli').selectOption({ label: 'Svenska' });
      await admin.getByRole('form', { name: 'Tidsbokningarnas tidsfönster' }).getByLabel('Högst så här tidigt (min)').waitFor();
      await admin.getByRole('form', { name: 'Avisering till telefonen när turen närmar sig' }).waitFor();
      expect(await axeProblems(admin)).toEqual([]);

      await admin.getByRole('button', { name: 'Enheter' }).click();
      await admin.getByRole('form', { name: 'Token för bokningssystem' }).waitFor();
      await admin.getByLabel('Kod').fill(code);
      await admin.getByLabel('Namn').first().fill('Surfplattan vid utgången');
      await admin.getByRole('button', { name: 'Ta i bruk' }).click();
      const card = admin.locator('admin-devices form', { has: admin.getByRole('heading', { name: /Surfplattan vid utgången/ }) });
      await card.getByText('responsplatta').waitFor();
      expect(await axeProblems(admin)).toEqual([]);
      // the tablet picks up its token and asks the question
      await tablet.getByText('Saitko asiasi hoidettua tänään?').waitFor({ timeout: 15_000 });
      await admin.close();
    } finally {
      await tabletBrowser.close();
    }
  }, slow);
});
