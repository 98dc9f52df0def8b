import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, testConfig, type Config } from '@luukku/server';
import { testClock, type TestClock } from './clock.js';

/** A Tuesday morning in Helsinki: every demo service is open, the pop-up too. */
export const tuesdayMorning = '2026-11-24T10:00:00+02:00';

export interface TestHub {
  app: FastifyInstance;
  clock: TestClock;
  /** Logs in a demo user and returns their cookie header value. */
  login: (username: string, password?: string) => Promise<string>;
  /** Injects with JSON body and the given identity. */
  call: (method: InjectOptions['method'], url: string, as?: Identity, body?: unknown) => Promise<{ status: number; body: any }>;
  ids: DemoIds;
}

export type Identity = { cookie: string } | { token: string } | null;

export interface DemoIds {
  service: Record<string, number>;
  desk: Record<string, number>;
  agency: Record<string, number>;
}

let keyCounter = 0;
/** A fresh idempotency key. */
export const key = (): string => `test-key-${process.pid}-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}`;

export async function startHub(options: { now?: string; config?: Partial<Config> } = {}): Promise<TestHub> {
  const clock = testClock(options.now ?? tuesdayMorning);
  const app = await buildApp(testConfig({ now: clock.now, ...options.config }));
  const call: TestHub['call'] = async (method, url, as = null, body) => {
    const headers: Record<string, string> = {};
    if (as && 'cookie' in as) headers.cookie = as.cookie;
    if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
    const res = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const login = async (username: string, password = 'demo') => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((x) => x.name === 'luukku_session');
    return `luukku_session=${c!.value}`;
  };
  const services = await call('GET', '/api/services', { token: 'demo-kiosk' });
  const desks = await call('GET', '/api/desks', { token: 'demo-kiosk' });
  const ids: DemoIds = {
    service: Object.fromEntries(services.body.services.map((s: any) => [s.code, s.id])),
    agency: Object.fromEntries(services.body.agencies.map((a: any) => [a.code, a.id])),
    desk: Object.fromEntries(desks.body.desks.map((d: any) => [d.name, d.id])),
  };
  return { app, clock, login, call, ids };
}

export const kiosk = { token: 'demo-kiosk' } as const;
export const display = { token: 'demo-display' } as const;
