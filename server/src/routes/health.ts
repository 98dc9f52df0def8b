import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storageProbe } from '@luukku/db';
import { ErrorBody } from '@luukku/shared';

/**
 * The write probe commits an fsync'd write; run on every call, it would let an anonymous caller
 * make the server write to disk as fast as it can poll. A healthy answer is trusted this long;
 * a failed one is retried sooner, so health turns back to ok soon after room is made.
 */
export const probeOkMs = 5_000;
export const probeRetryMs = 1_000;

export const Health = z.object({ status: z.literal('ok'), time: z.string(), seq: z.number().int(), schemaVersion: z.number().int() });

/** Runs the probe at most once per interval; between runs, repeats its last answer (or error). */
function cachedProbe(probe: (now: number) => void) {
  let last: { at: number; error: unknown } | null = null;
  return (now: number): void => {
    const fresh = last !== null && now >= last.at && now - last.at < (last.error === undefined ? probeOkMs : probeRetryMs);
    if (!fresh) {
      try {
        probe(now);
        last = { at: now, error: undefined };
      } catch (err) {
        last = { at: now, error: err ?? new Error('storage probe failed') };
      }
    }
    if (last!.error !== undefined) throw last!.error;
  };
}

export default async function healthRoutes(app: FastifyInstance) {
  const probe = cachedProbe(storageProbe(app.db));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and a real database write (at most every few seconds); 503 STORAGE_UNAVAILABLE when the data cannot be written',
        response: { 200: Health, 503: ErrorBody },
      },
    },
    async () => {
      // "ok" must mean a ticket could be issued now: a full disk fails this write (the error plugin answers 503)
      probe(app.config.now().getTime());
      return {
        status: 'ok' as const,
        time: app.config.now().toISOString(),
        seq: app.q.hubs().reduce((m, h) => Math.max(m, h.lastSeq), 0),
        schemaVersion: app.db.pragma('user_version', { simple: true }) as number,
      };
    },
  );
}
