/**
 * The staff console in Arabic (issue 11, the standards: every UI in fi, sv, en and ar, right to
 * left): the page turns to `dir="rtl"` and `lang="ar"`, the layout mirrors, and a visitor is
 * called, referred and finished by touch and by keyboard, also on an Arabic keyboard layout.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { tap } from './support/pages.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffAtDesks, type Staff } from './support/display-helpers.js';
import { staffSession } from './support/server.js';
import { consoleIdle } from './support/staff-console.js';

const KELA = 2;
const width = 1366;
/** Several axe runs and a whole visit each: on a busy machine these take over the default minute. */
const slow = 150_000;

/**
 * A key as an Arabic (101) keyboard sends it: the letter printed on the key (`key`) is Arabic,
 * its place (`code`) is the Latin letter's, e.g. ى on the N key.
 */
async function arabicKey(page: Page, latin: string, arabic: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const code = `Key${latin.toUpperCase()}`;
  const vk = latin.toUpperCase().charCodeAt(0);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: arabic, code, text: arabic, windowsVirtualKeyCode: vk });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: arabic, code, windowsVirtualKeyCode: vk });
  await cdp.detach();
}

const pageDir = (page: Page) => page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
/** Where a box's middle lies across the window: 0 the left edge, 1 the right. */
const across = async (target: Locator) => {
  const box = (await target.boundingBox())!;
  return (box.x + box.width / 2) / width;
};

describe.skipIf(!hasBrowser)('the staff console in Arabic, right to left', () => {
  const env = useServerAndBrowser();

  /** Logs in on a console that remembers `lang`, so the login form is already in it. */
  async function openConsole(me: Staff, lang: 'fi' | 'ar'): Promise<Page> {
    const page = await env.browser.newPage({ width, height: 900 });
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    await page.evaluate((l) => localStorage.setItem('luukku.staff.lang', l), lang);
    await page.reload();
    const words = lang === 'ar' ? { user: 'اسم المستخدم', password: 'كلمة المرور', login: 'تسجيل الدخول', next: 'استدعاء التالي' } : { user: 'Käyttäjätunnus', password: 'Salasana', login: 'Kirjaudu', next: 'Kutsu seuraava' };
    await page.getByLabel(words.user).fill(me.username);
    await page.getByLabel(words.password).fill('display-e2e');
    await page.getByRole('button', { name: words.login }).click();
    await page.getByRole('button', { name: words.next }).waitFor();
    await consoleIdle(page);
    return page;
  }

  const current = (page: Page) => page.locator('staff-current .number').textContent();
  const idleText = 'لا يوجد زائر. استدعِ التالي.';

  it('turns the page right to left in Arabic and mirrors it: the call button moves from the left half to the right', async () => {
    const [me] = await staffAtDesks(env.hub.url, [3], KELA);
    const page = await openConsole(me!, 'fi');
    expect(await pageDir(page)).toEqual({ dir: 'ltr', lang: 'fi' });
    expect(await across(page.getByRole('button', { name: 'Kutsu seuraava' }))).toBeLessThan(0.5);

    expect(await page.locator('header select option[value="ar"]').textContent()).toBe('العربية');
    await page.locator('header select').selectOption('ar');
    const callNext = page.getByRole('button', { name: 'استدعاء التالي' });
    await callNext.waitFor();
    expect(await pageDir(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await across(callNext)).toBeGreaterThan(0.5);
    // the header's first item, the hub's name, starts at the right edge
    expect(await across(page.locator('header h1'))).toBeGreaterThan(0.5);
    await page.getByRole('button', { name: 'إغلاق المكتب' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-console-ar');

    // and back: Finnish reads left to right again
    await page.locator('header select').selectOption('fi');
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    expect(await pageDir(page)).toEqual({ dir: 'ltr', lang: 'fi' });
    await page.close();
  }, slow);

  it('calls, refers and finishes a visitor in Arabic by touch', async () => {
    const [me] = await staffAtDesks(env.hub.url, [4], KELA);
    const first = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'ar', needs: { interpreter: true } });
    const second = await issueAtKiosk(env.hub.url, { services: [KELA] });
    const page = await openConsole(me!, 'ar');
    await page.getByText('مترجم').first().waitFor();

    await tap(page, page.getByRole('button', { name: 'استدعاء التالي' }));
    await expect.poll(() => current(page), { timeout: 10_000 }).toBe(first.number);
    await tap(page, page.getByRole('button', { name: 'بدء الخدمة' }));
    await page.getByText('قيد الخدمة').first().waitFor();
    await consoleIdle(page);

    await tap(page, page.locator('staff-current').getByRole('button', { name: 'إحالة', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'إحالة' });
    await dialog.waitFor();
    await tap(page, dialog.locator('button.target').filter({ hasText: 'Vuokra-asunnot' }));
    // the note's reader, named inside the Arabic sentence, keeps its own direction
    await expect.poll(() => dialog.locator('#note-reader').textContent()).toContain('يقرأ هذه الملاحظة: \u2068Mäntsälän Vuokra-asunnot\u2069');
    // a service's name from the hub has no Arabic here: it falls back to Finnish and keeps reading
    // left to right, so "(tiistaisin)" keeps its closing bracket at its end
    const nameDir = await dialog
      .locator('button.target')
      .filter({ hasText: 'tiistaisin' })
      .evaluate((button) => {
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes('tiistaisin')) return getComputedStyle(n.parentElement!).direction;
        return 'none';
      });
    expect(nameDir).toBe('ltr');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-refer-ar');
    await tap(page, dialog.getByRole('button', { name: 'إحالة', exact: true }));
    await page.getByText(idleText).waitFor();
    await consoleIdle(page);

    await tap(page, page.getByRole('button', { name: 'استدعاء التالي' }));
    await expect.poll(() => current(page), { timeout: 10_000 }).toBe(second.number);
    await tap(page, page.getByRole('button', { name: 'إنهاء الخدمة' }));
    await page.getByText(idleText).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // housing sees the referred visitor
    const housing = await staffSession(env.hub.url, 'asunnot');
    const line = (await housing.call('GET', '/api/queues')).body.queues.find((q: { prefix: string }) => q.prefix === 'V');
    expect(line.entries.map((e: { number: string }) => e.number)).toContain(first.number);
    await page.close();
  }, slow);

  it('calls, refers and finishes a visitor in Arabic by keyboard, on an Arabic keyboard layout too', async () => {
    const [me] = await staffAtDesks(env.hub.url, [5], KELA);
    const first = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'ar' });
    const second = await issueAtKiosk(env.hub.url, { services: [KELA] });
    const page = await openConsole(me!, 'ar');
    await page.getByRole('button', { name: `استدعاء ${first.number}` }).waitFor();

    // the Arabic layout: ى on the N key calls next, ش on the A key starts
    await arabicKey(page, 'n', 'ى');
    await expect.poll(() => current(page), { timeout: 10_000 }).toBe(first.number);
    await consoleIdle(page);
    await arabicKey(page, 'a', 'ش');
    await page.getByText('قيد الخدمة').first().waitFor();
    await consoleIdle(page);

    // خ on the O key refers; the dialog is worked with Tab and Enter
    await arabicKey(page, 'o', 'خ');
    await page.getByRole('heading', { name: 'إحالة' }).waitFor();
    await page.keyboard.type('Vuokra');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('الترتيب').waitFor();
    await page.keyboard.press('Tab'); // reason
    await page.keyboard.press('Tab'); // note
    await page.keyboard.type('يسأل عن تأمين الإيجار');
    await page.keyboard.press('Tab'); // placement
    await page.keyboard.press('Tab'); // refer
    await page.keyboard.press('Enter');
    await page.getByText(idleText).waitFor();
    await consoleIdle(page);

    // the Latin keys work as ever
    await page.keyboard.press('n');
    await expect.poll(() => current(page), { timeout: 10_000 }).toBe(second.number);
    await consoleIdle(page);
    await arabicKey(page, 'v', 'ر');
    await page.getByText(idleText).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-console-ar-keyboard');

    const housing = await staffSession(env.hub.url, 'asunnot');
    const line = (await housing.call('GET', '/api/queues')).body.queues.find((q: { prefix: string }) => q.prefix === 'V');
    const entry = line.entries.find((e: { number: string }) => e.number === first.number);
    expect(entry.referredFrom).toMatchObject({ reason: 'needs_other_service', hasNote: true });
    await page.close();
  }, slow);
});
