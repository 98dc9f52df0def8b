/**
 * The server under test, in its own process so the load generator in the parent does not share
 * its event loop. Started by child.ts with one JSON argument (ServerSpec); tells the parent its
 * port over IPC, answers `stats` questions (memory, CPU time), and closes on `close`.
 *
 *   luukku    the real server: buildApp(testConfig(...)) on a database file the parent seeded
 *   baseline  the least possible work on the same stack: bare Fastify + better-sqlite3 with the
 *             same pragmas (WAL, synchronous=FULL), one row per request
 *   raw-io    bare Fastify + socket.io: one HTTP route that broadcasts the payload it is given
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';
import { buildApp, testConfig } from '@luukku/server';

export type ServerSpec =
  | { kind: 'luukku'; databasePath: string; dataDir: string; uiDir: string; reportWorker?: boolean }
  | { kind: 'baseline'; databasePath: string; synchronous?: 'FULL' | 'NORMAL'; waitingSteps?: { count: number; services: number[] } }
  | { kind: 'raw-io' };

/** `resetLoop`: start a new event-loop delay window after answering (the answer covers the one before). */
export type ToChild = { type: 'stats'; resetLoop?: boolean } | { type: 'close' };
/** loopP99Ms / loopMaxMs: the event loop's delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution) since the last reset. */
export type FromChild =
  | { type: 'ready'; port: number }
  | { type: 'stats'; rss: number; heapUsed: number; cpuMs: number; loopP50Ms: number; loopP99Ms: number; loopMaxMs: number }
  | { type: 'error'; message: string };

const send = (m: FromChild) => process.send?.(m);

async function luukku(spec: Extract<ServerSpec, { kind: 'luukku' }>): Promise<FastifyInstance> {
  return buildApp(
    testConfig({
      databasePath: spec.databasePath,
      dataDir: spec.dataDir,
      uiDir: spec.uiDir,
      kioskRateLimitPerMinute: 0,
      logLevel: 'silent',
      demo: true, // a no-op when the parent seeded hubs already
      reportWorker: spec.reportWorker ?? true,
    }),
  );
}

function baseline(spec: Extract<ServerSpec, { kind: 'baseline' }>): FastifyInstance {
  const db = new Database(spec.databasePath);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${spec.synchronous ?? 'FULL'}`);
  db.exec(/* sql */ `
    CREATE TABLE IF NOT EXISTS visits (id INTEGER PRIMARY KEY, key TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS steps (
      id INTEGER PRIMARY KEY, service_id INTEGER NOT NULL, status TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 0,
      queue_time INTEGER, desk_id INTEGER, called_at INTEGER, ended_at INTEGER);
    CREATE INDEX IF NOT EXISTS steps_waiting ON steps (service_id, priority DESC, queue_time, id) WHERE status = 'waiting';
  `);
  if (spec.waitingSteps) {
    const { count, services } = spec.waitingSteps;
    const insert = db.prepare(`INSERT INTO steps (service_id, status, queue_time) VALUES (?, 'waiting', ?)`);
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(services[i % services.length]!, i);
    })();
  }
  const insertVisit = db.prepare(`INSERT INTO visits (key, body, at) VALUES (?, ?, ?)`);
  const claim = db.prepare<{ services: string; deskId: number; now: number }, { id: number }>(/* sql */ `
    UPDATE steps SET status = 'called', desk_id = @deskId, called_at = @now
    WHERE id = (
      SELECT id FROM steps WHERE status = 'waiting' AND service_id IN (SELECT value FROM json_each(@services))
      ORDER BY priority DESC, queue_time, id LIMIT 1
    ) AND status = 'waiting'
    RETURNING id`);
  const finish = db.prepare(`UPDATE steps SET status = 'done', ended_at = ? WHERE id = ? AND status = 'called'`);

  const app = Fastify({ logger: false });
  app.post<{ Body: { idempotencyKey?: string } }>('/visits', async (req, reply) => {
    const id = Number(insertVisit.run(String(req.body?.idempotencyKey ?? ''), JSON.stringify(req.body), Date.now()).lastInsertRowid);
    reply.status(201);
    return { id };
  });
  app.post<{ Params: { desk: string }; Body: { services: number[] } }>('/claim/:desk', async (req, reply) => {
    const row = claim.get({ services: JSON.stringify(req.body.services), deskId: Number(req.params.desk), now: Date.now() });
    if (!row) {
      reply.status(409);
      return { error: 'QUEUE_EMPTY' };
    }
    return { id: row.id };
  });
  app.post<{ Params: { id: string } }>('/finish/:id', async (req, reply) => {
    const ok = finish.run(Date.now(), Number(req.params.id)).changes === 1;
    reply.status(ok ? 200 : 409);
    return { ok };
  });
  app.addHook('onClose', async () => {
    db.close();
  });
  return app;
}

function rawIo(): FastifyInstance {
  const app = Fastify({ logger: false });
  const io = new Server(app.server, { serveClient: false });
  io.on('connection', (socket) => {
    const room = (socket.handshake.auth as { room?: unknown } | undefined)?.room;
    void socket.join(typeof room === 'string' ? room : 'displays');
  });
  app.post<{ Body: unknown }>('/broadcast', async (req) => {
    io.to('displays').emit('call', req.body);
    return { ok: true };
  });
  app.addHook('preClose', async () => {
    await io.close();
  });
  return app;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
  const app = spec.kind === 'luukku' ? await luukku(spec) : spec.kind === 'baseline' ? baseline(spec) : rawIo();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // how long callbacks wait for the loop: what a busy server adds to every request and broadcast
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('message', (m: ToChild) => {
    if (m.type === 'stats') {
      const u = process.memoryUsage();
      const c = process.cpuUsage();
      const lag = (x: number) => (Number.isFinite(x) ? x / 1e6 : Number.NaN);
      send({
        type: 'stats', rss: u.rss, heapUsed: u.heapUsed, cpuMs: (c.user + c.system) / 1000,
        loopP50Ms: lag(loop.percentile(50)), loopP99Ms: lag(loop.percentile(99)), loopMaxMs: lag(loop.max),
      });
      if (m.resetLoop) loop.reset();
    } else if (m.type === 'close') {
      // bounded: a close that hangs must not hang the benchmark
      const hard = setTimeout(() => process.exit(0), 10_000);
      hard.unref();
      void app.close().finally(() => process.exit(0));
    }
  });
  // the parent died: do not linger
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
