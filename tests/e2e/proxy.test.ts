import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, launch, type Browser } from './support/browser.js';
import { freePort, hasNginx, repoRoot, startLuukkuProcess, startNginx, type LuukkuProcess, type Nginx } from './support/processes.js';

/**
 * docs/scale.md's set-up, for real: two Luukku processes, each its own OS process with its own
 * database and hub, behind Debian's nginx configured from docs/nginx-luukku.conf, which routes
 * by host name. Chromium reaches the hubs' host names through the proxy only.
 */

/** docs/nginx-luukku.conf with its example ports replaced; each must be there exactly once. */
function nginxConfig(listen: number, first: number, second: number): string {
  let conf = readFileSync(join(repoRoot, 'docs', 'nginx-luukku.conf'), 'utf8');
  for (const [from, to] of [
    ['listen 80;', `listen 127.0.0.1:${listen};`],
    ['server 127.0.0.1:3001;', `server 127.0.0.1:${first};`],
    ['server 127.0.0.1:3002;', `server 127.0.0.1:${second};`],
  ] as const) {
    if (conf.split(from).length !== 2) throw new Error(`docs/nginx-luukku.conf no longer has "${from}" once; the test cannot use it`);
    conf = conf.replace(from, to);
  }
  return conf;
}

interface HubPlan {
  host: string;
  /** The municipality's agency as this hub's kiosk shows it, and the other hub's that it must not. */
  municipality: string;
  otherMunicipality: string;
  /** The agency of the line called here, as the display's call shows it. */
  agency: string;
  staff: string;
  desk: string;
  deskName: string;
  service: RegExp;
}

const mantsala: HubPlan = {
  host: 'mantsala.luukku.example',
  municipality: 'Mäntsälän kunta',
  otherMunicipality: 'Pornaisen kunta',
  agency: 'Kela',
  staff: 'kela',
  desk: '1 (a)',
  deskName: '1',
  service: /^Kela/,
};
const pornainen: HubPlan = {
  host: 'pornainen.luukku.example',
  municipality: 'Pornaisen kunta',
  otherMunicipality: 'Mäntsälän kunta',
  agency: 'Pornaisen kunta',
  staff: 'kunta',
  desk: '2 (a)',
  deskName: '2',
  service: /^Kunnan asiointipiste/,
};

/** A display page whose socket.io traffic is recorded: the websocket's address and every event. */
interface WatchedDisplay {
  page: Page;
  socketUrls: string[];
  pollingRequests: string[];
  /** Every `call` event the page received over its websocket. */
  calls: { number: string }[];
}

describe.skipIf(!hasBrowser || !hasNginx)('two Luukku processes behind nginx, routed by host name', () => {
  const processes: LuukkuProcess[] = [];
  let nginx: Nginx | undefined;
  let browser: Browser | undefined;
  const base = (hub: HubPlan) => `http://${hub.host}:${nginx!.port}`;

  beforeAll(async () => {
    // the processes run the server as production does: the build (the UIs are built by the e2e setup)
    execFileSync('npm', ['run', 'build:ts', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    // the proxy is on loopback, so each process believes X-Forwarded-* from there alone
    for (let i = 0; i < 2; i++) processes.push(await startLuukkuProcess({ LUUKKU_TRUST_PROXY: '127.0.0.1', LUUKKU_DEMO_APPOINTMENTS: '0' }));
    const [first, second] = processes as [LuukkuProcess, LuukkuProcess];

    // Both seed the demo; the second becomes Pornainen's hub: its municipality is renamed
    // through the admin API (this branch has no endpoint that renames the hub itself, and the
    // municipality is what differs between two towns' hubs).
    const login = await fetch(`${second.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const catalog = (await (await fetch(`${second.url}/api/admin/catalog`, { headers: { cookie } })).json()) as {
      agencies: { id: number; name: { fi: string }; color: string }[];
    };
    const kunta = catalog.agencies.find((a) => a.name.fi === 'Mäntsälän kunta')!;
    const renamed = await fetch(`${second.url}/api/admin/agencies/${kunta.id}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: { fi: 'Pornaisen kunta', sv: 'Pornainen kommun', en: 'Municipality of Pornainen' }, color: kunta.color }),
    });
    expect(renamed.status).toBe(200);

    const port = await freePort();
    nginx = await startNginx(nginxConfig(port, first.port, second.port), port);
    browser = await launch({ hostResolverRules: 'MAP *.luukku.example 127.0.0.1' });
  });

  afterAll(async () => {
    // every child goes, whatever failed above
    const results = await Promise.allSettled([browser?.close(), nginx?.stop(), ...processes.map((p) => p.stop())]);
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) throw new Error(`cleanup: ${failed.map((r) => String((r as PromiseRejectedResult).reason)).join('; ')}`);
  });

  async function openDisplay(hub: HubPlan): Promise<WatchedDisplay> {
    const page = await browser!.newPage({ width: 1920, height: 1080 });
    const watched: WatchedDisplay = { page, socketUrls: [], pollingRequests: [], calls: [] };
    page.on('request', (r) => {
      if (r.url().includes('/socket.io/') && r.url().includes('transport=polling')) watched.pollingRequests.push(r.url());
    });
    // socket.io's CONNECT packet ("40…"): the server has put the socket in its rooms by then
    let connected!: () => void;
    const inRooms = new Promise<void>((resolve) => (connected = resolve));
    page.on('websocket', (ws) => {
      watched.socketUrls.push(ws.url());
      ws.on('framereceived', ({ payload }) => {
        const text = String(payload);
        if (text.startsWith('40')) connected();
        if (!text.startsWith('42')) return;
        // an event frame: 42["call", { seq, type, at, data: { number, … } }]
        const [type, event] = JSON.parse(text.slice(2)) as [string, { data?: { number?: string } }];
        if (type === 'call') watched.calls.push({ number: String(event.data?.number) });
      });
    });
    await page.goto(`${base(hub)}/display?device=demo-display&zone=all`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const noSocket = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${hub.host}'s display got no socket.io connection through nginx in 30 s (websockets: ${JSON.stringify(watched.socketUrls)})`)), 30_000);
    });
    await Promise.race([inRooms, noSocket]).finally(() => clearTimeout(timer));
    return watched;
  }

  /** The display's big call: number, desk and agency. */
  async function featured(page: Page) {
    const panel = page.locator('display-featured-call .panel[data-number]');
    if ((await panel.count()) === 0) return null;
    return { number: await panel.getAttribute('data-number'), desk: (await panel.locator('.desk').textContent())?.trim() };
  }

  async function takeNumber(hub: HubPlan): Promise<string> {
    const kiosk = await browser!.newPage();
    await kiosk.goto(`${base(hub)}/kiosk?device=demo-kiosk`);
    // this process's own hub: its municipality, never the other hub's
    await kiosk.getByText(hub.municipality).first().waitFor();
    expect(await kiosk.getByText(hub.otherMunicipality).count()).toBe(0);
    await kiosk.getByRole('button', { name: hub.service }).first().click();
    await kiosk.getByRole('button', { name: 'Ota vuoronumero' }).last().click();
    await kiosk.getByRole('heading', { name: 'Vuoronumero' }).waitFor();
    const number = (await kiosk.locator('kiosk-ticket .number').textContent())!.trim();
    await kiosk.close();
    return number;
  }

  /** Opens the hub's desk in a staff console and presses "call next"; the page stays open. */
  async function callAtConsole(hub: HubPlan, number: string): Promise<Page> {
    const page = await browser!.newPage({ width: 1366, height: 900 });
    await page.goto(`${base(hub)}/staff`);
    await page.getByLabel('Käyttäjätunnus').fill(hub.staff);
    await page.getByLabel('Salasana').fill('demo');
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.getByRole('heading', { name: 'Valitse palvelupiste' }).waitFor();
    await page.getByLabel('Palvelupiste').selectOption({ label: hub.desk });
    await page.getByRole('checkbox', { name: hub.service }).check();
    await page.getByRole('button', { name: 'Avaa palvelupiste' }).click();
    // the console's own live list, over its own websocket through the proxy, has the ticket
    await page.getByRole('button', { name: `Kutsu ${number}` }).waitFor();
    await page.getByRole('button', { name: 'Kutsu seuraava' }).click();
    return page;
  }

  it("serves each hub's kiosk, console and display through the proxy, calls arriving over websockets, never across hubs", { timeout: 180_000 }, async () => {
    const displays = new Map<HubPlan, WatchedDisplay>();
    for (const hub of [mantsala, pornainen]) displays.set(hub, await openDisplay(hub));

    const numbers = new Map<HubPlan, string>();
    for (const hub of [mantsala, pornainen]) {
      const number = await takeNumber(hub);
      numbers.set(hub, number);
      const staffPage = await callAtConsole(hub, number);
      const display = displays.get(hub)!;
      // the call reached this hub's display as a websocket frame, and the page shows it
      await expect.poll(() => display.calls.map((c) => c.number), { timeout: 5000 }).toContain(number);
      await expect.poll(() => featured(display.page), { timeout: 5000 }).toEqual({ number, desk: hub.deskName });
      expect(await display.page.locator('display-featured-call').getByText(hub.agency, { exact: true }).count()).toBe(1);
      await staffPage.close();
    }
    // the two hubs' numbers differ (K… for Kela, M… for the municipality), so a leak would show
    expect(numbers.get(mantsala)).not.toBe(numbers.get(pornainen));

    for (const [hub, display] of displays) {
      const other = hub === mantsala ? pornainen : mantsala;
      // socket.io went over a websocket, upgraded through nginx on the hub's own host name
      expect(display.socketUrls.length).toBeGreaterThan(0);
      for (const url of display.socketUrls) {
        const u = new URL(url);
        expect(u.protocol).toBe('ws:');
        expect(u.host).toBe(`${hub.host}:${nginx!.port}`);
        expect(u.searchParams.get('transport')).toBe('websocket');
      }
      expect(display.pollingRequests).toEqual([]);
      // exactly its own hub's call, and the other hub's never
      expect(display.calls.map((c) => c.number)).toEqual([numbers.get(hub)]);
      expect(await display.page.getByText(numbers.get(other)!).count()).toBe(0);
    }
  });
});
