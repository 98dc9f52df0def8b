/**
 * Issue 11 in the admin pages: the hub coordinator sets the appointment window and the push
 * nudge, and gives an agency's booking system its token (shown once) and takes it away again.
 */
import { describe, expect, it } from 'vitest';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('the journey settings in the admin pages', () => {
  const env = useServerAndBrowser();

  it('keeps the appointment window and the push nudge over a reload, and says a refused value in Finnish', async () => {
    const { hub, browser } = env;
    const admin = await browser.newPage({ width: 1366, height: 1000 });
    await admin.goto(`${hub.url}/staff/admin`);
    await admin.getByLabel('Käyttäjätunnus').fill('admin');
    await admin.getByLabel('Salasana').fill('demo');
    await admin.getByRole('button', { name: 'Kirjaudu' }).click();
    await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();

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
  });

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
  });
});
