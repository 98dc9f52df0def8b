import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Config } from '@luukku/server';
import { startHub, type TestHub } from '../support/app.js';

// a tiny built UI with an inline style, as Vite writes them
const uiDir = mkdtempSync(join(tmpdir(), 'luukku-headers-'));
const inlineStyle = 'html,body{margin:0}';
mkdirSync(join(uiDir, 'staff-ui', 'dist'), { recursive: true });
writeFileSync(join(uiDir, 'staff-ui', 'dist', 'index.html'), `<!doctype html><html><head><style>${inlineStyle}</style></head><body></body></html>`);
afterAll(() => rmSync(uiDir, { recursive: true, force: true }));

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});
const start = async (config: Partial<Config> = {}) => (hub = await startHub({ config: { uiDir, ...config } }));
const get = (h: TestHub, url: string) => h.app.inject({ method: 'GET', url });

/** The CSP as a map of directive → sources. */
const csp = (header: unknown): Map<string, string[]> =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

describe('security headers', () => {
  it("sends a CSP of default-src 'self' with frame-ancestors 'none' and no unsafe-inline, on the API and the pages", async () => {
    const h = await start();
    for (const url of ['/api/health', '/staff/']) {
      const res = await get(h, url);
      expect(res.statusCode, url).toBe(200);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('default-src'), url).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(policy.get('object-src'), url).toEqual(["'none'"]);
      expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });

  it("allows the built pages' inline styles by their hashes", async () => {
    const h = await start();
    const hash = `'sha256-${createHash('sha256').update(inlineStyle).digest('base64')}'`;
    expect(csp((await get(h, '/staff/')).headers['content-security-policy']).get('style-src')).toContain(hash);
  });

  it('sends nosniff, Referrer-Policy no-referrer and X-Frame-Options DENY', async () => {
    const h = await start();
    const res = await get(h, '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('marks every /api answer Cache-Control: no-store, errors included, but not the static pages', async () => {
    const h = await start();
    expect((await get(h, '/api/health')).headers['cache-control']).toBe('no-store');
    expect((await get(h, '/api/me')).headers['cache-control']).toBe('no-store');
    expect((await get(h, '/api/nothing-here')).headers['cache-control']).toBe('no-store');
    expect((await get(h, '/staff/')).headers['cache-control']).not.toBe('no-store');
  });

  it('sends HSTS only when the public URL is https, and never upgrade-insecure-requests on plain http', async () => {
    const plain = await start();
    const res = await get(plain, '/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(false);
    await plain.app.close();

    const tls = await start({ publicUrl: 'https://tori.example.fi' });
    expect((await get(tls, '/api/health')).headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
});
