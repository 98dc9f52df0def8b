import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Metric, Registry } from 'prom-client';

type Sample = { metricName: string; labels: Record<string, string | number>; value: number };

/**
 * Event-loop lag as a Prometheus histogram. perf_hooks samples the loop every `resolutionMs`
 * in native code into an HDR histogram; each scrape reads the bucket counts from it, so nothing
 * of ours runs on the loop between scrapes.
 * A sample is the time between two ticks, so the lag is that time minus the resolution (a tick
 * that follows a late one can come early; it counts as no lag).
 */
const resolutionMs = 10;
// from "nothing to see" to a synchronous report that stops every screen for seconds
const eventLoopLagBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/**
 * How many of the recorded samples are at most `ns` long. percentile(100·k/n) is the k-th
 * smallest sample (HDR rounds the rank to the nearest whole count), so bisect on k.
 */
function countAtMost(h: IntervalHistogram, ns: number): number {
  const n = h.count;
  if (h.max <= ns) return n;
  if (h.min > ns) return 0;
  let lo = 1; // the smallest sample is at most ns
  let hi = n; // the largest is not
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (h.percentile((100 * mid) / n) <= ns) lo = mid;
    else hi = mid;
  }
  return lo;
}

export interface EventLoopLag {
  /** Stops the monitor (on app close). */
  stop(): void;
}

export function eventLoopLagHistogram(registry: Registry, name = 'luukku_event_loop_lag_seconds'): EventLoopLag {
  const monitor = monitorEventLoopDelay({ resolution: resolutionMs });
  monitor.enable();
  const resolutionNs = resolutionMs * 1e6;
  // the monitor is never reset: a reset also forgets the tick in progress, so a scrape that ran
  // just after a stall, before the monitor's next tick, would lose the stall. Its counts are
  // cumulative, as Prometheus wants; only the sum is carried here, so that it never falls
  let seen = { count: 0, delayNs: 0 };
  let sumSeconds = 0;

  // prom-client's Histogram takes one observation at a time; this family is read from a
  // histogram kept natively, so it is a metric object of its own that the registry renders
  const metric = {
    name,
    help: 'Event-loop lag in seconds: how late the loop ran a timer due every 10 ms',
    type: 'histogram',
    aggregator: 'sum',
    async get() {
      const count = monitor.count;
      const delayNs = count === 0 ? 0 : monitor.mean * count;
      sumSeconds += Math.max(0, delayNs - seen.delayNs - resolutionNs * (count - seen.count)) / 1e9;
      seen = { count, delayNs };
      const values: Sample[] = eventLoopLagBuckets.map((le) => ({ metricName: `${name}_bucket`, labels: { le }, value: countAtMost(monitor, le * 1e9 + resolutionNs) }));
      values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf' }, value: count });
      values.push({ metricName: `${name}_sum`, labels: {}, value: sumSeconds });
      values.push({ metricName: `${name}_count`, labels: {}, value: count });
      return { name, help: metric.help, type: 'histogram', aggregator: 'sum', values };
    },
    reset(): void {
      monitor.reset();
      seen = { count: 0, delayNs: 0 };
      sumSeconds = 0;
    },
  };
  registry.registerMetric(metric as unknown as Metric);
  return { stop: () => monitor.disable() };
}
