import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { Http } from './http.js';
import { summarize, type Summary } from './stats.js';

export interface LoadResult {
  /** Successful (2xx) answers per second over the measured time. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  latency: Summary;
  /** Every successful request's latency, ms. */
  samples: number[];
}

export interface RequestSpec {
  method: 'POST' | 'GET';
  path: string;
  headers?: Record<string, string>;
  /** A fresh body for every request (unique idempotency keys). */
  body?: () => unknown;
}

/**
 * Closed loop at full speed: autocannon with `connections` keep-alive connections, each sending
 * its next request as soon as the previous answer arrives. Latencies are taken from autocannon's
 * per-response durations (float ms), not its whole-millisecond histogram.
 */
export function closedLoop(url: string, spec: RequestSpec, opts: { connections: number; seconds: number }): Promise<LoadResult> {
  const samples: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        duration: opts.seconds,
        timeout: 10,
        requests: [
          {
            method: spec.method,
            path: spec.path,
            headers: { ...(spec.headers ?? {}), ...(spec.body ? { 'content-type': 'application/json' } : {}) },
            ...(spec.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(spec.body!()) }) } : {}),
          },
        ],
      },
      (err, result) => {
        if (err) {
          reject(err);
          return;
        }
        const ok = result['2xx'];
        const seconds = result.duration;
        resolve({ rps: ok / seconds, ok, non2xx: result.non2xx, errors: result.errors + result.timeouts, seconds, latency: summarize(samples), samples });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
}

/**
 * Open loop at a fixed rate: one request every 1000/rate ms on a schedule that does not wait
 * for answers (autocannon's rate limit sends each second's quota in a burst, which is not a
 * steady rate). Latency counts from the scheduled moment, so a stalled server is not hidden
 * by requests that were sent late (coordinated omission). Bounded by count and by time.
 */
export async function openLoop(url: string, spec: RequestSpec, opts: { rate: number; seconds: number }): Promise<LoadResult & { late: Summary }> {
  const http = new Http(url, 256, 10_000);
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  const lateBy: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const start = performance.now() + 20;
  let sent = 0;
  while (sent < total && performance.now() - start < opts.seconds * 1000 + 5_000) {
    const due = start + sent * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait - 0.5));
    // send everything that is due (timers are coarse: keep the schedule, not the timer's idea of it)
    while (sent < total && start + sent * interval <= performance.now() + 0.25) {
      const scheduled = start + sent * interval;
      lateBy.push(Math.max(0, performance.now() - scheduled));
      sent++;
      inflight.push(
        http.send(spec.method, spec.path, spec.body?.(), spec.headers).then(
          (a) => {
            if (a.status >= 200 && a.status < 300) {
              ok++;
              latencies.push(a.at - scheduled);
            } else non2xx++;
          },
          () => {
            errors++;
          },
        ),
      );
    }
  }
  const sentAll = performance.now();
  await Promise.all(inflight);
  const seconds = (sentAll - start) / 1000;
  http.close();
  return { rps: ok / seconds, ok, non2xx, errors, seconds, latency: summarize(latencies), samples: latencies, late: summarize(lateBy) };
}
