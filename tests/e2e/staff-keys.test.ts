import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, hasBrowser } from './support/browser.js';
import { issueAtKiosk, useServerAndBrowser } from './support/lifecycle.js';
import { callNext, staffAtDesks } from './support/display-helpers.js';
import { staffSession } from './support/server.js';
import { consoleIdle, consoleRefusals } from './support/staff-console.js';

const KELA = 2;
const KUNTA = 3;
const DESK = 1;

interface StepView {
  id: number;
  number: string;
  status: string;
  deskId: number | null;
  calledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

const idle = consoleIdle;
const refusals = consoleRefusals;

describe.skipIf(!hasBrowser)('key presses in the staff console', () => {
  const env = useServerAndBrowser();

  /** Logs in to a console whose desk is already open, and waits for it to be ready. */
  async function logIn(page: Page, username: string, password: string) {
    await env.browser.context.clearCookies();
    await page.goto(`${env.hub.url}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(username);
    await page.getByLabel('Salasana').fill(password);
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).waitFor();
  }

  /** A Kela clerk at the given desk with one visitor called in the console (by the N key). */
  async function consoleWithCalledVisitor(deskId: number) {
    const [me] = await staffAtDesks(env.hub.url, [deskId], KELA);
    await issueAtKiosk(env.hub.url, { services: [KELA] });
    const page = await env.browser.newPage({ width: 1366, height: 900 });
    await logIn(page, me!.username, 'display-e2e');
    await idle(page);
    await page.keyboard.press('n');
    await page.getByRole('button', { name: 'Kutsu uudelleen' }).waitFor();
    await idle(page);
    return { me: me!, page };
  }

  it('acts on or visibly refuses every key press, even pressed faster than the server answers', async () => {
    const kela = await staffSession(env.hub.url, 'kela');
    const admin = await staffSession(env.hub.url, 'admin');
    expect((await kela.call('POST', `/api/desks/${DESK}/open`, { services: [KELA] })).status).toBe(200);
    for (let i = 0; i < 12; i++) await issueAtKiosk(env.hub.url, { services: [KELA] });
    const line = (await kela.call('GET', '/api/queues')).body.queues.find((q: { serviceId: number }) => q.serviceId === KELA);
    const stepIds: number[] = line.entries.map((e: { stepId: number }) => e.stepId);
    expect(stepIds).toHaveLength(12);

    /** What the server holds for this line's steps, read as the admin. */
    const steps = async (): Promise<StepView[]> => Promise.all(stepIds.map(async (id) => (await admin.call('GET', `/api/steps/${id}`)).body.step as StepView));
    /** Server-side effects of our desk's presses: calls, starts and ends. */
    const acted = async () => {
      const ours = (await steps()).filter((s) => s.deskId === DESK);
      return {
        calls: ours.filter((s) => s.calledAt).length,
        starts: ours.filter((s) => s.startedAt).length,
        ends: ours.filter((s) => s.endedAt).length,
        held: ours.find((s) => s.status === 'called' || s.status === 'serving') ?? null,
      };
    };

    // another desk issues and calls in the background, so the console gets events (and reloads) all along
    const [other] = await staffAtDesks(env.hub.url, [3], KUNTA);
    let stop = false;
    const background = (async () => {
      let rounds = 0;
      while (!stop) {
        await issueAtKiosk(env.hub.url, { services: [KUNTA] });
        const step = await callNext(other!, 3);
        await other!.call('POST', `/api/steps/${step.id}/finish`);
        rounds++;
      }
      return rounds;
    })();
    onTestFinished(async () => {
      stop = true;
      await background.catch(() => 0);
    });

    const page = await env.browser.newPage({ width: 1366, height: 900 });
    await logIn(page, 'kela', 'demo');
    await idle(page);
    expect(await refusals(page)).toBe(0);

    let presses = 0;
    const press = async (keys: string) => {
      for (const key of keys) {
        await page.keyboard.press(key);
        presses++;
      }
    };
    /** Every press so far either changed the server's state or was refused on screen. */
    const accountFor = async () => {
      await idle(page);
      const a = await acted();
      const refused = await refusals(page);
      expect(a.calls + a.starts + a.ends + refused).toBe(presses);
      // the visitor on screen is the one the server says this desk holds
      if (a.held) expect(await page.locator('staff-current .number').textContent()).toBe(a.held.number);
      else await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      return { ...a, refused };
    };

    // N N: one visitor called, the second press refused where staff can see and hear it
    await press('nn');
    const first = await accountFor();
    expect(first).toMatchObject({ calls: 1, starts: 0, ends: 0, refused: 1 });
    await page.getByRole('status').getByText('Odota hetki…').or(page.getByRole('status').getByText('Ei mahdollista nyt.')).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // start, finish, call next, without waiting: all three queue and act, in order
    await press('avn');
    const second = await accountFor();
    expect(second).toMatchObject({ calls: 2, starts: 1, ends: 1, refused: 1 });
    expect(second.held?.id).not.toBe(first.held?.id);

    // faster than the server: N A V repeated; whatever runs, nothing is lost
    await press('vnavnavnav');
    await accountFor();
    await press('nnavv');
    const last = await accountFor();
    expect(last.refused).toBeGreaterThan(1);

    stop = true;
    expect(await background).toBeGreaterThan(0);
    await page.close();
  });

  it('never puts back the visitor a staff member just finished when a reload begun before it answers late', async () => {
    const { me, page } = await consoleWithCalledVisitor(4);
    const called = await page.locator('staff-current .number').textContent();

    // the console loads everything again when the hub's setup changes (an admin renames a desk);
    // that load reads the desks now (the visitor still called) but lands only later
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let staleRead!: () => void;
    const stale = new Promise<void>((resolve) => (staleRead = resolve));
    let laterRead!: () => void;
    const reloaded = new Promise<void>((resolve) => (laterRead = resolve));
    let held = false;
    await page.route('**/api/desks', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      if (!held) {
        held = true;
        staleRead();
        await released;
      } else laterRead();
      await route.fulfill({ response });
    });
    const admin = await staffSession(env.hub.url, 'admin');
    expect((await admin.call('PUT', '/api/admin/desks/6', { name: '6', zone: 'b' })).status).toBe(200);
    await stale;

    const finished = page.waitForResponse((r) => r.url().endsWith('/finish'));
    await page.keyboard.press('v');
    expect((await finished).status()).toBe(200);
    release();
    // the late load is set aside, and the console loads once more after the finish
    await reloaded;
    await idle(page);
    expect(await page.locator('staff-current .number').count()).toBe(0);
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();
    expect(await page.getByText(called!, { exact: true }).count()).toBe(0);
    await page.unroute('**/api/desks');
    await page.close();
  });

  it('runs none of the presses queued behind an action the server refused, and shows both', async () => {
    const { me, page } = await consoleWithCalledVisitor(5);
    const stepId: number = (await me.call('GET', '/api/desks')).body.desks.find((d: { id: number }) => d.id === 5).currentStepId;
    const before = await refusals(page);

    // "start" reaches the server only after the visitor was marked a no-show elsewhere
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let sent!: () => void;
    const startSent = new Promise<void>((resolve) => (sent = resolve));
    await page.route('**/api/steps/*/start', async (route) => {
      sent();
      await released;
      await route.continue();
    });
    await page.keyboard.press('a');
    await startSent;
    await page.keyboard.press('v'); // queued behind "start", on the same visitor
    expect((await me.call('POST', `/api/steps/${stepId}/no-show`)).status).toBe(200);
    release();

    await idle(page);
    await page.getByRole('alert').waitFor();
    expect(await refusals(page)).toBe(before + 1);
    const step = (await me.call('GET', `/api/steps/${stepId}`)).body.step;
    expect(step).toMatchObject({ status: 'no_show', startedAt: null });
    await page.getByText('Ei asiakasta. Kutsu seuraava.').waitFor();
    await page.unroute('**/api/steps/*/start');
    await page.close();
  });
});
