/**
 * Issue 11 §1: the hub coordinator says which desks are accessible and which languages are
 * spoken at each, and makes a service appointment-only with how to book, in the admin pages.
 */
import { describe, expect, it } from 'vitest';
import { openAdminPages } from './support/pages.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('desk attributes and appointment-only services in the admin pages', () => {
  const env = useServerAndBrowser();

  it('saves a desk as accessible with its languages, and a service as appointment-only with booking info', async () => {
    const { hub, browser } = env;
    const admin = await openAdminPages(browser, hub.url);

    await admin.getByRole('button', { name: 'Palvelupisteet' }).click();
    const desk4 = admin.locator('form[data-desk="4"]');
    await desk4.waitFor();
    // the demo's desk 1 is the accessible one
    expect(await admin.locator('form[data-desk="1"]').getByLabel('Esteetön palvelupiste').isChecked()).toBe(true);
    expect(await desk4.getByLabel('Esteetön palvelupiste').isChecked()).toBe(false);
    await desk4.getByLabel('Esteetön palvelupiste').check();
    await desk4.getByLabel('Soomaali').check();
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-desks');
    await desk4.getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByText('Tallennettu.').waitFor();
    const api = await staffSession(hub.url, 'admin');
    const desks = (await api.call('GET', '/api/desks')).body.desks as { name: string; accessible: boolean; languages: string[] }[];
    expect(desks.find((d) => d.name === '4')).toMatchObject({ accessible: true, languages: ['fi', 'en', 'so'] });

    await admin.getByRole('button', { name: 'Palvelut', exact: true }).click();
    await admin.getByRole('button', { name: 'Muokkaa: Vuokra-asunnot' }).click();
    await admin.getByRole('checkbox', { name: 'Vain ajanvarauksella' }).check();
    await admin.getByLabel('Ajanvarausohje (fi)').fill('Varaa aika: puh. 019 000 000');
    await admin.getByLabel('Ajanvarausohje (sv)').fill('Boka tid: tfn 019 000 000');
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-appointment-only');
    await admin.getByRole('button', { name: 'Tallenna' }).last().click();
    await admin.getByText('Tallennettu.').waitFor();

    const menu = await fetch(`${hub.url}/api/kiosk/menu?lang=sv`, { headers: { authorization: 'Bearer demo-kiosk' } });
    const services = ((await menu.json()) as { agencies: { services: { label: string; appointmentOnly: boolean; bookingInfo: string | null }[] }[] }).agencies.flatMap((a) => a.services);
    expect(services.find((s) => s.label === 'Hyresbostäder')).toMatchObject({ appointmentOnly: true, bookingInfo: 'Boka tid: tfn 019 000 000' });
    // a service that takes walk-ins saves without any booking text
    await admin.getByRole('button', { name: 'Muokkaa: Ohjaamo: alle 30-vuotiaat' }).click();
    const form = admin.locator('admin-services form');
    await form.waitFor();
    await admin.getByRole('button', { name: 'Tallenna' }).last().click();
    // the form closes only when the server took the change
    await form.waitFor({ state: 'detached' });
    expect(await admin.locator('[role="alert"]').count()).toBe(0);
    await admin.close();
  });
});
