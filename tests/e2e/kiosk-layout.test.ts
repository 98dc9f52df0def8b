import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { languageInfo } from '@luukku/shared/i18n';
import type { VisitorLanguage } from '@luukku/shared';
import { messages } from '../../kiosk-ui/src/i18n/index.js';
import { reachBand } from '../../kiosk-ui/src/layout/reach.js';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { measure } from './support/kiosk-layout.js';
import { useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

/** The kiosks hubs buy: a 43" floor stand either way round, and a 10" tablet either way round. */
const sizes = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
];
const minTarget = 72;
const minBody = 24;
const minServiceName = 32;

type Mode = 'standard' | 'accessible';
type Screen = 'languages' | 'start' | 'guided' | 'needs' | 'suggestion' | 'ticket';

describe.skipIf(!hasBrowser)('the kiosk fits the screen it is on', () => {
  const env = useServerAndBrowser();
  let page: Page;

  /** Every check of one screen at every size, each failure its own soft assertion so one run shows all. */
  async function checkScreen(lang: VisitorLanguage, mode: Mode, screen: Screen) {
    for (const size of sizes) {
      await page.setViewportSize(size);
      const m = await measure(page);
      const at = `${size.width}×${size.height} ${mode} ${lang} ${screen}`;
      expect.soft(m.controls.length, `${at}: controls on screen`).toBeGreaterThan(0);
      const outside = m.controls.filter((c) => c.left < -0.5 || c.top < -0.5 || c.right > size.width + 0.5 || c.bottom > size.height + 0.5);
      expect.soft(outside.map((c) => c.name), `${at}: controls outside the viewport`).toEqual([]);
      expect.soft(m.scrolling, `${at}: nothing scrolls`).toEqual([]);
      const small = m.controls.filter((c) => Math.min(c.width, c.height) < minTarget - 0.5);
      expect.soft(small.map((c) => `${c.name} ${Math.round(c.width)}×${Math.round(c.height)}`), `${at}: touch targets ≥ ${minTarget} px`).toEqual([]);
      if (mode === 'accessible') {
        const band = reachBand(size.width, size.height);
        const out = m.controls.filter((c) => c.top < band.top - 0.5 || c.bottom > band.bottom + 0.5);
        expect.soft(out.map((c) => `${c.name} ${Math.round(c.top)}–${Math.round(c.bottom)}`), `${at}: controls within reach ${band.top}–${band.bottom} px`).toEqual([]);
      }
      // text at arm's length, on the big screens (1080 px on the short side)
      if (Math.min(size.width, size.height) === 1080) {
        const tooSmall = m.texts.filter((t) => t.px < (t.serviceName ? minServiceName : minBody) - 0.05);
        expect.soft(tooSmall.map((t) => `${t.text} ${t.px}px`), `${at}: body ≥ ${minBody} px, service names ≥ ${minServiceName} px`).toEqual([]);
        if (screen === 'start') expect.soft(m.texts.filter((t) => t.serviceName).length, `${at}: service names measured`).toBeGreaterThan(0);
      }
      // pictures for review: every size in standard mode; accessible mode at the floor stand
      // only, as the measurements above already cover its other sizes (keeps the suite shorter)
      if (mode === 'standard' || size === sizes[0]) await screenshot(page, `kiosk-${size.width}x${size.height}-${mode}-${lang}-${screen}`);
    }
    // axe reads the document, which is the same at every size; once a screen keeps the run short
    expect.soft(await axeProblems(page), `${mode} ${lang} ${screen}: axe`).toEqual([]);
  }

  const cases: [VisitorLanguage, Mode][] = [
    ['fi', 'standard'],
    ['fi', 'accessible'],
    ['uk', 'standard'],
    ['uk', 'accessible'],
    ['ar', 'standard'],
    ['ar', 'accessible'],
  ];

  it.each(cases)('shows every screen whole, in reach and legible, in %s, %s mode, at every size', async (lang, mode) => {
    page ??= await env.browser.newPage();
    const fi = messages('fi');
    const t = messages(lang);
    await page.setViewportSize(sizes[0]!);
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    await page.getByRole('button', { name: fi.takeNumber }).last().waitFor();
    if (mode === 'accessible') {
      await page.getByRole('button', { name: fi.accessibleMode }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-accessible'))).toBe(true);
    }

    await page.getByRole('button', { name: fi.language }).click();
    await page.getByRole('button', { name: languageInfo(lang).native, exact: true }).waitFor();
    await checkScreen(lang, mode, 'languages');
    await page.getByRole('button', { name: languageInfo(lang).native, exact: true }).click();

    await page.getByRole('heading', { name: t.takeNumber }).waitFor();
    await expect.poll(() => page.locator('kiosk-start .tile').count()).toBeGreaterThan(0);
    // a chosen service: the take-number button is live and the count of chosen services shows
    await page.locator('kiosk-start .tile').first().click();
    await page.locator('kiosk-start .take:not([disabled])').waitFor();
    await checkScreen(lang, mode, 'start');

    await page.getByRole('button', { name: t.dontKnow }).click();
    await page.getByRole('heading', { name: t.guidedTitle }).waitFor();
    await page.locator('kiosk-guided .choices button').first().click();
    await checkScreen(lang, mode, 'guided');

    await page.getByRole('button', { name: t.next, exact: true }).click();
    await page.getByRole('heading', { name: t.needsQuestion }).waitFor();
    await checkScreen(lang, mode, 'needs');

    await page.getByRole('button', { name: t.next, exact: true }).click();
    await page.getByRole('heading', { name: t.suggestionTitle }).waitFor();
    await checkScreen(lang, mode, 'suggestion');

    await page.getByRole('button', { name: t.confirmTicket }).click();
    await page.locator('kiosk-ticket .number').waitFor();
    // "more time" first, so the countdown cannot return to the start while the sizes are measured
    await page.getByRole('button', { name: t.moreTime }).click();
    await checkScreen(lang, mode, 'ticket');
    await page.getByRole('button', { name: t.done }).click();
    await page.getByRole('heading', { name: fi.takeNumber }).waitFor();
    // 24 sizes × screens measured: about 20 s on a quiet machine, more on a shared one
  }, 180_000);

  it('gives the service tiles more room when fewer services are open', async () => {
    page ??= await env.browser.newPage();
    await page.setViewportSize(sizes[0]!);
    await page.goto(`${env.hub.url}/kiosk?device=demo-kiosk`);
    const tiles = page.locator('kiosk-start .tile');
    // as many tiles as services open now (the demo's pop-up is open on Tuesdays only, local time)
    const menu = (await (await fetch(`${env.hub.url}/api/kiosk/menu?lang=fi`, { headers: { authorization: 'Bearer demo-kiosk' } })).json()) as {
      agencies: { services: unknown[] }[];
    };
    const open = menu.agencies.reduce((n, a) => n + a.services.length, 0);
    expect(open).toBeGreaterThan(2);
    await expect.poll(() => tiles.count()).toBe(open);
    const area = async () => {
      const box = (await tiles.first().boundingBox())!;
      return box.width * box.height;
    };
    const seven = await area();

    const admin = await staffSession(env.hub.url, 'admin');
    const services = (await admin.call('GET', '/api/admin/catalog')).body.services as { id: number; isGuidance: boolean; active: boolean }[];
    const closing = services.filter((s) => !s.isGuidance && s.active).slice(2);
    const put = (s: (typeof services)[number], active: boolean) => {
      const { agencyId, name, publicLabel, prefix, targetWaitMin, schedule, defaultServiceMin } = s as never as Record<string, unknown>;
      return admin.call('PUT', `/api/admin/services/${s.id}`, { agencyId, name, publicLabel, prefix, targetWaitMin, schedule, defaultServiceMin, active });
    };
    try {
      for (const s of closing) expect((await put(s, false)).status).toBe(200);
      // the kiosk hears the change and redraws with two services
      await expect.poll(() => tiles.count(), { timeout: 10_000 }).toBe(2);
      const two = await area();
      expect(two).toBeGreaterThan(seven * 1.5);
      await screenshot(page, 'kiosk-1080x1920-standard-fi-start-two-services');
    } finally {
      for (const s of closing) await put(s, true);
    }
  });
});
