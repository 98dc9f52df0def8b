import fp from 'fastify-plugin';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { DomainError } from '@luukku/shared';
import type { Config } from '../config.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request comes from a page of another site, which must not act with the staff
 * cookie (SameSite alone is not enough: an older browser, or a sibling subdomain, sends it).
 * Browsers tell us by Origin and Sec-Fetch-Site. The hub's own pages are the origin with the
 * request's Host (whatever the scheme: nothing else answers on that host and port), or the
 * configured public URL, as a TLS proxy in front serves them. A request with neither header is
 * not from a browser page (curl, scripts, socket.io in Node) and carries no ambient cookie
 * risk, so it passes.
 */
export function isCrossSite(headers: IncomingHttpHeaders, config: Pick<Config, 'publicUrl' | 'trustProxy'>): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    if (config.publicUrl !== undefined && origin === new URL(config.publicUrl).origin) return false;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return true; // 'null' (sandboxed frames, file:, some redirects) or garbage
    }
    const forwarded = config.trustProxy ? first(headers['x-forwarded-host']) : undefined;
    return ![headers.host, forwarded].some((h) => h !== undefined && bare(h) === bare(host));
  }
  const site = first(headers['sec-fetch-site']);
  return site === 'cross-site' || site === 'same-site';
}

// URL drops a default port that a Host header may carry
const bare = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');
const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();

/** socket.io's `allowRequest`: the same check on the handshake, so no page elsewhere opens a staff socket. */
export const socketOriginCheck =
  (config: Pick<Config, 'publicUrl' | 'trustProxy'>) =>
  (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    const cross = isCrossSite(req.headers, config);
    callback(cross ? 'CROSS_SITE_REQUEST' : null, !cross);
  };

/**
 * Refuses unsafe methods from other sites with 403 CROSS_SITE_REQUEST, and drops Fastify's
 * text/plain parser: our API speaks JSON only, and text/plain is what a cross-site form or
 * fetch may send without a preflight.
 */
export default fp(
  async (app) => {
    app.removeContentTypeParser('text/plain');
    app.addHook('onRequest', async (req) => {
      if (safeMethods.has(req.method)) return;
      if (isCrossSite(req.headers, app.config)) {
        throw new DomainError('CROSS_SITE_REQUEST', 'This request came from a page of another site; it was refused');
      }
    });
  },
  { name: 'csrf', dependencies: ['database'] },
);
