import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pushWords } from '@luukku/shared/i18n';
import { axeProblems, hasBrowser, screenshot } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { staffSession } from './support/server.js';

/**
 * Headless Chromium has no push service: its `pushManager.subscribe` never settles. The service
 * worker, the permission and the page's calls are real; where a test needs a subscription, a
 * stand-in for the browser's push service (below) answers `subscribe` as a browser would, and
 * the server stores what the page sends it. The delivery itself is tested in tests/api/push.test.ts.
 */
const pushServiceStandIn = () => {
  const w = window as unknown as { __push: { calls: number; keyBytes: number; current: unknown } };
  w.__push = { calls: 0, keyBytes: 0, current: null };
  const keys = { p256dh: 'B' + 'A'.repeat(86), auth: 'A'.repeat(22) };
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    w.__push.calls++;
    w.__push.keyBytes = new Uint8Array(options?.applicationServerKey as ArrayBuffer).length;
    const endpoint = `https://127.0.0.1:9/push/e2e-${w.__push.calls}`;
    const sub = {
      endpoint,
      toJSON: () => ({ endpoint, expirationTime: null, keys }),
      unsubscribe: async () => {
        w.__push.current = null;
        return true;
      },
    };
    w.__push.current = sub;
    return sub as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async function () {
    return w.__push.current as PushSubscription | null;
  };
};

describe.skipIf(!hasBrowser)("the phone page's nudge opt-in", () => {
  // a subscription at this machine's discard port: the server may send to it, nothing leaves
  const env = useServerAndBrowser({ pushHosts: ['127.0.0.1'] });

  async function open(language: string, init?: () => void, service = 2): Promise<{ page: Page; visit: { number: string; token: string; visitId: number } }> {
    const visit = await issueAtKiosk(env.hub.url, { services: [service], language });
    const page = await env.browser.newPage({ width: 390, height: 844 });
    if (init) await page.addInitScript(init);
    await page.goto(`${env.hub.url}/v/${visit.token}`);
    await page.getByText(visit.number).waitFor();
    return { page, visit };
  }

  it.each(['fi', 'sv', 'en', 'ar'] as const)('offers "tell me when my turn is near" in %s, with the service worker registered for /v/, and passes axe', async (lang) => {
    const { page } = await open(lang);
    await page.getByRole('button', { name: pushWords[lang].turnOn }).waitFor();
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: new URL(r.scope).pathname, script: new URL(r.active!.scriptURL).pathname };
    });
    expect(registration).toEqual({ scope: '/v/', script: '/v/push-sw.js' });
    if (lang === 'ar') expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, `phone-push-${lang}`);
    await page.close();
  });

  it('subscribes with the server key when the visitor allows notifications, says nudges are on, and turns them off', async () => {
    await env.browser.context.grantPermissions(['notifications'], { origin: env.hub.url });
    try {
      const { page, visit } = await open('sv', pushServiceStandIn);
      await page.getByRole('button', { name: pushWords.sv.turnOn }).click();
      await page.getByText(pushWords.sv.on).waitFor();
      expect(await page.evaluate(() => (window as unknown as { __push: { calls: number; keyBytes: number } }).__push)).toMatchObject({ calls: 1, keyBytes: 65 });
      expect(env.hub.app.q.pushSubscriptionsOfVisit(visit.visitId).map((s) => [s.endpoint, s.language])).toEqual([['https://127.0.0.1:9/push/e2e-1', 'sv']]);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, 'phone-push-on');

      await page.getByRole('button', { name: pushWords.sv.turnOff }).click();
      await page.getByRole('button', { name: pushWords.sv.turnOn }).waitFor();
      expect(env.hub.app.q.pushSubscriptionCount(visit.visitId)).toBe(0);
      await page.close();
    } finally {
      await env.browser.context.clearPermissions();
    }
  });

  it('says so when the visitor blocks notifications, and when the browser has no push', async () => {
    const { page, visit } = await open('en', () => {
      Notification.requestPermission = async () => 'denied';
    });
    await page.getByRole('button', { name: pushWords.en.turnOn }).click();
    await page.getByText(pushWords.en.denied).waitFor();
    expect(env.hub.app.q.pushSubscriptionCount(visit.visitId)).toBe(0);
    await page.close();

    const { page: old } = await open('ar', () => {
      delete (window as { PushManager?: unknown }).PushManager;
    });
    await old.getByText(pushWords.ar.notSupported).waitFor();
    expect(await old.getByRole('button', { name: pushWords.ar.turnOn }).count()).toBe(0);
    expect(await axeProblems(old)).toEqual([]);
    await old.close();
  });

  it('sounds a tone and flashes the title when the visitor is called while the page is open', async () => {
    const { page, visit } = await open('fi', () => {
      const w = window as unknown as { __tones: number };
      w.__tones = 0;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function () {
        w.__tones++;
        return create.call(this);
      };
    }, 3); // the municipality's line: nobody else of this file waits in it
    // browsers sound only after a tap on the page
    await page.getByText(visit.number).click();
    const kunta = await staffSession(env.hub.url, 'kunta');
    expect((await kunta.call('POST', '/api/desks/3/open', { services: [3] })).status).toBe(200);
    const called = await kunta.call('POST', '/api/desks/3/call-next');
    expect(called.body.step.number).toBe(visit.number);
    await page.waitForFunction(() => document.title.startsWith('▶ Mene palvelupisteeseen 3'));
    expect(await page.evaluate(() => (window as unknown as { __tones: number }).__tones)).toBe(2);
    await kunta.call('POST', `/api/steps/${called.body.step.id}/finish`);
    await page.close();
  });
});
