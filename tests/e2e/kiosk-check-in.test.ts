/**
 * Issue 11 §1: the visitor with an appointment checks in at the kiosk by its code, typed on the
 * screen's keys or read by a scanner that types like a keyboard, and gets a ticket like a
 * walk-in's with the appointment's time; a late one is told so; a wrong code is told plainly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { VisitorLanguage } from '@luukku/shared';
import { ticketWords } from '@luukku/shared/i18n';
import { messages } from '../../kiosk-ui/src/i18n/index.js';
import { axeProblems, hasBrowser } from './support/browser.js';
import { measure } from './support/kiosk-layout.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

/** Tuesday 10:00 in Helsinki: the demo's appointments are due around it (README, "The demo"). */
const now = new Date('2026-11-24T10:00:00+02:00');
const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Helsinki' });

describe.skipIf(!hasBrowser)('check-in of an appointment at the kiosk', () => {
  const env = useServerAndBrowser({ now: () => now, demoAppointments: true });

  const names: Record<string, string> = { sv: 'Svenska', en: 'English', ar: 'العربية' };
  async function openKiosk(lang: VisitorLanguage, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await env.browser.newPage(viewport);
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await page.getByRole('button', { name: 'Ota vuoronumero' }).waitFor();
    if (lang !== 'fi') {
      await page.getByRole('button', { name: 'Kieli' }).click();
      await page.getByRole('button', { name: names[lang], exact: true }).click();
      await page.getByRole('button', { name: messages(lang).takeNumber }).waitFor();
    }
    return page;
  }

  /** Books a Kela appointment as Kela's staff would for a follow-up; returns its code and time. */
  async function book(inMin: number, day = 0): Promise<{ code: string; startsAt: string; id: number }> {
    const kela = await staffSession(env.hub.url, 'kela');
    const services = (await kela.call('GET', '/api/services')).body.services as { id: number; code: string }[];
    const startsAt = new Date(now.getTime() + day * 86_400_000 + inMin * 60_000).toISOString();
    const res = await kela.call('POST', '/api/appointments', { serviceId: services.find((s) => s.code === 'kela')!.id, startsAt, lengthMin: 30 });
    expect(res.status).toBe(201);
    return res.body.appointment;
  }

  async function typeOnScreen(page: Page, code: string) {
    for (const c of code) await page.locator('kiosk-check-in .keys button', { hasText: new RegExp(`^${c}$`) }).click();
  }

  const visitsOfDay = async () => {
    const admin = await staffSession(env.hub.url, 'admin');
    return (await admin.call('GET', '/api/appointments')).body.appointments as { code: string; status: string; number: string | null }[];
  };

  async function expectTicket(page: Page, lang: VisitorLanguage, startsAt: string) {
    const t = messages(lang);
    const ticket = page.locator('kiosk-ticket');
    await ticket.locator('.number').waitFor();
    expect(await ticket.locator('.number').textContent()).toMatch(/^K\d{3}$/);
    expect((await ticket.locator('.appointment').textContent())?.trim()).toBe(ticketWords[lang].appointmentAt(clockTime.format(new Date(startsAt))));
    expect(await ticket.locator('.late').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await axeProblems(page)).toEqual([]);
    return (await ticket.locator('.number').textContent())!;
  }

  for (const lang of ['fi', 'sv', 'en', 'ar'] as const) {
    it(`checks in by the code typed on the screen's keys and shows the ticket with the time (${lang})`, async () => {
      const t = messages(lang);
      const appointment = await book(20);
      const page = await openKiosk(lang);
      await page.getByRole('button', { name: t.haveAppointment }).click();
      await page.getByRole('heading', { name: t.checkInTitle }).waitFor();
      const checkIn = page.getByRole('button', { name: t.checkIn, exact: true });
      expect(await checkIn.isDisabled()).toBe(true);
      await typeOnScreen(page, appointment.code.slice(0, 5) + 'Z');
      await page.getByRole('button', { name: t.deleteChar }).click();
      await typeOnScreen(page, appointment.code.slice(5));
      expect(await page.locator('kiosk-check-in .slots').getAttribute('aria-label')).toBe(`${t.codeLabel}: ${appointment.code.split('').join(' ')}`);
      expect(await axeProblems(page)).toEqual([]);
      await checkIn.click();
      const number = await expectTicket(page, lang, appointment.startsAt);
      expect((await visitsOfDay()).find((a) => a.code === appointment.code)).toEqual(expect.objectContaining({ status: 'checked_in', number }));
      await page.close();
    });

    it(`checks in from a scanner's burst of keys and Enter at the start screen (${lang})`, async () => {
      const appointment = await book(30);
      const page = await openKiosk(lang);
      // a scanner types the code fast, lower case or not, and ends with Enter
      await page.keyboard.type(appointment.code.toLowerCase(), { delay: 5 });
      await page.keyboard.press('Enter');
      await expectTicket(page, lang, appointment.startsAt);
      await page.close();
    });
  }

  it('says plainly that a late visitor joins the line in arrival order (the demo\'s AJAN55, fi and en)', async () => {
    for (const lang of ['fi', 'en'] as const) {
      const t = messages(lang);
      const page = await openKiosk(lang);
      await page.getByRole('button', { name: t.haveAppointment }).click();
      // the demo's late one serves once; English gets its own, 20 minutes past (the late limit is 10)
      const code = lang === 'fi' ? 'AJAN55' : (await book(-20)).code;
      await typeOnScreen(page, code);
      await page.getByRole('button', { name: t.checkIn, exact: true }).click();
      const late = page.locator('kiosk-ticket .late');
      await late.waitFor();
      expect((await late.textContent())?.trim()).toBe(t.lateNotice);
      expect(await late.getAttribute('role')).toBe('alert');
      expect(await axeProblems(page)).toEqual([]);
      await page.close();
    }
  });

  it('tells an unknown code, a code for another day, one already used and a cancelled one in words, and stays on the screen', async () => {
    const tomorrow = await book(0, 1);
    const used = await book(40);
    const cancelled = await book(50);
    const kela = await staffSession(env.hub.url, 'kela');
    expect((await kela.call('POST', `/api/appointments/${cancelled.id}/cancel`)).status).toBe(200);
    for (const lang of ['fi', 'ar'] as const) {
      const t = messages(lang);
      const page = await openKiosk(lang);
      await page.getByRole('button', { name: t.haveAppointment }).click();
      const cases = [
        { code: 'ZZZZ22', says: t.codeUnknown },
        { code: tomorrow.code, says: t.codeOtherDay },
        { code: used.code, says: lang === 'fi' ? null : t.codeUsed },
        { code: cancelled.code, says: t.codeCancelled },
      ];
      for (const c of cases) {
        if (c.says === null) continue;
        // clear what the last case typed, by the delete key
        while ((await page.locator('kiosk-check-in .slots').getAttribute('aria-label'))!.length > `${t.codeLabel}: `.length) {
          await page.getByRole('button', { name: t.deleteChar }).click();
        }
        await typeOnScreen(page, c.code);
        await page.getByRole('button', { name: t.checkIn, exact: true }).click();
        const alert = page.locator('kiosk-check-in .error');
        await expect.poll(() => alert.textContent()).toBe(c.says);
        expect(await alert.getAttribute('role')).toBe('alert');
        expect(await page.locator('kiosk-check-in').count()).toBe(1);
      }
      expect(await axeProblems(page)).toEqual([]);
      if (lang === 'fi') {
        // now use the code once, so the Arabic round finds it used
        await page.getByRole('button', { name: t.back }).click();
        await page.getByRole('button', { name: t.haveAppointment }).click();
        await typeOnScreen(page, used.code);
        await page.getByRole('button', { name: t.checkIn, exact: true }).click();
        await page.locator('kiosk-ticket .number').waitFor();
      }
      await page.close();
    }
  });

  it("prints the appointment's time: on the screen, in the kiosk's picture of the Arabic lines, on paper and in the browser-print fallback", async () => {
    const appointment = await book(25);
    const page = await env.browser.newPage();
    // the kiosk stands in the hub: its clock is the hub's, whatever zone this machine is in
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Helsinki' });
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await page.getByRole('button', { name: 'Kieli' }).click();
    await page.getByRole('button', { name: names.ar, exact: true }).click();
    await page.getByRole('button', { name: messages('ar').takeNumber }).waitFor();
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(appointment.startsAt),
    );
    const t = messages('ar');
    await page.getByRole('button', { name: t.haveAppointment }).click();
    await typeOnScreen(page, appointment.code);
    const printRequest = page.waitForRequest((r) => r.url().endsWith('/api/kiosk/print'));
    await page.getByRole('button', { name: t.checkIn, exact: true }).click();

    const ticket = page.locator('kiosk-ticket');
    await ticket.locator('.appointment').waitFor();
    expect((await ticket.locator('.appointment').textContent())?.trim()).toBe(ticketWords.ar.appointmentAt(time));
    const number = (await ticket.locator('.number').textContent())!;

    // the demo kiosk's file printer: the kiosk draws the Arabic lines, the server prints the rest
    const request = await printRequest;
    expect((await request.response())?.status()).toBe(200);
    const raster = PNG.sync.read(Buffer.from((request.postDataJSON() as { raster: string }).raster, 'base64'));
    // 40 px a line (ticket-raster.ts): number, appointment time, the one service, people ahead, wait, phone
    expect(raster.height).toBe(6 * 40 + 16);
    const day = join(env.hub.dataDir, 'prints', now.toISOString().slice(0, 10));
    const bin = readdirSync(day).find((f) => f.startsWith(`${number}-`) && f.endsWith('.bin'))!;
    const paper = readFileSync(join(day, bin));
    expect(paper.includes(Buffer.from(`Your appointment: ${time}`, 'latin1'))).toBe(true);
    expect(readdirSync(day)).toContain(bin.replace(/\.bin$/, '.png'));

    // a kiosk with a browser printer prints this screen: the time is on it, the buttons are not
    await page.emulateMedia({ media: 'print' });
    expect(await ticket.locator('.appointment').isVisible()).toBe(true);
    expect(await ticket.locator('.nav').isVisible()).toBe(false);
    await page.close();
  });

  it('a double tap on "check in" makes one visit, not two', async () => {
    const appointment = await book(35);
    const waitingKela = async () => {
      const res = await fetch(`${env.hub.url}/api/queues`, { headers: { authorization: 'Bearer demo-kiosk' } });
      const services = await fetch(`${env.hub.url}/api/services`, { headers: { authorization: 'Bearer demo-kiosk' } });
      const id = ((await services.json()) as { services: { id: number; code: string }[] }).services.find((s) => s.code === 'kela')!.id;
      return ((await res.json()) as { queues: { serviceId: number; waiting: number }[] }).queues.find((q) => q.serviceId === id)?.waiting ?? 0;
    };
    const before = await waitingKela();
    const t = messages('fi');
    const page = await openKiosk('fi');
    await page.getByRole('button', { name: t.haveAppointment }).click();
    await typeOnScreen(page, appointment.code);
    await page.getByRole('button', { name: t.checkIn, exact: true }).dblclick();
    await page.keyboard.press('Enter');
    await page.locator('kiosk-ticket .number').waitFor();
    // the ticket on screen is the barrier: the one request has been answered
    expect(await waitingKela()).toBe(before + 1);
    expect(await page.locator('kiosk-ticket').count()).toBe(1);
    expect(await page.locator('kiosk-check-in .error').count()).toBe(0);
    await page.close();
  });

  it('the check-in screen fits the kiosk sizes, standard and accessible, without scrolling', async () => {
    const sizes = [
      { width: 1080, height: 1920 },
      { width: 1920, height: 1080 },
      { width: 1280, height: 800 },
      { width: 800, height: 1280 },
    ];
    for (const accessible of [false, true]) {
      const page = await openKiosk('fi');
      if (accessible) await page.getByRole('button', { name: messages('fi').accessibleMode }).click();
      await page.getByRole('button', { name: messages('fi').haveAppointment }).click();
      await page.getByRole('heading', { name: messages('fi').checkInTitle }).waitFor();
      for (const size of sizes) {
        await page.setViewportSize(size);
        const m = await measure(page);
        const at = `${size.width}×${size.height}${accessible ? ' accessible' : ''}`;
        const outside = m.controls.filter((c) => c.left < -0.5 || c.top < -0.5 || c.right > size.width + 0.5 || c.bottom > size.height + 0.5);
        expect.soft(outside.map((c) => c.name), `${at}: controls outside`).toEqual([]);
        expect.soft(m.scrolling, `${at}: nothing scrolls`).toEqual([]);
        const small = m.controls.filter((c) => Math.min(c.width, c.height) < 71.5);
        expect.soft(small.map((c) => `${c.name} ${Math.round(c.width)}×${Math.round(c.height)}`), `${at}: touch targets ≥ 72 px`).toEqual([]);
      }
      await page.close();
    }
  });
});
