import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueries, openDatabase, type Db, type Queries } from '@luukku/db';
import { issueVisit } from '../../server/src/commands/issue-visit.js';
import { callNext, openDesk } from '../../server/src/commands/desks.js';
import { referStep, transitionStep } from '../../server/src/commands/steps.js';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { commandHub, type CommandHub } from './support/command-path.js';
import { key } from '../support/app.js';

/** What the counts must be: every waiting step counted the slow way. */
function recount(db: Db) {
  return db
    .prepare<[], { serviceId: number; waiting: number; oldestQueueTime: number }>(
      `SELECT service_id AS serviceId, count(*) AS waiting, min(queue_time) AS oldestQueueTime FROM steps
       WHERE hub_id = 1 AND status = 'waiting' GROUP BY service_id ORDER BY service_id`,
    )
    .all();
}

describe('waiting counts per line', () => {
  let h: CommandHub;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luukku-counts-'));
    h = await commandHub(join(dir, 'luukku.sqlite'));
  });
  afterEach(() => {
    h.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stay exactly right across issue, call, return, refer, cancel, no-show, finish, the end-of-day close and anonymisation', () => {
    const { q, ctx } = h;
    const kela = q.userByUsername('kela')!;
    const asunnot = q.userByUsername('asunnot')!;
    const [d1, d2] = q.desks(1);
    const kiosk = q.devices(1).find((d) => d.kind === 'kiosk')!;
    const issue = (...codes: string[]) =>
      issueVisit(ctx, { kind: 'device', hubId: 1, device: kiosk }, { idempotencyKey: key(), language: 'fi', needs: {}, services: codes.map(h.service) } as never);
    const check = () => expect(q.waitingCounts(1)).toEqual(recount(h.db));

    openDesk(ctx, kela, d1!.id, [h.service('kela')]);
    openDesk(ctx, asunnot, d2!.id, [h.service('asunnot')]);
    for (let i = 0; i < 4; i++) {
      issue('kela');
      h.clock.advanceMinutes(1);
    }
    issue('kela', 'asunnot'); // a planned step that joins its line when the first one is done
    check();
    expect(q.waitingCounts(1).find((c) => c.serviceId === h.service('kela'))!.waiting).toBe(5);

    const a = callNext(ctx, kela, d1!.id);
    check();
    transitionStep(ctx, kela, a.id, 'return');
    check();
    const b = callNext(ctx, kela, d1!.id);
    referStep(ctx, kela, b.id, { services: [h.service('asunnot')], reason: 'needs_other_service', placement: 'front' } as never);
    check();
    const c = callNext(ctx, kela, d1!.id);
    transitionStep(ctx, kela, c.id, 'no-show');
    check();
    const waitingKela = q.waitingOfService(h.service('kela'), ctx.now().getTime());
    transitionStep(ctx, kela, waitingKela[0]!.step.id, 'cancel'); // the visitor left the line
    check();
    let e = callNext(ctx, kela, d1!.id);
    while (e) {
      transitionStep(ctx, kela, e.id, 'start');
      h.clock.advanceMinutes(5);
      transitionStep(ctx, kela, e.id, 'finish'); // the two-service visit moves on to asunnot
      check();
      e = q.waitingCounts(1).some((x) => x.serviceId === h.service('kela')) ? callNext(ctx, kela, d1!.id) : (undefined as never);
    }
    const d = callNext(ctx, asunnot, d2!.id);
    transitionStep(ctx, asunnot, d.id, 'start');
    check();
    expect(q.waitingCounts(1).reduce((n, x) => n + x.waiting, 0)).toBeGreaterThan(0);

    // the next morning nobody is still in yesterday's line
    h.clock.advanceMinutes(24 * 60);
    purgeExpired(ctx);
    check();
    expect(q.waitingCounts(1)).toEqual([]);
    issue('kela');
    check();

    // anonymisation, long after: the counts are untouched and still right
    h.clock.advanceMinutes(100 * 24 * 60);
    expect(purgeExpired(ctx).visitsAnonymised).toBeGreaterThan(0);
    check();
  });

  it('are consistent after a crash in the middle of a write, and still kept after the restart', async () => {
    const dbPath = join(dir, 'luukku.sqlite');
    const kela = h.service('kela');
    const device = h.q.devices(1).find((d) => d.kind === 'kiosk')!.id;
    h.db.close();
    const worker = fileURLToPath(new URL('./support/crash-worker.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dbPath, String(kela), String(device)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });
    const gone = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await gone;

    const db = openDatabase(dbPath);
    const q: Queries = createQueries(db);
    expect(q.waitingCounts(1)).toEqual(recount(db));
    expect(q.waitingCounts(1)).toEqual([expect.objectContaining({ serviceId: kela, waiting: 1 })]);
    h = { ...h, db, q, ctx: { ...h.ctx, q } };
    const kiosk = q.devices(1).find((d) => d.kind === 'kiosk')!;
    issueVisit(h.ctx, { kind: 'device', hubId: 1, device: kiosk }, { idempotencyKey: key(), language: 'fi', needs: {}, services: [kela] } as never);
    expect(q.waitingCounts(1)).toEqual(recount(db));
    expect(q.waitingCounts(1)[0]!.waiting).toBe(2);
  });

  it('reads one row per line and probes an index, never every waiting visitor', () => {
    const { bySql } = h.counter.during(() => h.q.waitingCounts(1));
    const [sql] = [...bySql.keys()];
    const plan = h.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1).map((r) => (r as { detail: string }).detail);
    // every look at steps is a SEARCH by service, none a SCAN of the hub's steps
    const onSteps = plan.filter((p) => /steps/.test(p));
    expect(onSteps.length).toBeGreaterThan(0);
    for (const p of onSteps) expect(p).toMatch(/^SEARCH .*service_id=\?/);
  });

  it('counts the people ahead of every visitor exactly, in a line longer than the counting cap', () => {
    const { q, ctx } = h;
    const asunnot = q.userByUsername('asunnot')!;
    const desk = q.desks(1)[1]!;
    const kiosk = q.devices(1).find((d) => d.kind === 'kiosk')!;
    const issue = (code: string) =>
      issueVisit(ctx, { kind: 'device', hubId: 1, device: kiosk }, { idempotencyKey: key(), language: 'fi', needs: {}, services: [h.service(code)] } as never);
    openDesk(ctx, asunnot, desk.id, [h.service('asunnot')]);
    for (let i = 0; i < 450; i++) {
      issue('kela');
      if (i % 3 === 0) h.clock.advanceMs(1000); // some share a queue time: the id decides
      if (i % 90 === 45) {
        // a referral to the front of the kela line (priority 1)
        issue('asunnot');
        const called = callNext(ctx, asunnot, desk.id);
        referStep(ctx, asunnot, called.id, { services: [h.service('kela')], reason: 'needs_other_service', placement: 'front' } as never);
      }
    }
    const slow = h.db.prepare<{ serviceId: number; priority: number; queueTime: number; id: number }, { n: number }>(`
      SELECT count(*) AS n FROM steps WHERE service_id = @serviceId AND status = 'waiting'
        AND (priority > @priority OR (priority = @priority AND (queue_time < @queueTime OR (queue_time = @queueTime AND id < @id))))`);
    const line = q.waitingOfService(h.service('kela'), ctx.now().getTime());
    expect(line.length).toBe(455);
    line.forEach((w, i) => {
      expect(q.peopleAhead(w.step, ctx.now().getTime())).toBe(i);
      expect(q.peopleAhead(w.step, ctx.now().getTime())).toBe(slow.get({ serviceId: w.step.serviceId, priority: w.step.priority, queueTime: w.step.queueTime!, id: w.step.id })!.n);
    });
  });
});
