import { describe, expect, it } from 'vitest';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

const kioskMenu = async (url: string, lang: string) =>
  (await (await fetch(`${url}/api/kiosk/menu?lang=${lang}`, { headers: { authorization: 'Bearer demo-kiosk' } })).json()) as {
    agencies: { services: { label: string; prefix: string }[] }[];
  };

describe.skipIf(!hasBrowser)('service names in the admin pages, in a real browser', () => {
  const env = useServerAndBrowser();

  it('marks the missing Ukrainian name of a service, and the mark goes once a Ukrainian name is entered', async () => {
    const { hub, browser } = env;
    // the admin's session cookie, as a login on this browser would set it
    const { cookie } = await staffSession(hub.url, 'admin');
    const at = cookie.indexOf('=');
    await browser.context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: hub.url }]);
    const admin = await browser.newPage({ width: 1366, height: 1000 });
    await admin.goto(`${hub.url}/staff/admin`);
    await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();

    await admin.getByRole('button', { name: 'Palvelut', exact: true }).click();
    const police = admin.locator('admin-services tr[data-service="poliisi"]');
    const missingUk = police.locator('.missing[data-lang="uk"]');
    await missingUk.waitFor();
    // the demo has Finnish, Swedish and English names; nothing marks those as missing
    expect(await police.locator('.missing[data-lang="fi"], .missing[data-lang="sv"], .missing[data-lang="en"]').count()).toBe(0);

    await admin.getByRole('button', { name: 'Muokkaa: Poliisi: passit ja henkilökortit' }).click();
    const nameUk = admin.getByLabel('Nimi (uk)', { exact: true });
    // beside the empty input, the same mark, and it describes the input to a screen reader
    expect(await nameUk.getAttribute('aria-describedby')).toBe('name_uk-missing');
    expect(await admin.locator('admin-services #name_uk-missing').textContent()).toBe('puuttuu');
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-names-missing');

    await nameUk.fill('Поліція: паспорти та ID-картки');
    await admin.getByLabel('Julkinen nimi (uk)', { exact: true }).fill('Поліція');
    await admin.getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByText('Tallennettu.').waitFor();

    await missingUk.waitFor({ state: 'detached' });
    expect(await police.locator('.missing[data-lang="ar"]').count()).toBe(1);
    expect(await axeProblems(admin)).toEqual([]);
    await screenshot(admin, 'admin-names-saved');

    const uk = await kioskMenu(hub.url, 'uk');
    const labels = uk.agencies.flatMap((a) => a.services.map((s) => s.label));
    expect(labels).toContain('Поліція');
    // a service still without a Ukrainian label reads in the hub's first language, Finnish
    expect(labels).toContain('Vuokra-asunnot');
  });

  it('narrows the kiosk languages on the hub page: the services page stops asking for the ones left out, and the kiosk stops offering them', async () => {
    const { hub, browser } = env;
    const admin = await browser.newPage({ width: 1366, height: 1000 });
    await admin.goto(`${hub.url}/staff/admin`);
    await admin.getByRole('heading', { name: 'Ylläpito' }).waitFor();
    await admin.getByRole('checkbox', { name: 'Soomaali' }).uncheck();
    expect(await admin.getByRole('checkbox', { name: 'Suomi', exact: true }).isDisabled()).toBe(true);
    expect(await axeProblems(admin)).toEqual([]);
    // the hub page also holds the journey's settings, each form with its own save
    await admin.locator('admin-basics').getByRole('button', { name: 'Tallenna' }).click();
    await admin.getByText('Tallennettu.').waitFor();

    await admin.getByRole('button', { name: 'Palvelut', exact: true }).click();
    const kela = admin.locator('admin-services tr[data-service="kela"]');
    await kela.locator('.missing[data-lang="uk"]').waitFor();
    expect(await kela.locator('.missing[data-lang="so"]').count()).toBe(0);
    await admin.getByRole('button', { name: /^Muokkaa: Kela/ }).click();
    await admin.getByLabel('Nimi (uk)', { exact: true }).waitFor();
    expect(await admin.getByLabel('Nimi (so)', { exact: true }).count()).toBe(0);

    // and the kiosk's language chooser no longer offers it
    const kiosk = await browser.newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`${hub.url}/kiosk?device=demo-kiosk`);
    await kiosk.getByRole('button', { name: 'Ota vuoronumero' }).waitFor();
    await kiosk.getByRole('button', { name: 'Kieli' }).click();
    await kiosk.getByRole('button', { name: 'Українська', exact: true }).waitFor();
    expect(await kiosk.getByRole('button', { name: 'Soomaali', exact: true }).count()).toBe(0);
    await kiosk.close();
  });

  it("shows a Ukrainian visitor's phone page the hub's Finnish name for an untranslated service, not the English one", async () => {
    const { hub, browser } = env;
    const services = (await (await fetch(`${hub.url}/api/services`, { headers: { authorization: 'Bearer demo-kiosk' } })).json()) as { services: { id: number; code: string }[] };
    const housing = services.services.find((s) => s.code === 'asunnot')!.id;
    const visit = await issueAtKiosk(hub.url, { services: [housing], language: 'uk' });
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    await page.getByText('Vuokra-asunnot', { exact: true }).waitFor();
    expect(await page.getByText('Rental housing').count()).toBe(0);
    await page.getByRole('heading', { name: 'Mäntsälän palvelutori' }).waitFor();
    await page.close();
  });
});
