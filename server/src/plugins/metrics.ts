import fp from 'fastify-plugin';
import { createHash, timingSafeEqual } from 'node:crypto';
import { statfsSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { DomainError, type CallData, type StepData } from '@luukku/shared';
import type { StoredEvent } from '../commands/context.js';
import { isLoopbackHost } from '../config.js';

/**
 * GET /metrics in the Prometheus text format (0.0.4). A dozen series need no client library:
 * counters and histograms are kept here from committed events; gauges are read at scrape time
 * from the database and the socket server, so they are right even just after a restart.
 *
 * Who may read it: with LUUKKU_METRICS_TOKEN set, whoever sends it as the basic-auth password
 * (a bearer token would be taken for a device token); without it, only a direct connection
 * from this machine to a server that listens on loopback only — not one relayed by a reverse
 * proxy, which would make it public.
 */

type Labels = Record<string, string>;

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
};
const num = (n: number) => (n === Infinity ? '+Inf' : n === -Infinity ? '-Inf' : Number.isNaN(n) ? 'NaN' : String(n));

class Exposition {
  private readonly lines: string[] = [];
  family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): this {
    this.lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`);
    return this;
  }
  sample(name: string, labels: Labels, value: number): this {
    this.lines.push(`${name}${labelText(labels)} ${num(value)}`);
    return this;
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

class Counter {
  private readonly series = new Map<string, { labels: Labels; value: number }>();
  inc(labels: Labels, by = 1): void {
    const key = labelText(labels);
    const s = this.series.get(key) ?? { labels, value: 0 };
    s.value += by;
    this.series.set(key, s);
  }
  get(labels: Labels): number {
    return this.series.get(labelText(labels))?.value ?? 0;
  }
  all(): { labels: Labels; value: number }[] {
    return [...this.series.values()];
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly buckets: readonly number[]) {}
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    const s = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((le, i) => {
      if (value <= le) s.counts[i]!++;
    });
    s.sum += value;
    s.count++;
    this.series.set(key, s);
  }
  write(out: Exposition, name: string): void {
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => out.sample(`${name}_bucket`, { ...s.labels, le: num(le) }, s.counts[i]!));
      out.sample(`${name}_bucket`, { ...s.labels, le: '+Inf' }, s.count);
      out.sample(`${name}_sum`, s.labels, s.sum);
      out.sample(`${name}_count`, s.labels, s.count);
    }
  }
}

const socketKinds = ['display', 'kiosk', 'staff', 'visit'] as const;
const callNextRoute = '/api/desks/:id/call-next';
const printRoute = '/api/kiosk/print';

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function dataDirSpace(dir: string): { free: number; size: number } | null {
  try {
    const s = statfsSync(dir);
    return { free: s.bavail * s.bsize, size: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Throws the answer for a caller who may not read the metrics. */
function checkAccess(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): void {
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

export default fp(
  async (app) => {
    const visitsIssued = new Counter();
    const printFailures = new Counter();
    // waits run from a minute to a couple of hours; latency from a millisecond to a stuck disk
    const waitSeconds = new Histogram([30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800]);
    const callNextSeconds = new Histogram([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);

    const hubSlugs = new Map<number, string>();
    const hubSlug = (hubId: number) => {
      let slug = hubSlugs.get(hubId);
      if (slug === undefined) hubSlugs.set(hubId, (slug = app.q.hub(hubId)?.slug ?? String(hubId)));
      return slug;
    };
    const serviceCode = (serviceId: number) => app.q.service(serviceId)?.code ?? String(serviceId);

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

    const render = (): string => {
      const out = new Exposition();
      const hubs = app.q.hubs();
      const now = app.config.now().getTime();

      out.family('luukku_visits_issued_total', 'counter', 'Visits issued (one public number each) since the server started');
      for (const h of hubs) out.sample('luukku_visits_issued_total', { hub: h.slug }, visitsIssued.get({ hub: h.slug }));

      out.family('luukku_waiting_visitors', 'gauge', 'Visitors waiting in each line now');
      const longest: [Labels, number][] = [];
      for (const h of hubs) {
        const counts = new Map(app.q.waitingCounts(h.id).map((c) => [c.serviceId, c]));
        for (const s of app.q.services(h.id).filter((x) => x.active)) {
          const c = counts.get(s.id);
          const labels = { hub: h.slug, service: s.code };
          out.sample('luukku_waiting_visitors', labels, c?.waiting ?? 0);
          longest.push([labels, c ? Math.max(0, (now - c.oldestQueueTime) / 1000) : 0]);
        }
      }
      out.family('luukku_longest_wait_seconds', 'gauge', 'How long the first in each line has been waiting since their queue time');
      for (const [labels, v] of longest) out.sample('luukku_longest_wait_seconds', labels, v);

      out.family('luukku_wait_seconds', 'histogram', 'Seconds from a visitor\'s queue time to being called, by the line they were called from');
      waitSeconds.write(out, 'luukku_wait_seconds');

      out.family('luukku_call_next_duration_seconds', 'histogram', 'Call next: seconds from the request arriving to its transaction committing');
      callNextSeconds.write(out, 'luukku_call_next_duration_seconds');

      out.family('luukku_connected_sockets', 'gauge', 'Realtime connections now, by kind: display, kiosk, staff, visit (phone page)');
      const sockets = app.hasDecorator('realtime') ? app.realtime.countSockets() : [];
      for (const h of hubs) {
        for (const kind of socketKinds) {
          const n = sockets.find((s) => s.hubId === h.id && s.kind === kind)?.count ?? 0;
          out.sample('luukku_connected_sockets', { hub: h.slug, kind }, n);
        }
      }

      out.family('luukku_print_failures_total', 'counter', 'Tickets a kiosk printer failed to print since the server started');
      for (const s of printFailures.all()) out.sample('luukku_print_failures_total', s.labels, s.value);

      // a full disk stops issuing; alert on this before it happens (a folder not made yet has no sample)
      const disk = dataDirSpace(app.config.dataDir);
      if (disk) {
        out.family('luukku_data_dir_free_bytes', 'gauge', 'Bytes free to the server on the file system of its data folder').sample('luukku_data_dir_free_bytes', {}, disk.free);
        out.family('luukku_data_dir_size_bytes', 'gauge', 'Size in bytes of the file system of the data folder').sample('luukku_data_dir_size_bytes', {}, disk.size);
      }

      const mem = process.memoryUsage();
      const cpu = process.cpuUsage();
      out.family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes').sample('process_resident_memory_bytes', {}, mem.rss);
      out.family('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap in use in bytes').sample('nodejs_heap_size_used_bytes', {}, mem.heapUsed);
      out.family('process_cpu_seconds_total', 'counter', 'User and system CPU time spent in seconds').sample('process_cpu_seconds_total', {}, (cpu.user + cpu.system) / 1e6);
      out.family('process_start_time_seconds', 'gauge', 'Start time of the process since the Unix epoch in seconds')
        .sample('process_start_time_seconds', {}, Math.round((Date.now() - process.uptime() * 1000) / 1000));
      return out.toString();
    };

    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      checkAccess(app, req, reply);
      reply.type('text/plain; version=0.0.4; charset=utf-8');
      return render();
    });
  },
  { name: 'metrics', dependencies: ['database', 'auth'] },
);
