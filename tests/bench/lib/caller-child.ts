/**
 * A desk in its own process: sends the HTTP requests it is told to over IPC and reports when
 * each was sent and answered on the system's monotonic clock (process.hrtime, CLOCK_MONOTONIC,
 * the same in every process), so the bench process can compare those moments with when its
 * socket clients heard the result without the desk's answer queueing behind their messages.
 */
import { Http } from './http.js';

export interface CallerRequest {
  id: number;
  base: string;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface CallerAnswer {
  id: number;
  status: number;
  body: unknown;
  sentNs: string;
  returnedNs: string;
  error?: string;
}

const clients = new Map<string, Http>();
process.on('message', (m: CallerRequest | { type: 'close' }) => {
  if ('type' in m) {
    for (const c of clients.values()) c.close();
    process.exit(0);
  }
  let http = clients.get(m.base);
  if (!http) clients.set(m.base, (http = new Http(m.base, 4, 15_000)));
  const sent = process.hrtime.bigint();
  http.send(m.method, m.path, m.body, m.headers).then(
    (a) => process.send?.({ id: m.id, status: a.status, body: a.body, sentNs: String(sent), returnedNs: String(process.hrtime.bigint()) } satisfies CallerAnswer),
    (err: unknown) => process.send?.({ id: m.id, status: 0, body: null, sentNs: String(sent), returnedNs: String(process.hrtime.bigint()), error: String(err) } satisfies CallerAnswer),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
