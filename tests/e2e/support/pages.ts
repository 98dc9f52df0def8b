import type { Locator, Page } from 'playwright-core';
import type { Browser } from './browser.js';

/** The admin pages in Finnish, logged in through the login form as a demo admin (password `demo`). */
export async function openAdminPages(browser: Browser, url: string, username = 'admin'): Promise<Page> {
  const page = await browser.newPage({ width: 1366, height: 1000 });
  await page.goto(`${url}/staff/admin`);
  await page.getByLabel('Käyttäjätunnus').fill(username);
  await page.getByLabel('Salasana').fill('demo');
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.getByRole('heading', { name: 'Ylläpito' }).waitFor();
  return page;
}

/** A finger's tap, as a touch screen sends it: touch start and end, from which the browser makes the click. */
export async function tap(page: Page, target: Locator): Promise<void> {
  // a finger reaches only what is on screen: a long dialog's last button is scrolled to first
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
