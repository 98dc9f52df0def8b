import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@luukku/shared';
import { isLoopbackHost } from '../config.js';

/**
 * Who may read /metrics: with LUUKKU_METRICS_TOKEN set, whoever sends it as the basic-auth
 * password (a bearer token would be taken for a device token); without it, only a direct
 * connection from this machine to a server that listens on loopback only — not one relayed by a
 * reverse proxy, which would make it public.
 */

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Throws the answer for a caller who may not read the metrics. */
export function checkMetricsAccess(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): void {
  const token = app.config.metricsToken;
  if (token) {
    const m = req.headers.authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
    const decoded = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
    const password = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
    if (!timingSafeEqual(digest(password), digest(token))) {
      reply.header('www-authenticate', 'Basic realm="Luukku metrics", charset="UTF-8"');
      throw new DomainError('UNAUTHENTICATED', 'Send the metrics token as the basic-auth password');
    }
    return;
  }
  // a server reachable from the network may sit behind a proxy on this machine, whose connections
  // all look local: there, only the token opens the metrics
  if (!isLoopbackHost(app.config.host)) {
    throw new DomainError('FORBIDDEN', 'This server listens beyond loopback: set LUUKKU_METRICS_TOKEN to read /metrics');
  }
  const relayed = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
  if (!isLoopback(req.socket.remoteAddress) || relayed) {
    throw new DomainError('FORBIDDEN', 'Metrics are open to this machine only; set LUUKKU_METRICS_TOKEN to scrape from elsewhere');
  }
}
