/**
 * Issue 12 §1: the hub coordinator sets, per agency, what the kiosk offers on a day the agency
 * is not here: its phone service, its online service, a Guidance ticket and a short text.
 */
import { describe, expect, it } from 'vitest';
import { openAdminPages } from './support/pages.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('agency presence in the admin pages', () => {
  const env = useServerAndBrowser();

  it("edits an agency's phone, online address, Guidance and text, and says what is wrong with bad input", async () => {
    const { hub, browser } = env;
    const api = await staffSession(hub.url, 'admin');
    const agencies = (await api.call('GET', '/api/services')).body.agencies as { id: number; code: string }[];
    const poliisi = agencies.find((a) => a.code === 'poliisi')!.id;
    const stored = async () => ((await api.call('GET', '/api/admin/agency-presence')).body.presence as { agencyId: number }[]).find((p) => p.agencyId === poliisi);

    const admin = await openAdminPages(browser, hub.url);
    await admin.getByRole('button', { name: 'Poissaolopäivät' }).click();
    // the demo's Kela offers its phone service, its online service and Guidance
    const kela = admin.locator('admin-presence tr', { hasText: 'Kela' });
    await kela.waitFor();
    expect(await kela.textContent()).toContain('020 692 202');
    expect(await kela.textContent()).toContain('https://www.kela.fi/asiointi');
    expect(await axeProblems(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Muokkaa: Poliisi' }).click();
    const before = await stored();
    await admin.getByLabel('Puhelinpalvelun numero').fill('soita meille');
    await admin.getByLabel('Verkkoasioinnin osoite').fill('poliisi.fi');
    await admin.getByRole('button', { name: 'Tallenna' }).click();
    const alert = admin.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/phone|onlineUrl/);
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-presence-error');
    expect(await stored()).toEqual(before);

    await admin.getByLabel('Puhelinpalvelun numero').fill('0295 419 800');
    await admin.getByLabel('Verkkoasioinnin osoite').fill('https://poliisi.fi/lupapalvelut');
    await admin.getByRole('checkbox', { name: 'Tarjoa vuoronumeroa Neuvontaan' }).uncheck();
    await admin.getByLabel('Lyhyt teksti (fi)').fill('Hae passia verkossa.');
    await admin.getByLabel('Lyhyt teksti (sv)').fill('Ansök om pass på nätet.');
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-presence');
    await admin.getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByText('Tallennettu.').waitFor();
    expect(await stored()).toEqual({
      agencyId: poliisi,
      phone: '0295 419 800',
      onlineUrl: 'https://poliisi.fi/lupapalvelut',
      guidance: false,
      // the demo's English text stays: the form edits the languages it shows, an emptied one is removed
      text: expect.objectContaining({ fi: 'Hae passia verkossa.', sv: 'Ansök om pass på nätet.' }),
    });
    await admin.locator('admin-presence form').waitFor({ state: 'detached' });
    expect(await admin.locator('admin-presence tr', { hasText: 'Poliisi' }).textContent()).toContain('0295 419 800');
    await admin.close();
  }, 180_000);
});
