import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * prom-client's default Node.js metrics (CPU, memory, heap, handles, GC, its event-loop gauges)
 * in a registry of their own — never prom-client's global one. They describe the process, not
 * an app, and collectDefaultMetrics starts an event-loop monitor and a GC observer it never
 * stops, so they are collected once per process and shared by every app built in it (the tests
 * build hundreds), instead of leaking a monitor per app.
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    // its event-loop gauges read NaN (mean) and 9.2e9 s (min) when two scrapes come within one
    // 10 ms sample, and describe only the last scrape interval; luukku_event_loop_lag_seconds,
    // a histogram, replaces them
    for (const m of processRegistry.getMetricsAsArray()) {
      if (m.name.startsWith('nodejs_eventloop_lag_')) processRegistry.removeSingleMetric(m.name);
    }
  }
  return processRegistry;
}
