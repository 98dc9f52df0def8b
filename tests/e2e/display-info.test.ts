import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, launch, screenshot, type Browser } from './support/browser.js';
import { startServer, staffSession, type RunningHub } from './support/server.js';
import { callNext, displayNumbers, issueVisit, openDisplay, staffAtDesks } from './support/display-helpers.js';

const kela = 2;
const quick = {
  items: {
    hours: { enabled: true, text: { fi: '', sv: '', en: '' } },
    agencies: { enabled: true, text: { fi: '', sv: '', en: '' } },
    phone: { enabled: true, text: { fi: 'Kysy neuvonnasta, jos lippusi katosi.', sv: 'Fråga i rådgivningen om du tappat lappen.', en: 'Ask at the info desk if you lost your ticket.' } },
  },
  rotateSeconds: 3,
  callSeconds: 5,
};

/** Today in the hub's time zone, as the server counts days. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The rendered height of the newest number's digits (ink, not the line box), and its box. */
function numberHeights(page: Page) {
  return page.locator('display-featured-call .big.number').evaluate((el) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const m = ctx.measureText(el.textContent ?? '');
    const box = el.getBoundingClientRect();
    return { ink: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent, box: box.height, top: box.top, bottom: box.bottom, left: box.left, right: box.right };
  });
}

describe.skipIf(!hasBrowser)('the lobby display between calls, and from across the room', () => {
  let browser: Browser;
  let hub: RunningHub;
  const pages: Page[] = [];
  const newPage = (size = { width: 1920, height: 1080 }) => async () => {
    const page = await browser.newPage(size);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    hub = await startServer();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await hub?.close();
  });

  it('shows each item of hub information between calls, and the call when one comes', async () => {
    const admin = await staffSession(hub.url, 'admin');
    expect((await admin.call('PUT', '/api/admin/display-info', quick)).status).toBe(200);
    // a pop-up here today, whatever the weekday the test runs on
    const catalog = (await admin.call('GET', '/api/admin/catalog')).body;
    const popup = catalog.services.find((s: any) => s.code === 'terveys');
    const { id, code, isGuidance, openNow, ...rest } = popup;
    const schedule = { weekly: {}, dates: [{ date: today(), hours: [{ from: '08:00', to: '16:00' }] }], closed: [] };
    expect((await admin.call('PUT', `/api/admin/services/${id}`, { ...rest, schedule })).status).toBe(200);

    const display = await openDisplay(newPage(), hub.url);
    const app = display.locator('display-app');
    const info = display.locator('display-hub-info .panel');

    // no call yet today: the information, one item after another
    await display.locator('display-app[showing="info:hours"]').waitFor({ timeout: 10_000 });
    expect(await info.getAttribute('data-info')).toBe('hours');
    expect(await info.textContent()).toContain('Aukioloajat tänään');
    expect(await info.textContent()).toContain('Öppettider i dag');
    await screenshot(display, 'display-info-hours');

    await display.locator('display-app[showing="info:agencies"]').waitFor({ timeout: 10_000 });
    const agencies = await info.textContent();
    expect(agencies).toContain('Paikalla tänään');
    expect(agencies).toContain('Kela');
    expect(agencies).toContain('Pop-up tänään');
    expect(agencies).toContain(popup.publicLabel.fi);
    expect(agencies).toContain('8.00–16.00');
    // the sensitive service name never (rule 4): only its neutral public label
    if (popup.name.fi !== popup.publicLabel.fi) expect(agencies).not.toContain(popup.name.fi);
    await screenshot(display, 'display-info-agencies');

    await display.locator('display-app[showing="info:phone"]').waitFor({ timeout: 10_000 });
    expect(await info.textContent()).toContain('Seuraa vuoroasi puhelimella');
    expect(await info.textContent()).toContain(quick.items.phone.text.fi);
    expect(await axeProblems(display)).toEqual([]);
    await screenshot(display, 'display-info-phone');

    // a call takes the screen at once, whatever item was showing
    const staff = await staffAtDesks(hub.url, [3]);
    await issueVisit(hub.url, kela, 'fi');
    const called = await callNext(staff[0]!, 3);
    await display.locator(`display-featured-call .panel[data-number="${called.number}"]`).waitFor({ timeout: 2000 });
    expect(await app.getAttribute('showing')).toBe('call');
    // …and when it is said and some seconds old, the information comes back, the call listed beside it
    await display.locator('display-app[showing^="info:"]').waitFor({ timeout: 30_000 });
    expect((await displayNumbers(display)).history).toEqual([called.number]);
  });

  it('turns items off, and shows the call as before when every item is off', async () => {
    const admin = await staffSession(hub.url, 'admin');
    const off = { ...quick, items: { ...quick.items, hours: { ...quick.items.hours, enabled: false }, agencies: { ...quick.items.agencies, enabled: false } } };
    expect((await admin.call('PUT', '/api/admin/display-info', off)).status).toBe(200);
    const display = await openDisplay(newPage(), hub.url);
    await display.locator('display-app[showing="info:phone"]').waitFor({ timeout: 10_000 });
    // the display follows the coordinator at once (a catalog event), without a reload
    const none = { ...off, items: { ...off.items, phone: { ...off.items.phone, enabled: false } } };
    expect((await admin.call('PUT', '/api/admin/display-info', none)).status).toBe(200);
    await display.locator('display-app[showing="call"]').waitFor({ timeout: 5000 });
    await display.locator('display-featured-call .panel.idle').waitFor();
  });

  for (const size of [
    { width: 1920, height: 1080, name: 'landscape' },
    { width: 1080, height: 1920, name: 'portrait' },
  ]) {
    it(`shows the newest number at least 12 % of the screen's height, ${size.name} ${size.width}×${size.height}`, async () => {
      const display = await openDisplay(newPage(size), hub.url);
      const staff = await staffAtDesks(hub.url, [3]);
      await issueVisit(hub.url, kela, 'fi');
      for (let i = 0; i < 6; i++) await issueVisit(hub.url, kela, 'fi');
      const called = await callNext(staff[0]!, 3);
      await display.locator(`display-featured-call .panel[data-number="${called.number}"]`).waitFor({ timeout: 2000 });
      const h = await numberHeights(display);
      // the digits themselves, not only their line box, are at least 12 % of the screen's height
      expect(h.ink / size.height).toBeGreaterThanOrEqual(0.12);
      expect(h.box / size.height).toBeGreaterThanOrEqual(0.12);
      // and the whole number is on the screen
      expect(h.top).toBeGreaterThanOrEqual(0);
      expect(h.left).toBeGreaterThanOrEqual(0);
      expect(h.bottom).toBeLessThanOrEqual(size.height);
      expect(h.right).toBeLessThanOrEqual(size.width);
      // the desk and every agency's count are on the screen too, and nothing scrolls
      for (const selector of ['display-featured-call .big.desk', 'display-queue-summary li']) {
        for (const box of await display.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
          expect(box.bottom, selector).toBeLessThanOrEqual(size.height);
          expect(box.right, selector).toBeLessThanOrEqual(size.width);
        }
      }
      expect(await display.evaluate(() => [document.scrollingElement!.scrollHeight, document.scrollingElement!.scrollWidth])).toEqual([size.height, size.width]);
      if (size.name === 'portrait') {
        // its own layout: the call as wide as the screen, the history beneath it
        const featured = await display.locator('display-featured-call').boundingBox();
        const history = await display.locator('display-call-history').boundingBox();
        expect(featured!.width / size.width).toBeGreaterThan(0.85);
        expect(history!.y).toBeGreaterThan(featured!.y + featured!.height - 1);
      }
      await screenshot(display, `display-${size.name}`);
    });
  }
});
