/**
 * Issue 9 §2, safe defaults: the demo (admin/demo, demo-kiosk) was seeded on any fresh server,
 * /metrics answered any loopback connection even behind a proxy, and create-admin took the
 * password on the command line, where `ps` and the shell history see it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, configFromEnv } from '@luukku/server';
import { startHub, type TestHub } from '../support/app.js';

const root = resolve(import.meta.dirname, '../..');
let app: FastifyInstance | undefined;
let hub: TestHub | undefined;
let dir: string | undefined;

afterEach(async () => {
  await app?.close();
  await hub?.app.close();
  app = hub = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A server built exactly as `npm start` builds it, from these environment variables, on a fresh data folder. */
async function serverFromEnv(env: Record<string, string>): Promise<FastifyInstance> {
  dir = mkdtempSync(join(tmpdir(), 'luukku-defaults-'));
  app = await buildApp({ ...configFromEnv({ LUUKKU_DATA_DIR: dir, LOG_LEVEL: 'silent', ...env }), uiDir: dir });
  return app;
}

const demoLogin = (a: FastifyInstance) => a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'demo' } });
const demoKiosk = (a: FastifyInstance) => a.inject({ method: 'GET', url: '/api/services', headers: { authorization: 'Bearer demo-kiosk' } });

describe('the demo hub', () => {
  it('is not seeded on a server that listens beyond loopback unless LUUKKU_DEMO=1 asks for it', async () => {
    const a = await serverFromEnv({ HOST: '0.0.0.0' });
    expect(a.config.demo).toBe(false);
    expect((await demoLogin(a)).statusCode).toBe(401);
    expect((await demoKiosk(a)).statusCode).toBe(401);
  });

  it('is seeded when asked with LUUKKU_DEMO=1, on any address', async () => {
    const a = await serverFromEnv({ HOST: '0.0.0.0', LUUKKU_DEMO: '1' });
    expect((await demoLogin(a)).statusCode).toBe(200);
  });

  it('is seeded by default on loopback (npm start), and not with LUUKKU_DEMO=0', () => {
    expect(configFromEnv({}).demo).toBe(true);
    expect(configFromEnv({ HOST: '127.0.0.1' }).demo).toBe(true);
    expect(configFromEnv({ HOST: 'localhost' }).demo).toBe(true);
    expect(configFromEnv({ HOST: '::1' }).demo).toBe(true);
    expect(configFromEnv({ HOST: '127.0.0.1', LUUKKU_DEMO: '0' }).demo).toBe(false);
    expect(configFromEnv({ HOST: '192.168.1.20' }).demo).toBe(false);
    expect(configFromEnv({ HOST: '::' }).demo).toBe(false);
  });
});

describe('/metrics', () => {
  it('needs its token on a server that listens beyond loopback, even for a connection from this machine', async () => {
    hub = await startHub({ config: { host: '0.0.0.0' } });
    const res = await hub.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('answers with its token on a server that listens beyond loopback', async () => {
    const token = 'metrics-token-0123456789';
    hub = await startHub({ config: { host: '0.0.0.0', metricsToken: token } });
    const authorization = `Basic ${Buffer.from(`prometheus:${token}`).toString('base64')}`;
    const res = await hub.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.5', headers: { authorization } });
    expect(res.statusCode).toBe(200);
  });

  it('still answers a direct loopback connection without a token when the server listens on loopback only', async () => {
    hub = await startHub();
    const res = await hub.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
  });
});

/** Runs `luukku create-admin` as a real process from the sources; feeds stdin and waits for the exit. */
function createAdmin(args: string[], stdin: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli.ts'), 'create-admin', ...args], {
      cwd: root,
      env: { ...process.env, LUUKKU_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
    child.stdin.end(stdin);
  });
}

describe('create-admin', () => {
  it('reads the password from stdin, and that password logs in', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luukku-admin-'));
    const result = await createAdmin(['--username', 'paakayttaja'], 'a long passphrase 42\n', dir);
    expect(result.code, result.out).toBe(0);
    app = await buildApp({ ...configFromEnv({ LUUKKU_DATA_DIR: dir, LUUKKU_DEMO: '0', LOG_LEVEL: 'silent' }), uiDir: dir });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'paakayttaja', password: 'a long passphrase 42' } });
    expect(login.statusCode, login.body).toBe(200);
  });

  it('makes a region admin of a chosen hub with --region --hub-slug, and refuses a hub that does not exist', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luukku-admin-'));
    // a database with the demo's two hubs, as an install that has run
    app = await buildApp({ ...configFromEnv({ LUUKKU_DATA_DIR: dir, LUUKKU_DEMO: '1', LOG_LEVEL: 'silent' }), uiDir: dir });
    await app.close();
    app = undefined;
    const unknown = await createAdmin(['--username', 'alueen-paakayttaja', '--region', '--hub-slug', 'ei-ole'], 'a long passphrase 42\n', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('mantsala, pornainen');
    const made = await createAdmin(['--username', 'alueen-paakayttaja', '--region', '--hub-slug', 'pornainen'], 'a long passphrase 42\n', dir);
    expect(made.code, made.out).toBe(0);
    app = await buildApp({ ...configFromEnv({ LUUKKU_DATA_DIR: dir, LOG_LEVEL: 'silent' }), uiDir: dir });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alueen-paakayttaja', password: 'a long passphrase 42' } });
    expect(login.statusCode, login.body).toBe(200);
    const me = JSON.parse(login.body);
    expect(me.user.role).toBe('region_admin');
    expect(me.hubId).toBe(app.q.hubBySlug('pornainen')!.id);
  });

  it('refuses a password given on the command line, and creates nobody', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luukku-admin-'));
    const result = await createAdmin(['--username', 'paakayttaja', '--password', 'a long passphrase 42'], '', dir);
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/stdin|prompt/i);
    app = await buildApp({ ...configFromEnv({ LUUKKU_DATA_DIR: dir, LUUKKU_DEMO: '0', LOG_LEVEL: 'silent' }), uiDir: dir });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'paakayttaja', password: 'a long passphrase 42' } });
    expect(login.statusCode).toBe(401);
  });
});
