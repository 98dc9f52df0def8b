import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp, testConfig, type Config } from '@luukku/server';

export interface RunningHub {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  close: () => Promise<void>;
}

/** The real server with the built UIs and the demo hub, on a free port, with its own data folder. */
export async function startServer(overrides: Partial<Config> = {}, port = 0): Promise<RunningHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luukku-e2e-'));
  const app = await buildApp(
    testConfig({
      dataDir,
      databasePath: join(dataDir, 'luukku.sqlite'),
      uiDir: fileURLToPath(new URL('../../..', import.meta.url)),
      ...overrides,
    }),
  );
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${listening}`,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A staff member's session on the running server, for driving the queue from a test. */
export async function staffSession(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(url + path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  return { cookie, call };
}
