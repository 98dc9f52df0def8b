/**
 * A demo hub (tests/support/app.ts) listening on a real port, driven over real HTTP
 * connections with fetch, so that requests really arrive side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@luukku/server';
import { startHub, type TestHub } from '../../support/app.js';
import { http, type JsonResponse } from './server-process.js';

export interface HttpHub {
  hub: TestHub;
  url: string;
  /** A request as a device (`token`), a staff member (`cookie`) or no one. */
  call: (method: string, path: string, who?: Who, body?: unknown) => Promise<JsonResponse>;
  login: (username: string, password?: string) => Promise<Who>;
  close: () => Promise<void>;
}

export type Who = { token: string } | { cookie: string } | null;

export async function startHttpHub(config: Partial<Config> = {}): Promise<HttpHub> {
  // an empty UI folder and a private data folder: nothing depends on a build or litters the repo
  const dir = mkdtempSync(join(tmpdir(), 'luukku-reliability-'));
  const hub = await startHub({ config: { uiDir: dir, dataDir: dir, ...config } });
  const url = await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const call: HttpHub['call'] = (method, path, who = null, body) =>
    http(url, method, path, { ...(who ?? {}), ...(body === undefined ? {} : { body }) });
  const login = async (username: string, password = 'demo'): Promise<Who> => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('luukku_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return { cookie: cookie.split(';')[0]! };
  };
  return {
    hub,
    url,
    call,
    login,
    close: async () => {
      await hub.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
