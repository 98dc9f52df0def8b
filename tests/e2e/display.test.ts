import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser, launch, screenshot, type Browser } from './support/browser.js';
import { startServer, staffSession, type RunningHub } from './support/server.js';
import {
  callNext,
  demoCatalog,
  displayNumbers,
  displaySound,
  issueVisit,
  openDisplay,
  staffAtDesks,
  startCuttableLink,
} from './support/display-helpers.js';

const kela = 2;
const housing = 4;

describe.skipIf(!hasBrowser)('the lobby display in a real browser', () => {
  let browser: Browser;
  let hub: RunningHub;
  const pages: Page[] = [];
  const newPage = async () => {
    const page = await browser.newPage({ width: 1920, height: 1080 });
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // every test gets its own hub, so lines and desks start empty
  beforeEach(async () => {
    // These tests are about what is said, in which order and when; headless Chromium has no
    // voices, and the server's audio for them (display-voice.test.ts) would make every phrase
    // last its real length. Without espeak-ng the display says so and goes on at once.
    hub = await startServer({ espeakPath: '' });
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await hub?.close();
  });

  it('shows a call within a second: number, desk and the agency colour', async () => {
    const display = await openDisplay(newPage, hub.url);
    const staff = await staffSession(hub.url, 'kela');
    expect((await staff.call('POST', '/api/desks/3/open', { services: [kela] })).status).toBe(200);
    const visit = await issueVisit(hub.url, kela, 'sv');

    const step = await callNext(staff, 3);
    const calledAt = Date.now();
    const panel = display.locator(`display-featured-call .panel[data-number="${visit.number}"]`);
    await panel.waitFor({ timeout: 1000 });
    expect(Date.now() - calledAt).toBeLessThan(1000);
    expect(step.number).toBe(visit.number);
    expect(await panel.locator('.desk').textContent()).toBe('3');
    const catalog = await demoCatalog(hub.url);
    const kelaColor = catalog.agency('Kela').color;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(await panel.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(kelaColor));
    // said in Swedish, the visitor's language, then in Finnish
    await expect.poll(async () => (await displaySound(display)).announcements.map((a) => a.phrases), { timeout: 10_000 }).toEqual([
      [`Könummer ${visit.number[0]} ${Number(visit.number.slice(1))}, servicepunkt 3`, `Vuoronumero ${visit.number[0]} ${Number(visit.number.slice(1))}, palvelupiste 3`],
    ]);
    // the device token is kept by the page, out of the address bar
    expect(display.url()).not.toContain('demo-display');

    // a lobby in the middle of the day, for the screenshot
    const housingStaff = await staffSession(hub.url, 'asunnot');
    expect((await housingStaff.call('POST', '/api/desks/4/open', { services: [housing] })).status).toBe(200);
    for (const lang of ['fi', 'en', 'fi', 'ar']) await issueVisit(hub.url, housing, lang);
    for (const lang of ['fi', 'fi', 'uk', 'fi', 'sv', 'fi']) await issueVisit(hub.url, kela, lang);
    const serviceOf = (agency: string) => catalog.services.find((x) => x.agencyId === catalog.agency(agency).id)!.id;
    await issueVisit(hub.url, serviceOf('Ohjaamo'), 'fi');
    await issueVisit(hub.url, serviceOf('Työllisyyspalvelut'), 'so');
    await issueVisit(hub.url, serviceOf('Työllisyyspalvelut'), 'fi');
    const [kela2] = await staffAtDesks(hub.url, [2]);
    await staff.call('POST', `/api/steps/${step.id}/finish`);
    await callNext(housingStaff, 4);
    await callNext(kela2!, 2);
    const newest = await callNext(staff, 3);
    await expect.poll(async () => (await displaySound(display)).pending, { timeout: 20_000 }).toBe(0);
    expect((await displayNumbers(display)).featured).toBe(newest.number);
    await screenshot(display, 'display');
  });

  it('announces a burst of 5 calls one after another, in call order, none twice', async () => {
    const display = await openDisplay(newPage, hub.url, 'device=demo-display&zone=all');
    // the display kept its token and took it out of the address bar; the zone stays
    expect(display.url()).not.toContain('demo-display');
    expect(new URL(display.url()).searchParams.get('zone')).toBe('all');
    const desks = [1, 2, 3, 4, 5];
    const staff = await staffAtDesks(hub.url, desks);
    const languages = ['fi', 'sv', 'en', 'ar', 'fi-x-easy'];
    for (const lang of languages) await issueVisit(hub.url, kela, lang);

    const started = Date.now();
    const called: { number: string; desk: string }[] = [];
    for (const [i, deskId] of desks.entries()) called.push({ number: (await callNext(staff[i]!, deskId)).number, desk: String(deskId) });
    expect(Date.now() - started).toBeLessThan(1000);

    // while the first is being said, it is the one shown large
    await expect.poll(async () => (await displayNumbers(display)).featured, { timeout: 1500, interval: 30 }).toBe(called[0]!.number);
    expect((await displaySound(display)).pending).toBeGreaterThan(0);
    // all five are on screen at once: one large, four in the history
    const onScreen = await displayNumbers(display);
    expect([onScreen.featured, ...onScreen.history].sort()).toEqual(called.map((c) => c.number).sort());

    await expect.poll(async () => (await displaySound(display)).announcements.length, { timeout: 30_000 }).toBe(5);
    const { announcements, pending } = await displaySound(display);
    expect(pending).toBe(0);
    expect(announcements.map((a) => ({ number: a.number, desk: a.deskName }))).toEqual(called);
    expect(announcements.map((a) => a.phrases.length)).toEqual([1, 2, 2, 2, 1]);
    expect(announcements[4]!.phrases[0]).toMatch(/^Numero K \d+, paikka 5$/);
    // when all is said, the newest call is the large one and nothing is listed twice
    const after = await displayNumbers(display);
    expect(after.featured).toBe(called[4]!.number);
    expect(after.history).toEqual(called.slice(0, 4).map((c) => c.number).reverse());
  });

  it('speaks in the voice of each language, and goes on when a voice hangs', async () => {
    // Headless Chromium has no voices, so this test alone gives the page a stand-in for the
    // browser's speech engine: a Swedish voice that never says it has finished (as Chromium's
    // sometimes does) and a Finnish one that does. The display must not wait for ever.
    const page = await newPage();
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as any).__spoken = spoken;
      class Utterance {
        voice: unknown = null;
        lang = '';
        rate = 1;
        onend: (() => void) | null = null;
        onerror: ((e: { error: string }) => void) | null = null;
        constructor(readonly text: string) {}
      }
      const voices = [
        { lang: 'sv-SE', name: 'Svenska', default: false, localService: true, voiceURI: 'sv' },
        { lang: 'fi-FI', name: 'Suomi', default: true, localService: true, voiceURI: 'fi' },
      ];
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => voices,
          cancel: () => {},
          speak: (u: Utterance) => {
            spoken.push({ text: u.text, lang: u.lang });
            if (u.lang.startsWith('fi')) setTimeout(() => u.onend?.(), 200);
          },
        },
      });
    });
    await page.goto(`${hub.url}/display?device=demo-display`);
    await page.locator('display-app[state="online"]').waitFor({ timeout: 10_000 });
    const staff = await staffSession(hub.url, 'kela');
    await staff.call('POST', '/api/desks/1/open', { services: [kela] });
    const swede = await issueVisit(hub.url, kela, 'sv');
    const finn = await issueVisit(hub.url, kela, 'fi');
    const first = await callNext(staff, 1);
    await staff.call('POST', `/api/steps/${first.id}/finish`);
    await callNext(staff, 1);

    await expect.poll(async () => (await displaySound(page)).announcements.length, { timeout: 25_000 }).toBe(2);
    const n = (v: { number: string }) => `K ${Number(v.number.slice(1))}`;
    expect(await page.evaluate(() => (window as any).__spoken)).toEqual([
      { text: `Könummer ${n(swede)}, servicepunkt 1`, lang: 'sv-SE' },
      { text: `Vuoronumero ${n(swede)}, palvelupiste 1`, lang: 'fi-FI' },
      { text: `Vuoronumero ${n(finn)}, palvelupiste 1`, lang: 'fi-FI' },
    ]);
  });

  it('catches up after a network drop: the 3 calls it missed, each once, on screen and aloud', async () => {
    // The display reaches the server through a relay the test can cut, so the page really loses
    // its websocket (as with a pulled cable) and reconnects by itself; nothing in the page is
    // told it is a test. (Playwright's setOffline does not close open websockets.)
    const link = await startCuttableLink(hub.url);
    try {
      const display = await openDisplay(newPage, link.url);
      // a second display beside it, connected directly: it sees what the cut one misses
      const direct = await openDisplay(newPage, hub.url);
      const staff = await staffAtDesks(hub.url, [1, 2, 3]);
      for (let i = 0; i < 4; i++) await issueVisit(hub.url, kela, 'fi');
      const before = await callNext(staff[0]!, 1);
      await expect.poll(async () => (await displaySound(display)).announcements.length, { timeout: 10_000 }).toBe(1);

      link.cut();
      await display.locator('display-app[state="offline"]').waitFor({ timeout: 5000 });
      const missed: string[] = [];
      for (const [i, deskId] of [1, 2, 3].entries()) {
        if (i === 0) await staff[0]!.call('POST', `/api/steps/${before.id}/finish`);
        missed.push((await callNext(staff[i]!, deskId)).number);
      }
      // barrier: a display connected directly has received all three, so they were sent; the cut
      // one is still offline (no socket that could have brought them) and shows none of them
      await expect
        .poll(async () => {
          const shown = await displayNumbers(direct);
          return missed.every((n) => shown.featured === n || shown.history.includes(n));
        }, { timeout: 5000 })
        .toBe(true);
      expect(await display.locator('display-app').getAttribute('state')).toBe('offline');
      const during = await displayNumbers(display);
      expect([during.featured, ...during.history].filter((n) => n && missed.includes(n))).toEqual([]);

      link.restore();
      await display.locator('display-app[state="online"]').waitFor({ timeout: 10_000 });
      await expect.poll(async () => (await displaySound(display)).announcements.length, { timeout: 20_000 }).toBe(4);
      const { announcements, pending } = await displaySound(display);
      expect(pending).toBe(0);
      expect(announcements.map((a) => a.number)).toEqual([before.number, ...missed]);
      const shown = await displayNumbers(display);
      expect(shown.featured).toBe(missed[2]);
      expect(shown.history).toEqual([missed[1], missed[0], before.number]);
    } finally {
      await link.close();
    }
  });

  it('shows an offline mark while disconnected, and drops it when back', async () => {
    const link = await startCuttableLink(hub.url);
    try {
      const display = await openDisplay(newPage, link.url);
      const mark = display.getByText('Ei yhteyttä');
      expect(await mark.count()).toBe(0);
      link.cut();
      await mark.waitFor({ timeout: 5000 });
      expect(await display.getByRole('status').filter({ hasText: 'Ei yhteyttä' }).count()).toBe(1);
      link.restore();
      await mark.waitFor({ state: 'detached', timeout: 10_000 });
    } finally {
      await link.close();
    }
  });

  it('announces a recall again and moves it to the top, listing the number once', async () => {
    const display = await openDisplay(newPage, hub.url);
    const [atDesk2, atDesk3] = await staffAtDesks(hub.url, [2, 3]);
    const first = await issueVisit(hub.url, kela, 'en');
    const second = await issueVisit(hub.url, kela, 'fi');
    const step = await callNext(atDesk2!, 2);
    await callNext(atDesk3!, 3);
    await expect.poll(async () => (await displaySound(display)).announcements.length, { timeout: 15_000 }).toBe(2);
    expect(await displayNumbers(display)).toEqual({ featured: second.number, history: [first.number] });

    expect((await atDesk2!.call('POST', `/api/steps/${step.id}/recall`)).status).toBe(200);
    await expect.poll(async () => (await displaySound(display)).announcements.length, { timeout: 10_000 }).toBe(3);
    const { announcements } = await displaySound(display);
    expect(announcements.map((a) => [a.number, a.deskName, a.recall])).toEqual([
      [first.number, '2', false],
      [second.number, '3', false],
      [first.number, '2', true],
    ]);
    expect(announcements[2]!.phrases).toEqual([
      `Number K ${Number(first.number.slice(1))}, desk 2`,
      `Vuoronumero K ${Number(first.number.slice(1))}, palvelupiste 2`,
    ]);
    expect(await displayNumbers(display)).toEqual({ featured: first.number, history: [second.number] });
    await display.getByText('Kutsutaan uudelleen').waitFor();
  });

  it("shows only its own zone's desks", async () => {
    const zoneA = await openDisplay(newPage, hub.url, 'device=demo-display&zone=a');
    const zoneB = await openDisplay(newPage, hub.url, 'device=demo-display&zone=b');
    const [atDesk1, atDesk4] = await staffAtDesks(hub.url, [1, 4]);
    await issueVisit(hub.url, kela);
    await issueVisit(hub.url, kela);
    const a = await callNext(atDesk1!, 1);
    const b = await callNext(atDesk4!, 4);

    // barrier: events reach a socket in call order, and desk 1's call came before desk 4's; so
    // once zone b shows desk 4's call, desk 1's would already be there had it been sent to b
    await zoneB.locator(`display-featured-call .panel[data-number="${b.number}"]`).waitFor({ timeout: 2000 });
    await zoneA.locator(`display-featured-call .panel[data-number="${a.number}"]`).waitFor({ timeout: 2000 });
    const onB = await displayNumbers(zoneB);
    expect([onB.featured, ...onB.history]).toEqual([b.number]);
    expect((await displaySound(zoneB)).announcements.map((x) => x.number)).not.toContain(a.number);
    const onA = await displayNumbers(zoneA);
    expect([onA.featured, ...onA.history]).toEqual([a.number]);
    // the zone stays in the address; the token does not
    expect(zoneB.url()).toMatch(/\/display\/?\?zone=b$/);
  });

  it("follows the coordinator's changes to an agency without a reload", async () => {
    const display = await openDisplay(newPage, hub.url);
    const police = (await demoCatalog(hub.url)).agency('Poliisi');
    const admin = await staffSession(hub.url, 'admin');
    const renamed = { fi: 'Poliisin lupapalvelut', sv: 'Polisens tillståndstjänster', en: 'Police permits' };
    expect((await admin.call('PUT', `/api/admin/agencies/${police.id}`, { name: renamed, color: police.color })).status).toBe(200);
    await display.locator('display-queue-summary').getByText('Poliisin lupapalvelut').waitFor({ timeout: 3000 });
  });

  it('has no serious or critical accessibility problems, with calls and without a token', async () => {
    const display = await openDisplay(newPage, hub.url);
    const staff = await staffAtDesks(hub.url, [1, 4]);
    await issueVisit(hub.url, kela);
    await issueVisit(hub.url, kela);
    await issueVisit(hub.url, kela);
    await callNext(staff[0]!, 1);
    await callNext(staff[1]!, 4);
    await display.locator('display-call-history li').first().waitFor();
    expect(await display.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fi', 'ltr']);
    expect(await display.getByRole('heading', { level: 1 }).textContent()).toBe('Mäntsälän palvelutori');
    expect(await axeProblems(display)).toEqual([]);

    // a screen nobody has set up yet says so
    await display.evaluate(() => localStorage.clear());
    const fresh = await newPage();
    await fresh.goto(`${hub.url}/display`);
    await fresh.getByRole('heading', { name: 'Näyttöä ei ole otettu käyttöön' }).waitFor();
    expect(await axeProblems(fresh)).toEqual([]);
  });

  it('keeps its device token across a reload, and says when the token is refused', async () => {
    const display = await openDisplay(newPage, hub.url, 'device=demo-display&zone=a');
    await display.reload();
    await display.locator('display-app[state="online"]').waitFor({ timeout: 10_000 });
    expect(display.url()).not.toContain('demo-display');

    await display.goto(`${hub.url}/display?device=not-a-device`);
    await display.getByRole('heading', { name: 'Laitetunnusta ei hyväksytty' }).waitFor({ timeout: 5000 });
  });
});
