import { tmpdir } from 'node:os';
import type { Agent } from 'node:https';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { oidcFromEnv, type OidcConfig } from './auth/oidc-config.js';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Every setting comes from the environment through this one schema; defaults suit the demo. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LUUKKU_DATA_DIR: z.string().min(1).default('./data'),
  /** Unset: seed the demo only when serving on loopback; its logins and tokens are public. */
  LUUKKU_DEMO: flag.optional(),
  LUUKKU_KIOSK_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  LUUKKU_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  LUUKKU_PUBLIC_URL: z.url().optional(),
  /** Unset: /metrics answers only on loopback. Set: Prometheus sends it as the basic-auth password. */
  LUUKKU_NOTES_KEEP_DAYS: z.coerce.number().int().min(0).max(30).default(0),
  LUUKKU_METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/, '16–200 printable characters, no spaces').optional(),
  LUUKKU_REPORT_TIMEOUT_MS: z.coerce.number().int().min(1).max(3_600_000).default(60_000),
  LUUKKU_REPORT_QUEUE: z.coerce.number().int().min(0).max(1000).default(32),
  LUUKKU_REPORT_WORKER: flag.default(true),
  LUUKKU_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(500),
  LUUKKU_SOCKET_SYNCS_PER_SECOND: z.coerce.number().positive().max(10_000).default(2),
  /** How often live staff sockets are checked against their session (ms): an expired one is cut. */
  LUUKKU_SOCKET_SWEEP_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LUUKKU_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** scrypt cost as log2(N); 17 is OWASP's floor. Below 17 only for tests and tools. */
  LUUKKU_SCRYPT_LOG2N: z.coerce.number().int().min(10).max(20).default(17),
  LUUKKU_LOGIN_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  LUUKKU_PAIRING_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(10),
  LUUKKU_PAIRINGS_MAX: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Fastify's trustProxy: 1/true trusts every proxy, a number counts hops, else addresses or CIDRs. */
  LUUKKU_TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]{1,500}$/)
    .transform((v): boolean | number | string => (/^(1|true|yes)$/.test(v) ? true : /^(0|false|no)$/.test(v) ? false : /^\d+$/.test(v) ? Number(v) : v))
    .default(false),
  LUUKKU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** The espeak-ng program that renders a call as audio when a display's browser has no voice; empty turns it off. */
  LUUKKU_ESPEAK_PATH: z.string().max(500).default('/usr/bin/espeak-ng'),
  /** Rendered call audio kept in memory, in MB (0: render every time). */
  LUUKKU_SPEECH_CACHE_MB: z.coerce.number().min(0).max(1024).default(32),
  /** The VAPID contact push services may write to about this server's notifications. */
  LUUKKU_PUSH_SUBJECT: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'a mailto: or https: contact').default('mailto:luukku-admin@example.org'),
  /** Push services a phone may subscribe with, comma-separated host names ('*.' for subdomains); the server posts only there. */
  LUUKKU_PUSH_HOSTS: z
    .string()
    .regex(/^[\w.*:-]+(\s*,\s*[\w.*:-]+)*$/, 'host names separated by commas')
    .default('fcm.googleapis.com,updates.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com'),
  /** A push service that takes longer than this (ms) to answer is given up on. */
  LUUKKU_PUSH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Answers per feedback tablet per minute; 0 turns the limit off. */
  LUUKKU_FEEDBACK_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(12),
  /** The demo hub's appointments for today (check-in codes AJAN22…), seeded when today has none. */
  LUUKKU_DEMO_APPOINTMENTS: flag.default(true),
  /** Sign-in with the organisation's account: the OpenID provider's issuer URL; unset turns it off. */
  LUUKKU_OIDC_ISSUER: z.url().optional(),
  LUUKKU_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  LUUKKU_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** Default: LUUKKU_PUBLIC_URL + /api/auth/oidc/callback. */
  LUUKKU_OIDC_REDIRECT_URL: z.url().optional(),
  LUUKKU_OIDC_SCOPES: z.string().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'scopes separated by single spaces').max(1000).default('openid profile email'),
  /** The claims mapping as JSON (see the README), or the path of a file holding it. */
  LUUKKU_OIDC_CLAIMS: z.string().max(100_000).optional(),
  LUUKKU_OIDC_CLAIMS_FILE: z.string().min(1).max(1000).optional(),
  /** Plain http to a loopback issuer, for tests only; refused for any other issuer. */
  LUUKKU_OIDC_ALLOW_HTTP: flag.default(false),
  /** 0 turns local passwords off for everyone but the LUUKKU_BREAK_GLASS users. */
  LUUKKU_LOCAL_PASSWORDS: flag.default(true),
  /** Usernames (comma-separated) that may still log in with a password when local passwords are off. */
  LUUKKU_BREAK_GLASS: z.string().regex(/^[\w.@-]*(\s*,\s*[\w.@-]+)*$/, 'usernames separated by commas').max(1000).default(''),
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
  /** A report running longer is stopped (its worker restarted) and answered 504 REPORT_TIMEOUT. */
  reportTimeoutMs: number;
  /** Reports that may wait behind the running one; more are answered 503 REPORTS_BUSY. */
  reportQueue: number;
  /** Reports run in a worker thread on their own read-only connection; false (and ':memory:') runs them inline. */
  reportWorker: boolean;
  /** Where the log goes instead of stdout (tests read it); not a setting, so not in EnvSchema. */
  logStream?: { write: (line: string) => unknown };
  /** Realtime connections one client address may hold open (a hub's Wi-Fi puts many phones behind one). */
  socketsPerAddress: number;
  /** `sync` requests one socket may send per second, after a burst of five seconds' worth (at least 10). */
  socketSyncsPerSecond: number;
  /** scrypt cost of new password hashes, as log2(N); a login with a cheaper stored hash rehashes. */
  scryptLog2N: number;
  /** Login attempts per client address per minute; 0 turns the limit off. */
  loginRateLimitPerMinute: number;
  /** Anonymous pairing requests per client address per minute; 0 turns the limit off. */
  pairingRateLimitPerMinute: number;
  /** Pairing codes outstanding at once, server-wide. */
  pairingsMax: number;
  /** Fastify's trustProxy: whether (or which) proxies' X-Forwarded-* headers to believe. */
  trustProxy: boolean | number | string;
  /** A session ends after this long without a request, within the absolute sessionHours. */
  sessionIdleMinutes: number;
  /** How often live staff sockets are checked against their session, in ms. */
  socketSweepMs: number;
  /** Where the built UIs are; absent ones are simply not served. */
  uiDir: string;
  /** The clock every rule reads; tests move it. */
  now: () => Date;
  /** How many backups the `backup` command keeps in <data>/backups (older ones are deleted). */
  backupKeep: number;
  /** espeak-ng, for displays whose browser has no voice; '' means the server renders no audio. */
  espeakPath: string;
  /** Bytes of rendered call audio kept in memory. */
  speechCacheBytes: number;
  /** VAPID subject: mailto: or https: contact. */
  pushSubject: string;
  /** Host names (or '*.domain') of the push services a subscription may point at. */
  pushHosts: string[];
  pushTimeoutMs: number;
  /** Where the VAPID key pair is kept (created 0600 on first start); null keeps a fresh pair in memory (tests). */
  pushKeysFile: string | null;
  /** The HTTPS agent for push requests; tests give one that trusts their local push service. Not a setting. */
  pushAgent?: Agent;
  /** Answers one feedback tablet may give per minute (0: no limit). */
  feedbackRateLimitPerMinute: number;
  /** Seed today's demo appointments on start when the demo hub has none for today. */
  demoAppointments: boolean;
  /** Sign-in with the organisation's account; null when not configured. */
  oidc: OidcConfig | null;
  /** Whether local passwords log in; when false only breakGlassUsers may. */
  localPasswords: boolean;
  /** Usernames (lower case) that log in with a password even when local passwords are off. */
  breakGlassUsers: string[];
}

/** Whether HOST listens on this machine only (no one on the network can reach it directly). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
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
    demo: e.LUUKKU_DEMO ?? isLoopbackHost(e.HOST),
    kioskRateLimitPerMinute: e.LUUKKU_KIOSK_RATE_LIMIT,
    sessionHours: e.LUUKKU_SESSION_HOURS,
    publicUrl: e.LUUKKU_PUBLIC_URL,
    metricsToken: e.LUUKKU_METRICS_TOKEN,
    notesKeepDays: e.LUUKKU_NOTES_KEEP_DAYS,
    logLevel: e.LOG_LEVEL,
    reportTimeoutMs: e.LUUKKU_REPORT_TIMEOUT_MS,
    reportQueue: e.LUUKKU_REPORT_QUEUE,
    reportWorker: e.LUUKKU_REPORT_WORKER,
    socketsPerAddress: e.LUUKKU_SOCKETS_PER_ADDRESS,
    socketSyncsPerSecond: e.LUUKKU_SOCKET_SYNCS_PER_SECOND,
    scryptLog2N: e.LUUKKU_SCRYPT_LOG2N,
    loginRateLimitPerMinute: e.LUUKKU_LOGIN_RATE_LIMIT,
    pairingRateLimitPerMinute: e.LUUKKU_PAIRING_RATE_LIMIT,
    pairingsMax: e.LUUKKU_PAIRINGS_MAX,
    trustProxy: e.LUUKKU_TRUST_PROXY,
    sessionIdleMinutes: e.LUUKKU_SESSION_IDLE_MINUTES,
    socketSweepMs: e.LUUKKU_SOCKET_SWEEP_MS,
    uiDir: resolve(import.meta.dirname, '../..'),
    now: () => new Date(),
    backupKeep: e.LUUKKU_BACKUP_KEEP,
    espeakPath: e.LUUKKU_ESPEAK_PATH,
    speechCacheBytes: Math.round(e.LUUKKU_SPEECH_CACHE_MB * 1024 * 1024),
    pushSubject: e.LUUKKU_PUSH_SUBJECT,
    pushHosts: pushHostList(e.LUUKKU_PUSH_HOSTS),
    pushTimeoutMs: e.LUUKKU_PUSH_TIMEOUT_MS,
    pushKeysFile: resolve(dataDir, 'vapid.json'),
    feedbackRateLimitPerMinute: e.LUUKKU_FEEDBACK_RATE_LIMIT,
    demoAppointments: e.LUUKKU_DEMO_APPOINTMENTS,
    oidc: oidcFromEnv(e),
    localPasswords: e.LUUKKU_LOCAL_PASSWORDS,
    breakGlassUsers: usernameList(e.LUUKKU_BREAK_GLASS),
  };
}

const usernameList = (v: string): string[] => v.split(',').map((u) => u.trim().toLowerCase()).filter(Boolean);
const pushHostList = (v: string): string[] => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);

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
    reportTimeoutMs: 60_000,
    reportQueue: 32,
    reportWorker: true,
    // tests and benchmarks open hundreds of sockets from 127.0.0.1
    socketsPerAddress: 100_000,
    socketSyncsPerSecond: 2,
    // cheap hashes keep the suite fast; the login tests that need the real cost set it
    scryptLog2N: 10,
    // off, like the kiosk limit: the suite logs in from one address all the time
    loginRateLimitPerMinute: 0,
    pairingRateLimitPerMinute: 0,
    // the auth matrix pairs a device per identity and route; the cap's own test sets it low
    pairingsMax: 1000,
    trustProxy: false,
    // a day: tests move the clock by hours between a login and its use; the idle tests set 30
    sessionIdleMinutes: 24 * 60,
    socketSweepMs: 1000,
    uiDir: resolve(import.meta.dirname, '../..'),
    now: () => new Date(),
    backupKeep: 7,
    espeakPath: '/usr/bin/espeak-ng',
    speechCacheBytes: 8 * 1024 * 1024,
    pushSubject: 'mailto:luukku-admin@example.org',
    pushHosts: pushHostList(EnvSchema.shape.LUUKKU_PUSH_HOSTS.parse(undefined)),
    pushTimeoutMs: 10_000,
    // a fresh pair per test app: nothing to clean up, and no test reads another's key
    pushKeysFile: null,
    // on, at its default: one test flood-taps a tablet; no other test answers this often
    feedbackRateLimitPerMinute: 12,
    // off: the suite's lines and estimates assume no appointments; the demo's own tests turn it on
    demoAppointments: false,
    oidc: null,
    localPasswords: true,
    breakGlassUsers: [],
    ...overrides,
  };
}
