import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Every setting comes from the environment through this one schema; defaults suit the demo. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LUUKKU_DATA_DIR: z.string().min(1).default('./data'),
  LUUKKU_DEMO: flag.default(true),
  LUUKKU_KIOSK_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  LUUKKU_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  LUUKKU_PUBLIC_URL: z.url().optional(),
  /** Unset: /metrics answers only on loopback. Set: Prometheus sends it as the basic-auth password. */
  LUUKKU_NOTES_KEEP_DAYS: z.coerce.number().int().min(0).max(30).default(0),
  LUUKKU_METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/, '16–200 printable characters, no spaces').optional(),
  /** How often live staff sockets are checked against their session (ms): an expired one is cut. */
  LUUKKU_SOCKET_SWEEP_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A file path, or ':memory:' in tests. */
  databasePath: string;
  demo: boolean;
  kioskRateLimitPerMinute: number;
  sessionHours: number;
  publicUrl: string | undefined;
  /** The password /metrics asks for; without one it answers only to loopback. */
  metricsToken: string | undefined;
  /** Referral notes are deleted at the end of their day plus this many days (0: tonight). */
  notesKeepDays: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** How often live staff sockets are checked against their session, in ms. */
  socketSweepMs: number;
  /** Where the built UIs are; absent ones are simply not served. */
  uiDir: string;
  /** The clock every rule reads; tests move it. */
  now: () => Date;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.LUUKKU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databasePath: resolve(dataDir, 'luukku.sqlite'),
    demo: e.LUUKKU_DEMO,
    kioskRateLimitPerMinute: e.LUUKKU_KIOSK_RATE_LIMIT,
    sessionHours: e.LUUKKU_SESSION_HOURS,
    publicUrl: e.LUUKKU_PUBLIC_URL,
    metricsToken: e.LUUKKU_METRICS_TOKEN,
    notesKeepDays: e.LUUKKU_NOTES_KEEP_DAYS,
    logLevel: e.LOG_LEVEL,
    socketSweepMs: e.LUUKKU_SOCKET_SWEEP_MS,
    uiDir: resolve(import.meta.dirname, '../..'),
    now: () => new Date(),
  };
}

let testApps = 0;

/** A config for tests and tools: in-memory database, demo seeded, no UI, quiet. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    // each test app its own folder: file-printer output of parallel tests must not meet
    dataDir: join(tmpdir(), `luukku-test-${process.pid}-${++testApps}`),
    databasePath: ':memory:',
    demo: true,
    kioskRateLimitPerMinute: 0,
    sessionHours: 12,
    publicUrl: undefined,
    metricsToken: undefined,
    notesKeepDays: 0,
    logLevel: 'silent',
    socketSweepMs: 1000,
    uiDir: resolve(import.meta.dirname, '../..'),
    now: () => new Date(),
    ...overrides,
  };
}
