import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromChild, ServerSpec, ToChild } from './server-child.js';
import type { CallerAnswer, CallerRequest } from './caller-child.js';

const entry = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export interface ServerStats {
  rss: number;
  heapUsed: number;
  cpuMs: number;
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /**
   * The server process's resident set size and JS heap (bytes), CPU time used so far (ms, user +
   * system), and its event-loop delay since the last `resetLoop` (ms). With `resetLoop` a new
   * delay window starts after the answer.
   */
  stats: (resetLoop?: boolean) => Promise<ServerStats>;
  stop: () => Promise<void>;
}

/**
 * Starts a server process (see server-child.ts). With BENCH_PROF=<dir> in the environment the
 * server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
 */
export async function startServer(spec: ServerSpec, timeoutMs = 60_000): Promise<ServerProcess> {
  const execArgv = ['--import', 'tsx'];
  if (process.env.BENCH_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`);
  const child: ChildProcess = fork(entry, [JSON.stringify(spec)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${spec.kind} server: not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (m: FromChild) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.port);
      } else if (m.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`${spec.kind} server failed: ${m.message}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.kind} server exited with ${code} before it was ready`));
    });
  });
  const ask = (m: ToChild) => child.send(m);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stats: (resetLoop = false) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no stats answer')), 10_000);
        const on = (m: FromChild) => {
          if (m.type !== 'stats') return;
          clearTimeout(timer);
          child.off('message', on);
          resolve({ rss: m.rss, heapUsed: m.heapUsed, cpuMs: m.cpuMs, loopP50Ms: m.loopP50Ms, loopP99Ms: m.loopP99Ms, loopMaxMs: m.loopMaxMs });
        };
        child.on('message', on);
        ask({ type: 'stats', resetLoop });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) ask({ type: 'close' });
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const callerEntry = fileURLToPath(new URL('./caller-child.ts', import.meta.url));

export interface Caller {
  /** Sends one request from the caller process; times are ms on the shared monotonic clock (nowMs). */
  send: (base: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; sent: number; returned: number }>;
  stop: () => Promise<void>;
}

/** Milliseconds on the system-wide monotonic clock, comparable across processes. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export async function startCaller(): Promise<Caller> {
  const child: ChildProcess = fork(callerEntry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('caller process not ready in 30 s')), 30_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  let next = 0;
  const waiting = new Map<number, (a: CallerAnswer) => void>();
  child.on('message', (a: CallerAnswer) => waiting.get(a.id)?.(a));
  return {
    send: (base, method, path, body, headers) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`caller: ${method} ${path} not answered in 20 s`));
        }, 20_000);
        waiting.set(id, (a) => {
          clearTimeout(timer);
          waiting.delete(id);
          if (a.error) reject(new Error(`caller: ${method} ${path}: ${a.error}`));
          else resolve({ status: a.status, body: a.body, sent: Number(BigInt(a.sentNs)) / 1e6, returned: Number(BigInt(a.returnedNs)) / 1e6 });
        });
        child.send({ id, base, method, path, body, headers } satisfies CallerRequest);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'close' });
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
