/**
 * Issue 11 §1 in the staff console: a waiting appointment is marked with its time and whether
 * it is due (fi, sv, en, ar — Arabic right to left, its times isolated left to right), and moves up when it comes due on the console's own clock; the day's
 * appointments are listed and checked in live; a follow-up booked while serving shows its code.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffAtDesks, type Staff } from './support/display-helpers.js';
import { staffSession } from './support/server.js';
import { apiRequests, consoleIdle } from './support/staff-console.js';

const KELA = 2;
const minute = 60_000;

/** "10.30" (fi, sv) or "10:30" (en, ar) on Helsinki's clock, as the console writes it. */
const hhmm = (at: number, sep: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at)).map((x) => [x.type, x.value]),
  );
  return `${p.hour}${sep}${p.minute}`;
};
/** A whole minute `min` from now: appointments are booked on the minute. */
const atMinute = (min: number) => Math.ceil((Date.now() + min * minute) / minute) * minute;

describe.skipIf(!hasBrowser)('appointments in the staff console', () => {
  const env = useServerAndBrowser();

  async function openConsole(me: Staff): Promise<Page> {
    const page = await env.browser.newPage({ width: 1366, height: 1000 });
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    // a test before may have left the console in another language
    await page.evaluate(() => localStorage.removeItem('luukku.staff.lang'));
    await page.reload();
    await page.getByLabel('Käyttäjätunnus').fill(me.username);
    await page.getByLabel('Salasana').fill('display-e2e');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
    await consoleIdle(page);
    return page;
  }

  const kela = () => staffSession(env.hub.url, 'kela');
  async function book(startsAt: number, body: Record<string, unknown> = {}) {
    const r = await (await kela()).call('POST', '/api/appointments', { serviceId: KELA, startsAt: new Date(startsAt).toISOString(), lengthMin: 20, ...body });
    if (r.status !== 201) throw new Error(`book: ${JSON.stringify(r.body)}`);
    return r.body.appointment as { id: number; code: string; startsAt: string };
  }
  async function checkIn(code: string) {
    const r = await (await kela()).call('POST', '/api/appointments/check-in', { code, idempotencyKey: `e2e-${Math.random().toString(36).slice(2)}` });
    if (r.status !== 201) throw new Error(`check-in: ${JSON.stringify(r.body)}`);
    return r.body as { number: string; appointment: { late: boolean } };
  }

  const numbersInLine = (page: Page) => page.locator('staff-queues li .number').allTextContents();
  const markOf = async (page: Page, number: string) => {
    const m = page.locator('staff-queues li').filter({ has: page.getByText(number, { exact: true }) }).locator('.badge.appointment');
    return (await m.count()) === 0 ? null : (await m.textContent())?.replace(/\s+/g, ' ').trim();
  };

  it('marks a checked-in appointment in the line with its time and whether it is due (fi, sv, en, ar), and moves it up when it comes due', async () => {
    const [me] = await staffAtDesks(env.hub.url, [3], KELA);
    const page = await openConsole(me!);
    const requests = apiRequests(page);

    const walkIn = await issueAtKiosk(env.hub.url, { services: [KELA] });
    // due now: its time is 5 minutes away, inside the 10-minute early window
    const soon = await book(atMinute(5));
    const soonVisit = await checkIn(soon.code);
    // checked in early: due 10 minutes before its time, which is 35 minutes away
    const laterAt = atMinute(35);
    const later = await book(laterAt);
    const laterVisit = await checkIn(later.code);
    expect(laterVisit.appointment.late).toBe(false);

    const soonAt = Date.parse(soon.startsAt);
    const cases = [
      { lang: 'fi', sep: '.', now: (t: string) => `Ajanvaraus ${t} · vuorossa nyt`, due: (t: string, d: string) => `Ajanvaraus ${t} · vuorossa klo ${d}` },
      { lang: 'sv', sep: '.', now: (t: string) => `Tidsbokning ${t} · på tur nu`, due: (t: string, d: string) => `Tidsbokning ${t} · på tur kl. ${d}` },
      // Arabic: a time sits in a left-to-right isolate (U+2066 … U+2069) inside the right-to-left text
      { lang: 'ar', sep: ':', now: (t: string) => `موعد \u2066${t}\u2069 · دوره الآن`, due: (t: string, d: string) => `موعد \u2066${t}\u2069 · دوره الساعة \u2066${d}\u2069` },
      { lang: 'en', sep: ':', now: (t: string) => `Appointment ${t} · due now`, due: (t: string, d: string) => `Appointment ${t} · due at ${d}` },
    ];
    for (const c of cases) {
      await page.locator('header select').selectOption(c.lang);
      await expect.poll(() => markOf(page, soonVisit.number), { timeout: 10_000 }).toBe(c.now(hhmm(soonAt, c.sep)));
      expect(await markOf(page, laterVisit.number)).toBe(c.due(hhmm(laterAt, c.sep), hhmm(laterAt - 10 * minute, c.sep)));
      expect(await markOf(page, walkIn.number)).toBeNull();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([c.lang, c.lang === 'ar' ? 'rtl' : 'ltr']);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `staff-appointment-marks-${c.lang}`);
    }
    // the due appointment goes ahead of the walk-in; the early one waits behind both, and "next" agrees
    expect(await numbersInLine(page)).toEqual([soonVisit.number, walkIn.number, laterVisit.number]);
    expect(await page.locator('staff-next-preview .number').textContent()).toBe(soonVisit.number);

    // the console's clock passes the early appointment's window: it moves ahead of the walk-in on
    // the next tick, with no request and no event
    await page.clock.setSystemTime(laterAt - 9 * minute);
    await expect.poll(() => numbersInLine(page), { timeout: 20_000 }).toEqual([soonVisit.number, laterVisit.number, walkIn.number]);
    expect(await markOf(page, laterVisit.number)).toBe(cases[3]!.now(hhmm(laterAt, ':')));
    expect(requests).toEqual([]);
    // the clock belongs to the browser context the next tests share: back to the real time
    await page.clock.setSystemTime(new Date());
    await page.close();
    // four languages, each with an axe run: more than the default minute on a busy machine
  }, 150_000);

  it("lists today's appointments live and checks one in from the panel, showing the number given", async () => {
    const [me] = await staffAtDesks(env.hub.url, [4], KELA);
    const page = await openConsole(me!);
    const panel = page.locator('staff-appointments');
    // booked after the console loaded: it arrives as an event
    const a = await book(atMinute(20), { language: 'sv', needs: { interpreter: false, accessible: true, accompanied: false } });
    const row = panel.locator(`tr[data-code="${a.code}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(hhmm(Date.parse(a.startsAt), '.'));
    expect(await row.textContent()).toContain('Kela: etuudet ja asumistuki');
    expect(await row.textContent()).toContain('varattu');
    expect(await row.textContent()).toContain('Svenska');
    expect(await row.textContent()).toContain('esteettömyys / lisäaika');
    expect(await axeProblems(page)).toEqual([]);

    await row.getByRole('button', { name: `Kirjaa saapuneeksi ${a.code}` }).click();
    const said = panel.getByRole('status');
    await expect.poll(() => said.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^${a.code} kirjattu saapuneeksi: vuoronumero [A-Z]\\d{3}$`));
    const number = /vuoronumero ([A-Z]\d{3})/.exec((await said.textContent())!)![1]!;
    // the appointment's event says it is in, with its number; the visitor is in the line, marked
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(`saapunut · ${number}`);
    expect(await row.getByRole('button').count()).toBe(0);
    await expect.poll(() => markOf(page, number), { timeout: 10_000 }).toMatch(/^Ajanvaraus \d\d\.\d\d · vuorossa klo \d\d\.\d\d$/);
    await screenshot(page, 'staff-appointments-panel');
    await page.close();
  });

  it('books a follow-up while serving and shows its code, which then checks in', async () => {
    const [me] = await staffAtDesks(env.hub.url, [5], KELA);
    const page = await openConsole(me!);
    const walkIn = await issueAtKiosk(env.hub.url, { services: [KELA], language: 'en' });
    await page.getByRole('button', { name: `Kutsu ${walkIn.number}` }).click();
    await consoleIdle(page);
    await page.getByRole('button', { name: 'Varaa jatkoaika' }).click();
    const dialog = page.getByRole('dialog', { name: 'Varaa jatkoaika' });
    await dialog.waitFor();
    const at = atMinute(60);
    await dialog.getByLabel('Palvelu').selectOption({ label: 'Kela: etuudet ja asumistuki' });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date(at));
    await dialog.getByLabel('Päivä').fill(day);
    await dialog.getByLabel('Kellonaika').fill(hhmm(at, ':'));
    await dialog.getByLabel('Kesto (min)').fill('20');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Varaa', exact: true }).click();
    const code = dialog.locator('.code');
    await code.waitFor({ timeout: 10_000 }).catch(async (err) => {
      throw new Error(`no code shown; the dialog says: ${await dialog.textContent()}`, { cause: err });
    });
    const shown = (await code.textContent())!.trim();
    expect(shown).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(await dialog.textContent()).toContain(hhmm(at, '.'));
    expect(Number.parseFloat(await code.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'staff-follow-up-code');

    // the code is a real appointment of today, in the visitor's language: it checks in
    const day2 = await (await kela()).call('GET', '/api/appointments');
    const booked = (day2.body.appointments as { code: string; startsAt: string; language: string; source: string; lengthMin: number }[]).find((x) => x.code === shown)!;
    expect(booked).toEqual(expect.objectContaining({ startsAt: new Date(at).toISOString(), language: 'en', source: 'console', lengthMin: 20 }));
    const visit = await checkIn(shown);
    expect(visit.number).toMatch(/^[A-Z]\d{3}$/);
    await page.close();
  });
});
