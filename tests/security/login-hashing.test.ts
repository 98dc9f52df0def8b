import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, configFromEnv, testConfig } from '@luukku/server';
import { startHub, type TestHub } from '../support/app.js';

let hub: TestHub | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'luukku-hashing-'));
  dirs.push(d);
  return d;
};
const costOf = (hash: string) => Number(hash.split('$')[1]);

describe('bounded password hashing', () => {
  it('serves a static page while 16 logins hash, before half of them are done', async () => {
    // a tiny built UI, so that the page is read from disk through libuv's pool like the real ones
    const uiDir = tempDir();
    mkdirSync(join(uiDir, 'kiosk-ui', 'dist'), { recursive: true });
    writeFileSync(join(uiDir, 'kiosk-ui', 'dist', 'index.html'), '<!doctype html><title>kiosk</title>');
    // the cost the finding was measured with: each hash holds a pool thread for tens of ms
    hub = await startHub({ config: { uiDir, scryptLog2N: 15 } });
    const app = hub.app;
    let loginsDone = 0;
    const users = ['kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi', 'neuvonta', 'admin'];
    const logins = Array.from({ length: 16 }, (_, i) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: users[i % 8], password: 'demo' } }).then((res) => {
        loginsDone++;
        return res.statusCode;
      }),
    );
    const page = await app.inject({ method: 'GET', url: '/kiosk/' });
    const doneWhenPageAnswered = loginsDone;
    expect(page.statusCode).toBe(200);
    expect(await Promise.all(logins)).toEqual(Array(16).fill(200));
    // unbounded, the page's file reads queue behind all 16 hashes on the 4 pool threads and
    // answer only once at least 12 logins are done; bounded, 2 threads stay free for files
    expect(doneWhenPageAnswered).toBeLessThan(8);
  });
});

describe('scrypt cost as a setting', () => {
  it('defaults to N=2^17 in production and refuses a cost below 2^10', () => {
    expect(configFromEnv({}).scryptLog2N).toBe(17);
    expect(configFromEnv({ LUUKKU_SCRYPT_LOG2N: '18' }).scryptLog2N).toBe(18);
    expect(() => configFromEnv({ LUUKKU_SCRYPT_LOG2N: '8' })).toThrow(/LUUKKU_SCRYPT_LOG2N/);
  });

  it('hashes new passwords at the configured cost, cheap in tests', async () => {
    expect(testConfig().scryptLog2N).toBeLessThanOrEqual(12);
    hub = await startHub({ config: { scryptLog2N: 11 } });
    expect(costOf(hub.app.q.userByUsername('kela')!.passwordHash)).toBe(2 ** 11);
  });

  it('rehashes a cheaper stored hash at the new cost when the user logs in', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'luukku.sqlite');
    const before = await buildApp(testConfig({ dataDir: dir, databasePath, scryptLog2N: 10 }));
    expect(costOf(before.q.userByUsername('kela')!.passwordHash)).toBe(2 ** 10);
    await before.close();

    const after = await buildApp(testConfig({ dataDir: dir, databasePath, scryptLog2N: 12 }));
    try {
      const res = await after.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kela', password: 'demo' } });
      expect(res.statusCode).toBe(200);
      expect(costOf(after.q.userByUsername('kela')!.passwordHash)).toBe(2 ** 12);
      // the new hash still takes the same password, and users who did not log in keep theirs
      const again = await after.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kela', password: 'demo' } });
      expect(again.statusCode).toBe(200);
      expect(costOf(after.q.userByUsername('kunta')!.passwordHash)).toBe(2 ** 10);
    } finally {
      await after.close();
    }
  });
});
