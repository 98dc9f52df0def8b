import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok'), time: z.string(), seq: z.number().int(), schemaVersion: z.number().int() });

export default async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
      time: app.config.now().toISOString(),
      seq: app.q.hubs().reduce((m, h) => Math.max(m, h.lastSeq), 0),
      schemaVersion: app.db.pragma('user_version', { simple: true }) as number,
    }),
  );
}
