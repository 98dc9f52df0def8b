import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storageProbe } from '@luukku/db';
import { ErrorBody } from '@luukku/shared';

export const Health = z.object({ status: z.literal('ok'), time: z.string(), seq: z.number().int(), schemaVersion: z.number().int() });

export default async function healthRoutes(app: FastifyInstance) {
  const probe = storageProbe(app.db);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and a real database write; 503 STORAGE_UNAVAILABLE when the data cannot be written',
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
