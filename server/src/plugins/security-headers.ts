import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The HTML pages the UIs build to; their inline blocks are what the CSP must allow by hash. */
const pages = ['kiosk-ui/dist/index.html', 'kiosk-ui/dist/feedback.html', 'staff-ui/dist/index.html', 'display-ui/dist/index.html', 'display-ui/dist/phone.html'];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of the inline <style> and <script> blocks of the built pages, read once at start. */
export function inlineHashes(uiDir: string): { styles: string[]; scripts: string[] } {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  for (const page of pages) {
    const file = join(uiDir, page);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(sha256(m[1]!));
    for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) scripts.add(sha256(m[1]!));
  }
  return { styles: [...styles], scripts: [...scripts] };
}

/**
 * Security headers on every answer (@fastify/helmet). The CSP allows only the server's own
 * origin: scripts are Vite's module files, styles are the pages' few inline blocks by hash and
 * Lit's constructed stylesheets (which CSP does not govern), sockets are the same origin
 * ('self' covers ws: and wss: of it). Nothing may frame the pages. HSTS and
 * upgrade-insecure-requests only when the public URL is https: on a plain-http LAN they would
 * break the kiosk. API answers are never stored by a browser or proxy: they hold visitors.
 */
export default fp(
  async (app) => {
    const tls = app.config.publicUrl?.startsWith('https:') ?? false;
    const { styles, scripts } = inlineHashes(app.config.uiDir);
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...scripts],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", ...styles],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(tls ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: tls ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    });
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/api/') || req.url === '/api') void reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers', dependencies: ['database'] },
);
