import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { issueAtKiosk } from './lifecycle.js';

export interface Staff {
  username: string;
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
}

async function login(url: string, username: string, password: string): Promise<Staff> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return {
    username,
    call: async (method, path, body) => {
      const r = await fetch(url + path, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as any };
    },
  };
}

/** The demo's agencies and services as the display sees them, to find ids by name. */
export async function demoCatalog(url: string) {
  const res = await fetch(`${url}/api/display/snapshot`, { headers: { authorization: 'Bearer demo-display' } });
  const s = (await res.json()) as { agencies: { id: number; name: { fi: string }; color: string }[]; services: { id: number; agencyId: number }[] };
  const agency = (fi: string) => s.agencies.find((a) => a.name.fi === fi)!;
  return { agencies: s.agencies, services: s.services, agency };
}

let userCount = 0;

/**
 * One staff member at each desk, each serving `serviceId`. A user holds one desk at a time,
 * so every desk gets a new staff account of the service's agency, made by the demo admin.
 */
export async function staffAtDesks(url: string, deskIds: readonly number[], serviceId = 2): Promise<Staff[]> {
  const { services } = await demoCatalog(url);
  const agencyId = services.find((s) => s.id === serviceId)!.agencyId;
  const admin = await login(url, 'admin', 'demo');
  const staff: Staff[] = [];
  for (const deskId of deskIds) {
    const username = `e2e-${++userCount}-desk${deskId}`;
    const created = await admin.call('POST', '/api/admin/users', {
      username, displayName: `E2E ${deskId}`, password: 'display-e2e', role: 'staff', agencyIds: [agencyId],
    });
    if (created.status !== 201) throw new Error(`create user: ${JSON.stringify(created.body)}`);
    const s = await login(url, username, 'display-e2e');
    const opened = await s.call('POST', `/api/desks/${deskId}/open`, { services: [serviceId] });
    if (opened.status !== 200) throw new Error(`open desk ${deskId}: ${JSON.stringify(opened.body)}`);
    staff.push(s);
  }
  return staff;
}

/** Issues a visit at the demo kiosk, as a visitor would. */
export function issueVisit(url: string, serviceId: number, language = 'fi'): Promise<{ number: string; token: string }> {
  return issueAtKiosk(url, { services: [serviceId], language });
}

/** Calls the next visitor at the staff member's desk; returns the called step. */
export async function callNext(staff: Pick<Staff, 'call'>, deskId: number): Promise<{ id: number; number: string }> {
  const r = await staff.call('POST', `/api/desks/${deskId}/call-next`);
  if (r.status !== 200) throw new Error(`call-next at ${deskId}: ${JSON.stringify(r.body)}`);
  return r.body.step as { id: number; number: string };
}

/**
 * A TCP relay between the browser and the server that the test can cut, like a pulled cable
 * or a dropped Wi-Fi: open connections (the display's websocket among them) are closed at
 * once and new ones are refused until `restore()`. Nothing in the page knows it is a test.
 */
export async function startCuttableLink(targetUrl: string) {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cutAll = () => {
    for (const s of open) s.destroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      down = true;
      cutAll();
    },
    restore: () => {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        down = true;
        cutAll();
        server.close(() => resolve());
      }),
  };
}

export interface AnnouncementView {
  number: string;
  deskName: string;
  recall: boolean;
  phrases: string[];
  /** How each phrase was said: browser, server or none. */
  via: string[];
  at: string;
}

/** What the display has said aloud, and how many calls it still has to say. */
export async function displaySound(page: Page): Promise<{ announcements: AnnouncementView[]; pending: number }> {
  return page.evaluate(() => {
    const app = document.querySelector('display-app') as unknown as { announcements: AnnouncementView[]; pending: number };
    return { announcements: app.announcements.map((a) => ({ ...a, phrases: [...a.phrases] })), pending: app.pending };
  });
}

/** The numbers on screen: the one shown large, and the history rows beside it (newest first). */
export async function displayNumbers(page: Page): Promise<{ featured: string | null; history: string[] }> {
  const featured = page.locator('display-featured-call .panel[data-number]');
  return {
    featured: (await featured.count()) ? await featured.getAttribute('data-number') : null,
    history: await page.locator('display-call-history li[data-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')!)),
  };
}

/** Opens the display and waits until it is live on the socket. */
export async function openDisplay(newPage: () => Promise<Page>, url: string, query = 'device=demo-display'): Promise<Page> {
  const page = await newPage();
  await page.goto(`${url}/display?${query}`);
  await page.locator('display-app[state="online"]').waitFor({ timeout: 10_000 });
  return page;
}
