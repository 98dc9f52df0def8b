import fp from 'fastify-plugin';
import { statfsSync } from 'node:fs';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { CallData, StepData } from '@luukku/shared';
import type { StoredEvent } from '../commands/context.js';
import { eventLoopLagHistogram } from './event-loop-lag.js';
import { checkMetricsAccess } from './metrics-access.js';
import { processMetrics } from './process-metrics.js';

/**
 * GET /metrics in the Prometheus text format (0.0.4), through prom-client. Each app has its own
 * registry (tests build many apps in one process). Counters and histograms are kept here from
 * committed events; gauges are read at scrape time (`collect`) from the database and the socket
 * server, so they are right even just after a restart. Access: see metrics-access.ts.
 */

const socketKinds = ['display', 'kiosk', 'staff', 'visit'] as const;
const callNextRoute = '/api/desks/:id/call-next';
const printRoute = '/api/kiosk/print';

function dataDirSpace(dir: string): { free: number; size: number } | null {
  try {
    const s = statfsSync(dir);
    return { free: s.bavail * s.bsize, size: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

export default fp(
  async (app) => {
    const registry = new Registry();
    const registers = [registry];

    const hubSlugs = new Map<number, string>();
    const hubSlug = (hubId: number) => {
      let slug = hubSlugs.get(hubId);
      if (slug === undefined) hubSlugs.set(hubId, (slug = app.q.hub(hubId)?.slug ?? String(hubId)));
      return slug;
    };
    const serviceCode = (serviceId: number) => app.q.service(serviceId)?.code ?? String(serviceId);

    /** Every active line of every hub, with its waiting count and how long its first has waited. */
    const lines = () => {
      const now = app.config.now().getTime();
      return app.q.hubs().flatMap((h) => {
        const counts = new Map(app.q.waitingCounts(h.id).map((c) => [c.serviceId, c]));
        return app.q.services(h.id).filter((s) => s.active).map((s) => {
          const c = counts.get(s.id);
          return { labels: { hub: h.slug, service: s.code }, waiting: c?.waiting ?? 0, longest: c ? Math.max(0, (now - c.oldestQueueTime) / 1000) : 0 };
        });
      });
    };

    const visitsIssued = new Counter({
      name: 'luukku_visits_issued_total',
      help: 'Visits issued (one public number each) since the server started',
      labelNames: ['hub'],
      registers,
      // every hub has a series from the start, so rate() sees its first visit
      collect() {
        for (const h of app.q.hubs()) this.inc({ hub: h.slug }, 0);
      },
    });
    new Gauge({
      name: 'luukku_waiting_visitors',
      help: 'Visitors waiting in each line now',
      labelNames: ['hub', 'service'],
      registers,
      collect() {
        this.reset();
        for (const l of lines()) this.set(l.labels, l.waiting);
      },
    });
    new Gauge({
      name: 'luukku_longest_wait_seconds',
      help: 'How long the first in each line has been waiting since their queue time',
      labelNames: ['hub', 'service'],
      registers,
      collect() {
        this.reset();
        for (const l of lines()) this.set(l.labels, l.longest);
      },
    });
    // waits run from a minute to a couple of hours; latency from a millisecond to a stuck disk
    const waitSeconds = new Histogram({
      name: 'luukku_wait_seconds',
      help: "Seconds from a visitor's queue time to being called, by the line they were called from",
      labelNames: ['hub', 'service'],
      buckets: [30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800],
      registers,
    });
    const callNextSeconds = new Histogram({
      name: 'luukku_call_next_duration_seconds',
      help: 'Call next: seconds from the request arriving to its transaction committing',
      labelNames: ['hub'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    new Gauge({
      name: 'luukku_connected_sockets',
      help: 'Realtime connections now, by kind: display, kiosk, staff, visit (phone page)',
      labelNames: ['hub', 'kind'],
      registers,
      collect() {
        this.reset();
        const sockets = app.hasDecorator('realtime') ? app.realtime.countSockets() : [];
        for (const h of app.q.hubs()) {
          for (const kind of socketKinds) {
            this.set({ hub: h.slug, kind }, sockets.find((s) => s.hubId === h.id && s.kind === kind)?.count ?? 0);
          }
        }
      },
    });
    const printFailures = new Counter({
      name: 'luukku_print_failures_total',
      help: 'Tickets a kiosk printer failed to print since the server started',
      labelNames: ['hub', 'device', 'name'],
      registers,
    });
    // a full disk stops issuing; alert on this before it happens (a folder not made yet has no sample)
    const diskGauge = (name: string, help: string, pick: (d: { free: number; size: number }) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const disk = dataDirSpace(app.config.dataDir);
          if (disk) this.set(pick(disk));
          else this.remove();
        },
      });
    diskGauge('luukku_data_dir_free_bytes', 'Bytes free to the server on the file system of its data folder', (d) => d.free);
    diskGauge('luukku_data_dir_size_bytes', 'Size in bytes of the file system of the data folder', (d) => d.size);

    const lag = eventLoopLagHistogram(registry);
    app.addHook('onClose', async () => lag.stop());
    const scraped = Registry.merge([processMetrics(), registry]);

    const countPrintFailure = async (req: FastifyRequest, reply: FastifyReply) => {
      if (reply.statusCode !== 503 || req.actor?.kind !== 'device') return;
      const device = req.actor.device;
      printFailures.inc({ hub: hubSlug(device.hubId), device: String(device.id), name: device.name });
    };
    // "call next" is synchronous from the handler's start to its commit, so while this wrapper
    // runs, the call event the commit publishes is this request's: request to commit, exactly
    let callingNext: FastifyReply | null = null;
    // hooks on the two routes concerned only, so no other request pays for the metrics
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.includes('POST')) return;
      if (route.url === callNextRoute) {
        const handler = route.handler as (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) => unknown;
        route.handler = function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
          callingNext = reply;
          try {
            return handler.call(this, req, reply);
          } finally {
            callingNext = null;
          }
        } as RouteHandlerMethod;
      }
      if (route.url === printRoute) {
        const existing = route.onResponse === undefined ? [] : Array.isArray(route.onResponse) ? route.onResponse : [route.onResponse];
        route.onResponse = [...existing, countPrintFailure] as typeof route.onResponse;
      }
    });

    app.onEvents((events: readonly StoredEvent[]) => {
      for (const e of events) {
        if (e.type === 'step') {
          const { change, step } = e.data as StepData;
          if (change === 'issued') visitsIssued.inc({ hub: hubSlug(e.hubId) });
          if (change === 'called' && step.calledAt) {
            const waited = (Date.parse(step.calledAt) - Date.parse(step.queueTime)) / 1000;
            waitSeconds.observe({ hub: hubSlug(e.hubId), service: serviceCode(step.serviceId) }, Math.max(0, waited));
          }
        } else if (e.type === 'call' && callingNext && !(e.data as CallData).recall) {
          callNextSeconds.observe({ hub: hubSlug(e.hubId) }, callingNext.elapsedTime / 1000);
          callingNext = null;
        }
      }
    });

    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      checkMetricsAccess(app, req, reply);
      reply.type(scraped.contentType);
      return scraped.metrics();
    });
  },
  { name: 'metrics', dependencies: ['database', 'auth'] },
);
