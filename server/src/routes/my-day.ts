import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, MyDay, localMoment, startOfLocalDay } from '@luukku/shared';
import { requireUser } from '../plugins/auth.js';

/** "My day" on the staff console: the signed-in user's own counts of the hub's local day. */
export default async function myDayRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/day',
    {
      schema: {
        tags: ['auth', 'staff'],
        summary: "The signed-in staff member's day: visitors served, their mean time at the desk, visitors referred on",
        response: { 200: MyDay, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const hub = app.q.hub(user.hubId)!;
      const now = app.config.now();
      const day = localMoment(now, hub.timeZone).date;
      const counts = app.q.myDay(hub.id, user.id, day, startOfLocalDay(now, hub.timeZone));
      // minutes to one decimal: a desk's visits are short, and a whole minute hides the change
      const averageMin = counts.meanMs === null ? null : Math.round(counts.meanMs / 6_000) / 10;
      return { day, served: counts.served, averageMin, referred: counts.referred };
    },
  );
}
