import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@luukku/shared';

/**
 * @fastify/rate-limit for the anonymous doors (login, pairing): off everywhere unless a route
 * asks with `config.rateLimit` (see `perAddress`). Counted per client address, which is the
 * proxy's X-Forwarded-For only when LUUKKU_TRUST_PROXY says to believe it.
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, ctx) => new DomainError('RATE_LIMITED', `Too many requests from this address; try again in ${ctx.after}`),
    });
  },
  { name: 'request-limits' },
);

/** A route's `config.rateLimit`: `perMinute` requests per address per minute; 0 turns it off. */
export const perAddress = (perMinute: number) => (perMinute > 0 ? { max: perMinute, timeWindow: 60_000 } : false);
