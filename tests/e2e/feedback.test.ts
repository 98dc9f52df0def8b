import { describe, expect, it } from 'vitest';
import { tap } from './support/pages.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

const question = {
  fi: 'Saitko asiasi hoidettua tänään?',
  sv: 'Fick du ditt ärende ordnat i dag?',
  en: 'Did you get your matter sorted today?',
  ar: 'هل تمكنت من إنجاز معاملتك اليوم؟',
} as const;
const words = {
  fi: { yes: 'Kyllä', partly: 'Osittain', no: 'Ei', thanks: 'Kiitos vastauksestasi!' },
  sv: { yes: 'Ja', partly: 'Delvis', no: 'Nej', thanks: 'Tack för ditt svar!' },
  en: { yes: 'Yes', partly: 'Partly', no: 'No', thanks: 'Thank you for your answer!' },
  ar: { yes: 'نعم', partly: 'جزئيًا', no: 'لا', thanks: 'شكرًا على إجابتك!' },
} as const;
type Lang = keyof typeof question;

describe.skipIf(!hasBrowser)('one question at the end of the visit', () => {
  const env = useServerAndBrowser();
  const stored = () => env.hub.app.db.prepare('SELECT * FROM feedback').all() as Record<string, unknown>[];
  const answered = () => stored().reduce((n, r) => n + Number(r.n), 0);

  /** A Kela visit served to its end at desk 3. */
  async function serveToEnd(language: Lang) {
    const visit = await issueAtKiosk(env.hub.url, { services: [2], language });
    const kela = await staffSession(env.hub.url, 'kela');
    await kela.call('POST', '/api/desks/3/open', { services: [2] });
    return { visit, finish: async () => {
      const called = await kela.call('POST', '/api/desks/3/call-next');
      expect(called.body.step.number).toBe(visit.number);
      expect((await kela.call('POST', `/api/steps/${called.body.step.id}/finish`)).status).toBe(200);
    } };
  }

  it.each(['fi', 'sv', 'en', 'ar'] as const)('the phone page asks once the visit has ended, in its language (%s), and not again on reload', async (lang) => {
    const { visit, finish } = await serveToEnd(lang);
    const page = await env.browser.newPage({ width: 390, height: 844 });
    await page.goto(`${env.hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    // still in the hub: no question yet
    expect(await page.getByText(question[lang]).count()).toBe(0);
    await finish();
    await page.getByText(question[lang]).waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    const buttons = page.locator('phone-feedback button');
    expect(await buttons.allInnerTexts()).toEqual([words[lang].yes, words[lang].partly, words[lang].no].map((w) => expect.stringContaining(w)));
    for (const b of await buttons.all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect(await axeProblems(page)).toEqual([]);
    if (lang === 'ar') await screenshot(page, 'phone-feedback-ar');

    const before = answered();
    if (lang === 'en') {
      // by keyboard: the answers are buttons in reading order
      await page.getByRole('button', { name: words.en.partly }).focus();
      await page.keyboard.press('Enter');
    } else {
      await page.getByRole('button', { name: words[lang].yes }).click();
    }
    await page.getByText(words[lang].thanks).waitFor({ timeout: 5000 });
    expect(answered()).toBe(before + 1);
    expect(await axeProblems(page)).toEqual([]);

    await page.reload();
    await page.getByText(visit.number).waitFor();
    // the page has drawn the ended visit (its words) without the question
    await page.locator('phone-app [role="status"] p').first().waitFor();
    expect(await page.getByText(question[lang]).count()).toBe(0);
    await page.close();
  });

  it('the tablet asks with three smileys in the hub\'s languages, by touch and by keyboard, and returns to the question', async () => {
    const page = await env.browser.newPage({ width: 1280, height: 800 });
    await page.goto(`${env.hub.url}/feedback?device=demo-feedback`);
    await page.getByText(question.fi).waitFor();
    // the token left the address bar; the smileys are drawn, not emoji
    expect(page.url()).not.toContain('demo-feedback');
    const smileys = page.locator('feedback-app .answers button');
    expect(await smileys.count()).toBe(3);
    expect(await page.locator('feedback-app .answers button svg').count()).toBe(3);
    for (const s of await smileys.all()) {
      const box = (await s.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(72);
    }
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'feedback-tablet-fi');

    for (const [lang, name] of [['sv', 'Svenska'], ['en', 'English'], ['ar', 'العربية']] as const) {
      await page.getByRole('button', { name }).click();
      await page.getByText(question[lang]).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await smileys.allInnerTexts()).toEqual([words[lang].yes, words[lang].partly, words[lang].no].map((w) => expect.stringContaining(w)));
      expect(await axeProblems(page)).toEqual([]);
    }
    await screenshot(page, 'feedback-tablet-ar');

    // touch, in Arabic: thanked, then back to the question in the hub's first language
    let before = answered();
    await tap(page, page.getByRole('button', { name: words.ar.no }));
    await page.getByText(words.ar.thanks).waitFor({ timeout: 5000 });
    expect(answered()).toBe(before + 1);
    await page.getByText(question.fi).waitFor({ timeout: 10_000 });

    // keyboard: Tab reaches the smileys; Enter answers
    before = answered();
    await page.getByRole('button', { name: words.fi.yes }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(words.fi.thanks).waitFor({ timeout: 5000 });
    expect(answered()).toBe(before + 1);
    const unknown = stored().filter((r) => r.source === 'tablet' && r.path_known === 0);
    expect(unknown.map((r) => r.answer).sort()).toEqual(['no', 'partly']);
    await page.getByText(question.fi).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('the tablet ties an answer to the visit\'s path when the ticket\'s QR is scanned first', async () => {
    const { visit, finish } = await serveToEnd('fi');
    await finish();
    const page = await env.browser.newPage({ width: 1280, height: 800 });
    await page.goto(`${env.hub.url}/feedback`);
    await page.getByText(question.fi).waitFor();
    await page.getByRole('button', { name: words.fi.partly }).focus();
    // a scanner types the QR's address fast and ends with Enter, which must not press the focused smiley
    await page.keyboard.type(`${env.hub.url}/v/${visit.token}`);
    await page.keyboard.press('Enter');
    await page.getByText('Vuoronumerolappu luettu.').waitFor();
    expect(await page.getByText(words.fi.thanks).count()).toBe(0);
    await page.getByRole('button', { name: words.fi.yes }).click();
    await page.getByText(words.fi.thanks).waitFor({ timeout: 5000 });
    expect(stored().filter((r) => r.source === 'tablet' && r.path_known === 1)).toEqual([
      expect.objectContaining({ answer: 'yes', route: '[2]', referred: 0, n: 1 }),
    ]);
    await page.close();
  });

  it('the answers show in the report page\'s "sorted in one visit"', async () => {
    const page = await env.browser.newPage({ width: 1366, height: 1000 });
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff/reports`);
    await page.getByLabel('Käyttäjätunnus').fill('admin');
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.locator('report-figure').first().waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await page.getByRole('radio', { name: 'Päivä' }).check();
    await page.getByLabel('Päivä', { exact: true }).last().fill(today);
    const figure = page.locator('report-figure', { hasText: 'Asia hoitui yhdellä käynnillä' });
    await figure.waitFor({ timeout: 10_000 });
    await figure.getByText('luku, jota palvelutori on olemassa nostamaan', { exact: false }).waitFor();
    // four phone answers and one scanned ticket on the Kela path: 4 yes of 5; two tablet answers without a ticket
    await figure.getByText('Polku: Kela', { exact: true }).waitFor({ timeout: 10_000 });
    // in the chart's rows (and their tooltips)
    await expect.poll(() => figure.getByText('80 % (5 vastausta)').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => figure.getByText('2 – liian vähän').count()).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    await figure.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-feedback');
    await page.close();
  });
});
