/**
 * Rules 2 and 3 under kill -9: the real server as a child process on a real data folder, issuing
 * tickets at a steady rate when it is killed at a random moment, then started again on the same
 * folder — ten times. A ticket the kiosk was answered for is never lost, a number is never
 * given twice, and the counter goes on from where it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@luukku/db';
import { buildServer, http, startServerProcess, type ServerProcess } from './support/server-process.js';

const rounds = 10;
/** One request every few milliseconds, at most this many unanswered at once. */
const intervalMs = 4;
const maxInFlight = 12;

interface Sent {
  key: string;
  body: Record<string, unknown>;
  round: number;
}
interface Ticket {
  key: string;
  token: string;
  number: string;
  /** The local day the number belongs to (numbering restarts each day). */
  day: string;
  round: number;
}

const helsinkiDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(iso));
const prefixOf = (n: string) => n.replace(/\d+$/, '');
const counterOf = (n: string) => Number(n.slice(prefixOf(n).length));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every ticket is on the phone page with the number the kiosk was given (a few requests at a time). */
async function expectStored(url: string, batch: Ticket[]): Promise<void> {
  for (let i = 0; i < batch.length; i += 16) {
    const part = batch.slice(i, i + 16);
    const answers = await Promise.all(part.map((t) => http(url, 'GET', `/api/visits/${t.token}`)));
    answers.forEach((res, j) => {
      const t = part[j]!;
      expect({ status: res.status, number: res.body?.number }, `visit ${t.number} of round ${t.round}`).toEqual({ status: 200, number: t.number });
    });
  }
}

let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  await buildServer();
  dataDir = mkdtempSync(join(tmpdir(), 'luukku-crash-'));
}, 120_000);

afterAll(async () => {
  await server?.kill9();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 while the kiosk issues numbers', () => {
  it('keeps every answered ticket, never repeats a number, and counts on after each restart', async () => {
    server = await startServerProcess({ dataDir });
    const catalog = await http(server.url, 'GET', '/api/services', { token: 'demo-kiosk' });
    expect(catalog.status).toBe(200);
    // services that give walk-in numbers (an appointment-only one refuses them)
    const open = catalog.body.services.filter((s: any) => s.openNow && !s.isGuidance && !s.appointmentOnly).map((s: any) => s.id as number);
    expect(open.length).toBeGreaterThanOrEqual(3);
    // single and multi-service visits and Guidance, in several number ranges at once
    const bodies: (() => Record<string, unknown>)[] = [
      () => ({ services: [open[0]], language: 'fi' }),
      () => ({ services: [open[1], open[2]], language: 'sv' }),
      () => ({ guidance: true, language: 'en' }),
      () => ({ services: [open[Math.floor(Math.random() * open.length)]], language: 'ar', needs: { interpreter: true } }),
    ];

    const tickets: Ticket[] = [];
    const lost: Sent[] = [];
    const unexpected: string[] = [];
    let sent = 0;
    const stats = { lost: 0, replayed: 0, reissued: 0 };
    const takeTicket = (s: Sent, body: any, round: number) =>
      tickets.push({ key: s.key, token: body.token, number: body.number, day: helsinkiDay(body.issuedAt), round });

    for (let round = 1; round <= rounds; round++) {
      // everything a kiosk was answered for before the crash is there, as it was
      const before = [...tickets];
      await expectStored(server.url, before.filter((x) => x.round === round - 1));
      // a kiosk that got no answer retries with the same key: the visit if it was committed, a new one if not
      for (const s of lost.splice(0)) {
        const res = await http(server.url, 'POST', '/api/visits', { token: 'demo-kiosk', body: { ...s.body, idempotencyKey: s.key } });
        expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
        expect(res.body.replayed).toBe(res.status === 200);
        stats.lost++;
        stats[res.status === 200 ? 'replayed' : 'reissued']++;
        takeTicket(s, res.body, res.status === 200 ? s.round : round);
      }
      const committedBefore = tickets.filter((t) => t.round < round);

      // steady load; the kill comes at a random moment in it
      const killAt = Date.now() + 300 + Math.random() * 900;
      const inFlight = new Set<Promise<void>>();
      let alive = true;
      const killed = (async () => {
        await sleep(killAt - Date.now());
        alive = false;
        await server!.kill9();
      })();
      while (alive) {
        if (inFlight.size < maxInFlight) {
          const s: Sent = { key: `crash-${round}-${++sent}-${Math.random().toString(36).slice(2, 10)}`, body: bodies[sent % bodies.length]!(), round };
          const p = http(server.url, 'POST', '/api/visits', { token: 'demo-kiosk', body: { ...s.body, idempotencyKey: s.key } }).then(
            (res) => {
              // an answer is either a ticket or a bug: the kiosk's requests are all valid
              if (res.status === 201) takeTicket(s, res.body, round);
              else unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
            },
            () => {
              lost.push(s);
            },
          );
          const tracked = p.finally(() => inFlight.delete(tracked));
          inFlight.add(tracked);
        }
        await sleep(intervalMs);
      }
      await killed;
      await Promise.all(inFlight);
      expect(unexpected).toEqual([]);
      expect(tickets.filter((t) => t.round === round).length, `round ${round} issued nothing before the kill`).toBeGreaterThan(0);

      server = await startServerProcess({ dataDir });

      // the counter goes on: every number issued in this round is above every number committed before it
      const newThisRound = tickets.filter((t) => t.round === round && !committedBefore.includes(t));
      for (const t of newThisRound) {
        const earlier = committedBefore.filter((c) => c.day === t.day && prefixOf(c.number) === prefixOf(t.number));
        const highest = Math.max(0, ...earlier.map((c) => counterOf(c.number)));
        expect(counterOf(t.number), `${t.number} in round ${round} after ${prefixOf(t.number)}${highest}`).toBeGreaterThan(highest);
      }
    }

    // the last round's unanswered requests, and then everything once more
    for (const s of lost.splice(0)) {
      const res = await http(server.url, 'POST', '/api/visits', { token: 'demo-kiosk', body: { ...s.body, idempotencyKey: s.key } });
      expect([200, 201]).toContain(res.status);
      stats.lost++;
      stats[res.status === 200 ? 'replayed' : 'reissued']++;
      takeTicket(s, res.body, rounds + 1);
    }
    await expectStored(server.url, tickets);
    const numbers = tickets.map((t) => `${t.day} ${t.number}`);
    expect(new Set(numbers).size, 'a number was given twice').toBe(numbers.length);
    const keys = tickets.map((t) => t.key);
    expect(new Set(keys).size, 'one idempotency key got two visits').toBe(keys.length);

    // the file itself: intact, and holding exactly one visit per key that was ever answered
    await server.kill9();
    server = undefined;
    const db = openDatabase(join(dataDir, 'luukku.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const dup = db.prepare('SELECT day, number, count(*) AS n FROM visits GROUP BY hub_id, day, number HAVING n > 1').all();
      expect(dup).toEqual([]);
      const stored = db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number };
      expect(stored.n).toBeGreaterThanOrEqual(tickets.length);
      // the demo has two hubs; the kiosk issues in Mäntsälä's, and each hub counts its own events
      const hub = db.prepare("SELECT id, last_seq FROM hubs WHERE slug = 'mantsala'").get() as { id: number; last_seq: number };
      const events = db.prepare('SELECT count(*) AS n, max(seq) AS top FROM events WHERE hub_id = ?').get(hub.id) as { n: number; top: number };
      // the event sequence has no gaps either: every change and its events committed together
      expect(events).toEqual({ n: hub.last_seq, top: hub.last_seq });
    } finally {
      db.close();
    }
    console.info(
      `crash: ${rounds} kills, ${sent} requests, ${sent - stats.lost} answered at once; of the ${stats.lost} cut off by a kill, ` +
        `${stats.replayed} had committed (the retry replayed them) and ${stats.reissued} had not`,
    );
  }, 120_000);
});
