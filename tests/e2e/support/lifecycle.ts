import { afterAll, beforeAll } from 'vitest';
import { launch, type Browser } from './browser.js';
import type { Config } from '@luukku/server';
import { startServer, type RunningHub } from './server.js';

/** One server and one browser for a describe block, closed afterwards; `config` e.g. gives it a clock. */
export function useServerAndBrowser(config: Partial<Config> = {}): { readonly hub: RunningHub; readonly browser: Browser } {
  let hub: RunningHub | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    hub = await startServer(config);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
  return {
    get hub() {
      return hub!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** Takes a number as the demo kiosk does, over HTTP. */
export async function issueAtKiosk(url: string, body: { services: number[]; language?: string; needs?: object }) {
  const res = await fetch(`${url}/api/visits`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
    body: JSON.stringify({ language: 'fi', ...body, idempotencyKey: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${await res.text()}`);
  return (await res.json()) as { number: string; token: string; visitId: number };
}
