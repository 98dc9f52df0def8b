import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { Clients, startRealtimeHub } from '../realtime/clients.js';
import { closedPort } from '../printing/support/fake-printer.js';
import { as, callNext, expectError, expectOk, issue, openDesk, sid, stepAction } from './helpers.js';

/** One scrape, parsed: every sample by `name{label="…",…}` (labels as written), and the families. */
interface Scrape {
  status: number;
  contentType: string;
  samples: Map<string, number>;
  types: Map<string, string>;
  text: string;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (\S+)$/;

/** A strict reading of the text format: anything that is not a comment, a TYPE/HELP or a valid sample fails the test. */
function parse(text: string): Pick<Scrape, 'samples' | 'types'> {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.split('\n').slice(0, -1)) {
    // prom-client leaves a blank line between families, which the format allows
    if (line === '') continue;
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      expect(['counter', 'gauge', 'histogram']).toContain(type);
      expect(types.has(name!), `TYPE ${name} twice`).toBe(false);
      types.set(name!, type!);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const m = sampleLine.exec(line);
    expect(m, `not a sample line: ${line}`).not.toBeNull();
    const [, name, labels = '', value] = m!;
    const family = [...types.keys()].find((f) => name === f || (types.get(f) === 'histogram' && /^_(bucket|sum|count)$/.test(name!.slice(f.length)) && name!.startsWith(f)));
    expect(family, `${name} has no TYPE line before it`).toBeDefined();
    const key = `${name}${labels}`;
    expect(samples.has(key), `${key} twice`).toBe(false);
    samples.set(key, value === '+Inf' ? Infinity : Number(value));
    expect(Number.isNaN(samples.get(key)), line).toBe(false);
  }
  return { samples, types };
}

async function scrape(hub: TestHub, headers: Record<string, string> = {}, remoteAddress?: string): Promise<Scrape> {
  const res = await hub.app.inject({ method: 'GET', url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });
  const contentType = String(res.headers['content-type']);
  if (res.statusCode !== 200) return { status: res.statusCode, contentType, samples: new Map(), types: new Map(), text: res.body };
  return { status: 200, contentType, text: res.body, ...parse(res.body) };
}

const value = (s: Scrape, key: string): number => {
  const v = s.samples.get(key);
  if (v === undefined) throw new Error(`no sample ${key} in\n${s.text}`);
  return v;
};

/** The buckets of one histogram series, in order, each cumulative count by its upper bound (`le` may come anywhere among the labels). */
function buckets(s: Scrape, name: string, labels: string): [number, number][] {
  const want = labels === '' ? [] : labels.split(',').sort();
  return [...s.samples.entries()]
    .filter(([k]) => k.startsWith(`${name}_bucket{`))
    .map(([k, v]) => {
      const parts = k.slice(name.length + 8, -1).split(',');
      const le = parts.find((p) => p.startsWith('le="'))!;
      return { rest: parts.filter((p) => p !== le).sort(), le: Number(le.slice(4, -1).replace('+Inf', 'Infinity')), v };
    })
    .filter((b) => b.rest.join(',') === want.join(','))
    .sort((a, b) => a.le - b.le)
    .map((b) => [b.le, b.v] as [number, number]);
}

let hub: TestHub | undefined;
const clients = new Clients(() => url);
let url = '';
const dirs: string[] = [];
afterEach(async () => {
  clients.closeAll();
  await hub?.app.close();
  hub = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('GET /metrics', () => {
  it('starts with every line at zero, in the Prometheus text format', async () => {
    hub = await startHub();
    const s = await scrape(hub);
    expect(s.status).toBe(200);
    expect(s.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(s.types.get('luukku_visits_issued_total')).toBe('counter');
    expect(s.types.get('luukku_waiting_visitors')).toBe('gauge');
    expect(s.types.get('luukku_wait_seconds')).toBe('histogram');
    expect(s.types.get('luukku_call_next_duration_seconds')).toBe('histogram');
    expect(s.types.get('luukku_connected_sockets')).toBe('gauge');
    expect(s.types.get('luukku_print_failures_total')).toBe('counter');
    expect(value(s, 'luukku_visits_issued_total{hub="mantsala"}')).toBe(0);
    for (const code of ['neuvonta', 'kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi', 'terveys']) {
      expect(value(s, `luukku_waiting_visitors{hub="mantsala",service="${code}"}`)).toBe(0);
    }
    for (const kind of ['display', 'kiosk', 'staff', 'visit']) {
      expect(value(s, `luukku_connected_sockets{hub="mantsala",kind="${kind}"}`)).toBe(0);
    }
    expect(value(s, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
  });

  it('counts issued visits, waiting lines, waits from queue time to call and call-next latency', async () => {
    hub = await startHub();
    const kela = await as(hub, 'kela');
    // 10:00 three Kela visitors and one for rental housing; a retry is not a new visit
    const first = await issue(hub, ['kela'], { idempotencyKey: 'metrics-retry-1' });
    expectOk(await hub.call('POST', '/api/visits', kiosk, { services: [sid(hub, 'kela')], language: 'fi', idempotencyKey: 'metrics-retry-1' }), 200);
    await issue(hub, ['kela']);
    await issue(hub, ['kela']);
    await issue(hub, ['asunnot']);
    // a refused issue (closed service is not; an unknown one is) counts nothing
    expectError(await hub.call('POST', '/api/visits', kiosk, { services: [9999], language: 'fi', idempotencyKey: 'metrics-unknown-1' }), 404, 'SERVICE_NOT_FOUND');

    let s = await scrape(hub);
    expect(value(s, 'luukku_visits_issued_total{hub="mantsala"}')).toBe(4);
    expect(value(s, 'luukku_waiting_visitors{hub="mantsala",service="kela"}')).toBe(3);
    expect(value(s, 'luukku_waiting_visitors{hub="mantsala",service="asunnot"}')).toBe(1);
    expect(s.samples.has('luukku_wait_seconds_count{hub="mantsala",service="kela"}')).toBe(false);

    // 10:07 the first is called after 7 minutes; 10:12 the second after 12
    await openDesk(hub, kela, '1', ['kela']);
    hub.clock.advanceMinutes(7);
    const called1 = expectOk(await callNext(hub, kela, '1'));
    expect(called1.step.number).toBe(first.number);
    hub.clock.advanceMinutes(5);
    expectOk(await stepAction(hub, kela, called1.step.id, 'finish'));
    const called2 = expectOk(await callNext(hub, kela, '1'));
    // a recall is not a new call: no second wait, no second latency
    expectOk(await stepAction(hub, kela, called2.step.id, 'recall'));
    // a refused call-next (desk busy) commits nothing and is not timed
    expectError(await callNext(hub, kela, '1'), 409, 'DESK_BUSY');

    s = await scrape(hub);
    const kelaLine = 'hub="mantsala",service="kela"';
    expect(value(s, 'luukku_visits_issued_total{hub="mantsala"}')).toBe(4);
    expect(value(s, `luukku_waiting_visitors{${kelaLine}}`)).toBe(1);
    expect(value(s, `luukku_wait_seconds_count{${kelaLine}}`)).toBe(2);
    expect(value(s, `luukku_wait_seconds_sum{${kelaLine}}`)).toBe(7 * 60 + 12 * 60);
    const waits = new Map(buckets(s, 'luukku_wait_seconds', kelaLine));
    expect(waits.get(300)).toBe(0);
    expect(waits.get(600)).toBe(1);
    expect(waits.get(900)).toBe(2);
    expect(waits.get(Infinity)).toBe(2);
    // the third Kela visitor has stood in line since 10:00
    expect(value(s, `luukku_longest_wait_seconds{${kelaLine}}`)).toBe(12 * 60);
    expect(value(s, 'luukku_longest_wait_seconds{hub="mantsala",service="kunta"}')).toBe(0);

    expect(value(s, 'luukku_call_next_duration_seconds_count{hub="mantsala"}')).toBe(2);
    const latency = value(s, 'luukku_call_next_duration_seconds_sum{hub="mantsala"}');
    expect(latency).toBeGreaterThan(0);
    expect(latency).toBeLessThan(5);
    // buckets are cumulative and end at the count
    const lat = buckets(s, 'luukku_call_next_duration_seconds', 'hub="mantsala"');
    expect(lat.length).toBeGreaterThan(5);
    for (let i = 1; i < lat.length; i++) expect(lat[i]![1]).toBeGreaterThanOrEqual(lat[i - 1]![1]);
    expect(lat.at(-1)).toEqual([Infinity, 2]);
  });

  it('counts each ticket the printer failed to print', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'luukku-metrics-'));
    dirs.push(dataDir);
    hub = await startHub({ config: { dataDir } });
    const admin = await as(hub, 'admin');
    const devices = expectOk(await hub.call('GET', '/api/admin/devices', admin)).devices;
    const kioskDevice = devices.find((d: any) => d.kind === 'kiosk');
    const visit = await issue(hub, ['kela']);

    // the demo's file printer works: no failure counted
    expectOk(await hub.call('POST', '/api/kiosk/print', kiosk, { token: visit.token }));
    let s = await scrape(hub);
    expect([...s.samples.keys()].filter((k) => k.startsWith('luukku_print_failures_total'))).toEqual([]);

    const port = await closedPort();
    expectOk(await hub.call('PUT', `/api/admin/devices/${kioskDevice.id}/printer`, admin, { kind: 'network', host: '127.0.0.1', port, timeoutMs: 500 }));
    expectError(await hub.call('POST', '/api/kiosk/print', kiosk, { token: visit.token }), 503, 'PRINTER_UNAVAILABLE');
    expectError(await hub.call('POST', '/api/kiosk/print', kiosk, { token: visit.token }), 503, 'PRINTER_UNAVAILABLE');
    s = await scrape(hub);
    expect(value(s, `luukku_print_failures_total{hub="mantsala",device="${kioskDevice.id}",name="${kioskDevice.name}"}`)).toBe(2);
  });

  it('counts connected sockets by kind, and forgets them when they leave', async () => {
    ({ hub, url } = await startRealtimeHub());
    const visit = await issue(hub, ['kela']);
    const display = await clients.display('all');
    await clients.display('a', 'display:a');
    await clients.staff(await hub.login('kela'));
    await clients.connect('kiosk', { token: 'demo-kiosk' });
    const phone = await clients.phone(visit.token);

    let s = await scrape(hub);
    expect(value(s, 'luukku_connected_sockets{hub="mantsala",kind="display"}')).toBe(2);
    expect(value(s, 'luukku_connected_sockets{hub="mantsala",kind="staff"}')).toBe(1);
    expect(value(s, 'luukku_connected_sockets{hub="mantsala",kind="kiosk"}')).toBe(1);
    expect(value(s, 'luukku_connected_sockets{hub="mantsala",kind="visit"}')).toBe(1);

    await display.disconnect();
    await phone.disconnect();
    // the server notices a client's disconnect a moment after the client does
    await expect.poll(async () => value(await scrape(hub!), 'luukku_connected_sockets{hub="mantsala",kind="display"}')).toBe(1);
    s = await scrape(hub);
    expect(value(s, 'luukku_connected_sockets{hub="mantsala",kind="visit"}')).toBe(0);
  });
});

describe('process and event-loop series', () => {
  it('exposes the default Node.js process metrics', async () => {
    hub = await startHub();
    const s = await scrape(hub);
    expect(s.types.get('process_cpu_seconds_total')).toBe('counter');
    expect(value(s, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(s.types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(value(s, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1_000_000);
    expect(value(s, 'process_start_time_seconds')).toBeGreaterThan(1_600_000_000);
    expect(s.types.get('nodejs_gc_duration_seconds')).toBe('histogram');
  });

  it('measures event-loop lag as a histogram in seconds, and sees a blocked loop', async () => {
    hub = await startHub();
    const lag = 'luukku_event_loop_lag_seconds';
    const s0 = await scrape(hub);
    expect(s0.types.get(lag)).toBe('histogram');
    // a sample is the time between two ticks of the monitor: a stall before its first sample is not one
    await expect.poll(async () => value(await scrape(hub!), `${lag}_count`)).toBeGreaterThanOrEqual(1);
    const before = await scrape(hub);
    const sum0 = value(before, `${lag}_sum`);
    const over = (s: Awaited<ReturnType<typeof scrape>>) => value(s, `${lag}_count`) - (new Map(buckets(s, lag, '')).get(0.1) ?? NaN);
    const over0 = over(before);
    // hold the loop for 120 ms, as a long synchronous report would
    const until = performance.now() + 120;
    while (performance.now() < until);
    // the monitor records the stall on its next tick after the loop is free again; a scrape can
    // come before that tick (and a loaded machine adds stalls of its own), so wait for this one:
    // a sample over 100 ms, and at least 110 ms more lag in the sum
    await expect.poll(async () => {
      const s = await scrape(hub!);
      return over(s) > over0 && value(s, `${lag}_sum`) - sum0 >= 0.11;
    }).toBe(true);
    const s = await scrape(hub);
    const b = buckets(s, lag, '');
    expect(b.length).toBeGreaterThan(5);
    for (let i = 1; i < b.length; i++) expect(b[i]![1]).toBeGreaterThanOrEqual(b[i - 1]![1]);
    expect(b.at(-1)).toEqual([Infinity, value(s, `${lag}_count`)]);
  });
});

describe('who may read /metrics', () => {
  it('answers this machine without a token, and no one relayed or remote', async () => {
    hub = await startHub();
    expect((await scrape(hub, {}, '127.0.0.1')).status).toBe(200);
    expect((await scrape(hub, {}, '::1')).status).toBe(200);
    expect((await scrape(hub, {}, '::ffff:127.0.0.1')).status).toBe(200);
    for (const [headers, remote] of [
      [{}, '10.0.0.8'],
      [{}, '::ffff:192.168.1.20'],
      // a reverse proxy on the same machine connects from loopback, but says whom for
      [{ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1'],
      [{ forwarded: 'for=203.0.113.9' }, '127.0.0.1'],
    ] as const) {
      const res = await hub.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress: remote });
      expectError({ status: res.statusCode, body: res.json() }, 403, 'FORBIDDEN');
    }
  });

  it('asks for the token as the basic-auth password when LUUKKU_METRICS_TOKEN is set, from anywhere', async () => {
    const token = 'prometheus-reads-this-0123456789';
    hub = await startHub({ config: { metricsToken: token } });
    const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

    const ok = await scrape(hub, basic('prometheus', token), '10.0.0.8');
    expect(ok.status).toBe(200);
    expect(ok.samples.has('luukku_visits_issued_total{hub="mantsala"}')).toBe(true);

    for (const headers of [{}, basic('prometheus', 'wrong-password-0123456789'), basic(token, ''), { authorization: 'Basic !!!' }]) {
      const res = await hub.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress: '127.0.0.1' });
      expectError({ status: res.statusCode, body: res.json() }, 401, 'UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
    }
    // a bearer token is a device token to this server; the metrics token is not one
    const bearer = await hub.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expectError({ status: bearer.statusCode, body: bearer.json() }, 401, 'UNAUTHENTICATED');
  });

  it('is not in the public API document', async () => {
    hub = await startHub();
    const doc = expectOk(await hub.call('GET', '/api/openapi.json'));
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });
});
