/**
 * Issue 9 §2, socket floods: one phone-page socket looping on `sync` pulled hundreds of MB and
 * slowed every HTTP answer. Each socket now has one sync in flight and a token bucket; a phone
 * or kiosk replays only what it can use; and each client address has a connection cap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { publicReplay } from '../../server/src/realtime/replay.js';
import { io, type Socket } from 'socket.io-client';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type TestHub } from '../support/app.js';
import { Clients, issue, listen } from '../realtime/clients.js';

let hub: TestHub;
let url: string;
let clients: Clients;

async function start(config: Parameters<typeof startHub>[0] = {}) {
  hub = await startHub({ ...config, config: { uiDir: join(tmpdir(), 'luukku-security-no-ui'), ...config.config } });
  url = await listen(hub);
  clients = new Clients(() => url);
}

afterEach(async () => {
  clients?.closeAll();
  await hub?.app.close();
});

async function healthMs(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/health`);
  await res.arrayBuffer();
  expect(res.status).toBe(200);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A raw phone-page socket that counts every byte it receives. */
function rawPhone(token: string): { socket: Socket; bytes: () => number; ready: Promise<void> } {
  const socket = io(url, { auth: { visit: token }, transports: ['websocket'], forceNew: true, reconnection: false });
  let bytes = 0;
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (p: { data?: unknown }) => {
      if (typeof p.data === 'string') bytes += Buffer.byteLength(p.data);
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, bytes: () => bytes, ready };
}

describe('a socket that floods sync', () => {
  it('keeps /api/health fast and the bytes sent bounded while one phone socket sends 300 syncs at once', async () => {
    await start();
    // a morning's worth of line changes: every issue writes step, queues and visit events
    const visits = [];
    for (let i = 0; i < 300; i++) visits.push(await issue(hub, i % 2 ? 'kela' : 'kunta'));

    const unloaded: number[] = [];
    for (let i = 0; i < 15; i++) unloaded.push(await healthMs());

    const phone = rawPhone(visits[0]!.token);
    await phone.ready;
    const flood = 300;
    let answered = 0;
    let refused = 0;
    const done = new Promise<void>((resolve) => {
      const settle = () => {
        if (answered + refused === flood || !phone.socket.connected) resolve();
      };
      phone.socket.on('disconnect', settle);
      for (let i = 0; i < flood; i++) {
        phone.socket.emit('sync', { since: 0 }, (ack: { data?: unknown; error?: { code: string } }) => {
          if (ack.error) {
            expect(ack.error.code).toBe('RATE_LIMITED');
            refused++;
          } else answered++;
          settle();
        });
      }
    });
    const loaded: number[] = [];
    for (let i = 0; i < 15; i++) loaded.push(await healthMs());
    await done;
    for (let i = 0; i < 5; i++) loaded.push(await healthMs());

    const unloadedMs = Math.max(median(unloaded), 1);
    expect(median(loaded) / unloadedMs, `health ${median(unloaded).toFixed(2)} ms unloaded, ${median(loaded).toFixed(2)} ms under the flood`).toBeLessThan(5);
    // each answer is the visit's own event plus one line-count event: a few kB, never the hub's stream
    expect(phone.bytes(), `${answered} answered, ${refused} refused`).toBeLessThan(100_000);
    expect(answered).toBeLessThanOrEqual(15);
    phone.socket.close();
  });

  it('refuses syncs beyond the allowance with RATE_LIMITED and then cuts the socket', async () => {
    await start();
    const visit = await issue(hub, 'kela');
    const phone = await clients.phone(visit.token);
    const answers: string[] = [];
    const cut = new Promise<string>((resolve) => phone.socket.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 200 && phone.socket.connected; i++) {
      const ack = await phone.sync({ since: 0 }).catch(() => ({ error: { code: 'NO_ANSWER' } }));
      answers.push('data' in ack ? 'data' : ack.error.code);
    }
    expect(await cut).toBe('io server disconnect');
    expect(answers.filter((a) => a === 'data').length).toBeLessThan(25);
    expect(answers).toContain('RATE_LIMITED');
  });
});

describe('one sync in flight', () => {
  it('refuses a sync sent while the last one is still unanswered, with RATE_LIMITED', async () => {
    await start();
    const visit = await issue(hub, 'kela');
    const phone = await clients.phone(visit.token);
    // five at once, well within the bucket: only the wait for an answer can refuse them
    const answers = await Promise.all(Array.from({ length: 5 }, () => phone.sync({ since: 0 })));
    const refused = answers.filter((a) => 'error' in a);
    expect(answers.filter((a) => 'data' in a).length).toBeGreaterThanOrEqual(1);
    expect(refused.length, JSON.stringify(answers.map((a) => ('error' in a ? a.error.code : 'data')))).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(r).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/one sync at a time/i) } });
    // waiting for the answer is all it takes
    expect('data' in (await phone.sync({ since: 0 }))).toBe(true);
  });
});

describe('what a sync replays', () => {
  it("gives a phone page its own visit's events and the lines' changes, nothing about other visits", async () => {
    await start();
    const mine = await issue(hub, 'kela');
    const others = [];
    for (let i = 0; i < 5; i++) others.push(await issue(hub, 'kunta'));
    const phone = await clients.phone(mine.token);
    const ack = await phone.sync({ since: 0 });
    if (!('data' in ack)) throw new Error(JSON.stringify(ack));
    const events = ack.data.events;
    // every line change (the page counts its place from their moves), its own issue among them
    const queues = events.filter((e) => e.type === 'queues');
    expect(queues).toHaveLength(6);
    expect(events.filter((e) => e.type !== 'queues').every((e) => e.type === 'visit' && e.data.number === mine.number)).toBe(true);
    expect(events.some((e) => e.type === 'visit')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(others[0]!.number);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('gives a kiosk only the line changes it missed: no step, no visit, no call', async () => {
    await start();
    for (let i = 0; i < 4; i++) await issue(hub, 'kela');
    const k = await clients.connect('kiosk', { token: 'demo-kiosk' });
    const ack = await k.sync({ since: 0 });
    if (!('data' in ack)) throw new Error(JSON.stringify(ack));
    // each issue changed Kela's line once; the kiosk gets each change, in order, and nothing else
    expect(ack.data.events.map((e) => e.type)).toEqual(['queues', 'queues', 'queues', 'queues']);
    expect(ack.data.events.map((e) => e.type === 'queues' && e.data.queues.map((l) => l.waiting))).toEqual([[1], [2], [3], [4]]);
    expect(ack.data.reset).toBe(false);
  });

  it('tells a phone page or kiosk that missed more line changes than it replays to load again, with no events', async () => {
    await start();
    const mine = await issue(hub, 'kela');
    for (let i = 0; i < publicReplay + 1; i++) await issue(hub, 'kunta');
    for (const client of [await clients.connect('kiosk', { token: 'demo-kiosk' }), await clients.phone(mine.token)]) {
      const ack = await client.sync({ since: 0 });
      if (!('data' in ack)) throw new Error(JSON.stringify(ack));
      expect(ack.data).toMatchObject({ reset: true, events: [] });
    }
  });
});

describe('connections per address', () => {
  it('refuses a connection beyond the per-address cap, and admits one again after another closes', async () => {
    await start({ config: { socketsPerAddress: 3 } });
    const first = await clients.display('all', 'd1');
    await clients.display('all', 'd2');
    await clients.display('all', 'd3');
    const refusal = await clients.refused({ token: 'demo-display' });
    expect(refusal.data?.code).toBe('RATE_LIMITED');
    clients.closeAll();
    await first.disconnect();
    // the refused and closed connections are released as the server sees them close
    await expect.poll(async () => {
      try {
        const again = await clients.display('all', 'again');
        again.close();
        return true;
      } catch {
        return false;
      }
    }, { timeout: 5000 }).toBe(true);
  });
});
