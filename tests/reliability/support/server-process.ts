/**
 * The real server as a child process: built once with `tsc -b server`, started with
 * `node --conditions=luukku-dist server/dist/main.js` on a data folder, killed for real.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds server/dist (and shared, db) once. Test files run in parallel workers: a lock folder
 * keeps two builds from writing the same files while a server is loading them.
 */
export async function buildServer(): Promise<void> {
  const lock = join(tmpdir(), `luukku-build-${Buffer.from(repoRoot).toString('base64url').slice(-24)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed run is stale after two minutes
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held too long`);
      await sleep(100);
    }
  }
  try {
    await run('npx', ['tsc', '-b', 'server'], { cwd: repoRoot, timeout: 120_000 });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A port nobody listens on right now (the server prints none for PORT=0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote, for failure messages. */
  output: () => string;
  /** SIGKILL: no shutdown hook, no flush, no close. Resolves when the process is gone. */
  kill9: () => Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop: () => Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  env?: Record<string, string>;
  /** Extra node flags before the script (e.g. --expose-gc, --import a preload). */
  nodeArgs?: string[];
  /** stdio 'ipc' channel to the child (for a preload that answers messages). */
  ipc?: boolean;
  readyTimeoutMs?: number;
}

export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--conditions=luukku-dist', ...(options.nodeArgs ?? []), 'server/dist/main.js'], {
    cwd: repoRoot,
    // a clean environment: nothing of vitest's (NODE_ENV, NODE_OPTIONS) leaks into the server
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      LUUKKU_DATA_DIR: options.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LUUKKU_KIOSK_RATE_LIMIT: '0',
      // as in testConfig: cheap hashes, and no per-address login limit for a suite on one address
      LUUKKU_SCRYPT_LOG2N: '10',
      LUUKKU_LOGIN_RATE_LIMIT: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready (code ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within ${options.readyTimeoutMs ?? 20_000} ms:\n${output}`);
    }
    await sleep(25);
  }

  return {
    url,
    child,
    output: () => output,
    kill9: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
      await exited;
    },
  };
}

export interface JsonResponse {
  status: number;
  body: any;
}

/** One JSON request; rejects if the connection fails or the answer does not arrive whole. */
export async function http(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; cookie?: string; timeoutMs?: number } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
