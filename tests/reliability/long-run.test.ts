/**
 * A long day in one go: the real server as a child process, four desks issuing, calling and
 * finishing until the hub has written 20,000 events, with a lobby display and a Kela clerk's
 * console connected throughout. The server's heap stays flat, and each socket receives exactly
 * the events it may see — none missing, none twice, in order.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueries, openDatabase } from '@luukku/db';
import { canReceive, type SocketAudience } from '../../server/src/realtime/audience.js';
import { Clients } from '../realtime/clients.js';
import { buildServer, http, startServerProcess, type ServerProcess } from './support/server-process.js';

const targetEvents = 20_000;
const lanes = [
  { user: 'kela', desk: '1', service: 'kela' },
  { user: 'kunta', desk: '2', service: 'kunta' },
  { user: 'asunnot', desk: '4', service: 'asunnot' },
  { user: 'tyo', desk: '5', service: 'tyo' },
] as const;
const probe = fileURLToPath(new URL('./support/memory-probe.mjs', import.meta.url));

let dataDir: string;
let server: ServerProcess | undefined;
let url = '';
const clients = new Clients(() => url);

beforeAll(async () => {
  await buildServer();
  // memory and delivery are on trial here, not the disk: a RAM folder spares 6,000 fsyncs
  dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'luukku-long-run-'));
  server = await startServerProcess({ dataDir, nodeArgs: ['--expose-gc', '--import', probe], ipc: true });
  url = server.url;
}, 120_000);

afterAll(async () => {
  clients.closeAll();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The server's heap after a full collection, asked over the IPC channel. */
function serverMemory(): Promise<{ heapUsed: number; rss: number }> {
  const child = server!.child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no memory answer from the server')), 10_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as { heapUsed: number; rss: number });
    });
    child.send('memory');
  });
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith('luukku_session='))!.split(';')[0]!;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

describe('20,000 events through one display and one staff console', () => {
  it('keeps the server heap flat and delivers every event each socket may see, once and in order', async () => {
    const started = Date.now();
    const catalog = await http(url, 'GET', '/api/services', { token: 'demo-kiosk' });
    const service = Object.fromEntries(catalog.body.services.map((s: any) => [s.code, s.id])) as Record<string, number>;
    const agency = Object.fromEntries(catalog.body.agencies.map((a: any) => [a.code, a.id])) as Record<string, number>;
    const desks = (await http(url, 'GET', '/api/desks', { token: 'demo-kiosk' })).body.desks as { id: number; name: string }[];
    const deskId = (name: string) => desks.find((d) => d.name === name)!.id;

    const cookies = Object.fromEntries(await Promise.all(lanes.map(async (l) => [l.user, await login(l.user)] as const)));
    for (const l of lanes) {
      const res = await http(url, 'POST', `/api/desks/${deskId(l.desk)}/open`, { cookie: cookies[l.user], body: { services: [service[l.service]] } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    const display = await clients.display('all', 'display');
    const staff = await clients.staff(cookies.kela!, 'kela console');
    const startSeq = await display.barrier();
    await staff.barrier();

    let serial = 0;
    const failures: string[] = [];
    /** One visitor through one desk: issued (3 events), called (4), finished (3). */
    const cycle = async (lane: (typeof lanes)[number]) => {
      const issued = await http(url, 'POST', '/api/visits', {
        token: 'demo-kiosk',
        body: { services: [service[lane.service]], language: 'fi', idempotencyKey: `long-run-${++serial}-${lane.desk}` },
      });
      if (issued.status !== 201) failures.push(`issue ${issued.status} ${JSON.stringify(issued.body)}`);
      const called = await http(url, 'POST', `/api/desks/${deskId(lane.desk)}/call-next`, { cookie: cookies[lane.user] });
      if (called.status !== 200) {
        failures.push(`call-next ${called.status} ${JSON.stringify(called.body)}`);
        return;
      }
      const done = await http(url, 'POST', `/api/steps/${called.body.step.id}/finish`, { cookie: cookies[lane.user] });
      if (done.status !== 200) failures.push(`finish ${done.status} ${JSON.stringify(done.body)}`);
    };
    const runUntil = async (seq: number) => {
      let last = 0;
      await Promise.all(
        lanes.map(async (lane) => {
          for (;;) {
            last = Math.max(last, (await http(url, 'GET', '/api/health')).body.seq);
            if (last >= seq || failures.length > 0) return;
            for (let i = 0; i < 25; i++) await cycle(lane);
          }
        }),
      );
      expect(failures.slice(0, 5)).toEqual([]);
    };

    // warm up: a tenth of the run, then the heap the rest is compared with
    await runUntil(startSeq + targetEvents / 10);
    const warm = await serverMemory();
    const samples = [warm.heapUsed];
    for (const part of [0.4, 0.7, 1]) {
      await runUntil(startSeq + targetEvents * part);
      samples.push((await serverMemory()).heapUsed);
    }
    const end = await serverMemory();
    const endSeq = await display.barrier();
    await staff.barrier();
    expect(endSeq - startSeq).toBeGreaterThanOrEqual(targetEvents);

    // memory: after 18,000 more events the heap is where it was after the first 2,000
    const growth = end.heapUsed - warm.heapUsed;
    console.info(
      `long run: ${endSeq - startSeq} events in ${((Date.now() - started) / 1000).toFixed(1)} s; server heap ${samples.map(mb).join(' → ')} ` +
        `(growth ${mb(growth)}), rss ${mb(warm.rss)} → ${mb(end.rss)}; display got ${display.events.length}, console ${staff.events.length}`,
    );
    expect(growth, `heap grew from ${mb(warm.heapUsed)} to ${mb(end.heapUsed)}`).toBeLessThan(Math.max(8 * 1024 * 1024, warm.heapUsed * 0.25));

    // delivery: exactly what the audience rule lets each socket see, from the events the server committed
    const db = openDatabase(join(dataDir, 'luukku.sqlite'), { readonly: true });
    try {
      const q = createQueries(db);
      const hubId = q.hubs()[0]!.id;
      const committed = q.eventsSince(hubId, startSeq, endSeq - startSeq + 1).filter((e) => e.seq <= endSeq);
      expect(committed.length).toBe(endSeq - startSeq);
      expect(committed.every((e, i) => e.seq === startSeq + 1 + i), 'the event log has a gap').toBe(true);
      const audiences: [typeof display, SocketAudience][] = [
        [display, { kind: 'display', hubId, zone: null }],
        // Kela's own line and the steps the Kela clerk holds; no Guidance (the desk is not open for it)
        [staff, { kind: 'staff', hubId, userId: q.userByUsername('kela')!.id, agencies: [agency.kela!], guidanceDesk: [] }],
      ];
      for (const [client, audience] of audiences) {
        const got = client.events.map((e) => e.seq);
        // strictly increasing (nothing twice, nothing out of order) and the same set: the same list
        for (let i = 1; i < got.length; i++) {
          if (got[i]! <= got[i - 1]!) throw new Error(`${client.name}: seq ${got[i]} after ${got[i - 1]} (doubled or out of order)`);
        }
        const maySee = committed.filter((e) => canReceive(audience, e)).map((e) => e.seq);
        const received = new Set(got);
        const allowed = new Set(maySee);
        const missing = maySee.filter((seq) => !received.has(seq));
        const unexpected = got.filter((seq) => !allowed.has(seq));
        expect({ missing: missing.slice(0, 10), unexpected: unexpected.slice(0, 10) }, `${client.name}: ${missing.length} missing, ${unexpected.length} it may not see`).toEqual({
          missing: [],
          unexpected: [],
        });
      }
    } finally {
      db.close();
    }
  }, 180_000);
});
