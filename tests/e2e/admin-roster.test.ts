/**
 * Issue 12 §1: the region admin sets on which days a rotating worker is in which hub, in the
 * admin pages' people tab, and finds them kept after a reload; a roster left empty is refused
 * with the server's words.
 */
import { describe, expect, it } from 'vitest';
import { openAdminPages, tap } from './support/pages.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

describe.skipIf(!hasBrowser)('rosters in the admin pages', () => {
  const env = useServerAndBrowser();

  it("sets tyo-kierto's days in Mäntsälä and Pornainen, keeps them after a reload, and shows a refusal", async () => {
    const { hub, browser } = env;
    const api = await staffSession(hub.url, 'alue');
    const me = (await api.call('GET', '/api/me')).body as { hubs: { id: number; slug: string }[] };
    const hubId = (slug: string) => me.hubs.find((h) => h.slug === slug)!.id;
    const users = (await api.call('GET', '/api/admin/catalog')).body.users as { id: number; username: string; roster: unknown }[];
    const stored = async () => ((await api.call('GET', '/api/admin/catalog')).body.users as typeof users).find((u) => u.username === 'tyo-kierto')!.roster;

    const admin = await openAdminPages(browser, hub.url, 'alue');
    const openPerson = async () => {
      await admin.getByRole('button', { name: 'Henkilökunta', exact: true }).click();
      await admin.getByRole('button', { name: 'Muokkaa: tyo-kierto' }).click();
      await admin.getByRole('heading', { name: 'Palvelutorit ja päivät' }).waitFor();
    };
    await openPerson();
    const mantsala = admin.locator('admin-roster fieldset[data-hub="mantsala"]');
    const pornainen = admin.locator('admin-roster fieldset[data-hub="pornainen"]');
    expect(await mantsala.getByRole('checkbox', { name: /maanantai/ }).isChecked()).toBe(true);
    expect(await axeProblems(admin)).toEqual([]);

    // Mäntsälä on Tuesdays only (keyboard), Pornainen on Thursdays and Fridays (touch)
    for (const day of ['maanantai', 'keskiviikko', 'perjantai']) {
      const box = mantsala.getByRole('checkbox', { name: new RegExp(day) });
      await box.focus();
      await admin.keyboard.press('Space');
    }
    await mantsala.getByRole('checkbox', { name: /tiistai/ }).check();
    await pornainen.getByRole('checkbox', { name: /tiistai/ }).uncheck();
    await tap(admin, pornainen.getByRole('checkbox', { name: /perjantai/ }));
    await admin.getByRole('button', { name: 'Tallenna palvelutorit ja päivät' }).click();
    await admin.getByText('Palvelutorit ja päivät tallennettu').waitFor();
    expect(await stored()).toEqual([
      { hubId: hubId('mantsala'), weekdays: [2] },
      { hubId: hubId('pornainen'), weekdays: [4, 5] },
    ]);
    await screenshot(admin, 'admin-roster');

    await admin.reload();
    await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();
    await openPerson();
    expect(await mantsala.getByRole('checkbox', { name: /tiistai/ }).isChecked()).toBe(true);
    expect(await mantsala.getByRole('checkbox', { name: /maanantai/ }).isChecked()).toBe(false);
    expect(await pornainen.getByRole('checkbox', { name: /perjantai/ }).isChecked()).toBe(true);

    // taken off every hub: the server refuses, its words are shown, nothing changes
    const before = await stored();
    await mantsala.getByRole('checkbox', { name: 'Työskentelee täällä' }).uncheck();
    await pornainen.getByRole('checkbox', { name: 'Työskentelee täällä' }).uncheck();
    await admin.getByRole('button', { name: 'Tallenna palvelutorit ja päivät' }).click();
    await admin.getByRole('alert').waitFor();
    expect(await axeProblems(admin)).toEqual([]);
    expect(await stored()).toEqual(before);
    await admin.close();
  }, 180_000);
});
