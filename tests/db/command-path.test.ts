import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueries, openDatabase } from '@luukku/db';
import { issueVisit } from '../../server/src/commands/issue-visit.js';
import { callNext, openDesk } from '../../server/src/commands/desks.js';
import { transitionStep } from '../../server/src/commands/steps.js';
import { commandHub, type CommandHub } from './support/command-path.js';
import { key } from '../support/app.js';
import { typicalServiceMinutes } from '../../shared/src/estimates.js';
import { serviceMinutes } from '../../server/src/views/queues.js';

describe('the command path: one write, no re-reads', () => {
  let h: CommandHub;
  beforeEach(async () => {
    h = await commandHub();
  });
  afterEach(() => h.db.close());

  it('bumps the hub sequence once per command and numbers its events consecutively, in emit order', () => {
    const kela = h.q.userByUsername('kela')!;
    const desk = h.q.desks(1)[0]!;
    openDesk(h.ctx, kela, desk.id, [h.service('kela')]);
    issueVisit(h.ctx, { kind: 'user', hubId: 1, user: kela }, { idempotencyKey: key(), language: 'fi', needs: {}, services: [h.service('kela')] } as never);
    const before = h.q.lastSeq(1);
    h.published.length = 0;
    const { bySql } = h.counter.during(() => callNext(h.ctx, kela, desk.id));
    const bumps = [...bySql].filter(([sql]) => /UPDATE hubs SET last_seq/.test(sql)).reduce((n, [, c]) => n + c, 0);
    expect(bumps).toBe(1);
    // and its events are written by one INSERT
    expect([...bySql].filter(([sql]) => /INSERT INTO events/.test(sql)).reduce((n, [, c]) => n + c, 0)).toBe(1);
    expect(h.published.map((e) => e.type)).toEqual(['call', 'step', 'desk', 'queues', 'visit']);
    expect(h.published.map((e) => e.seq)).toEqual([before + 1, before + 2, before + 3, before + 4, before + 5]);
    expect(h.q.lastSeq(1)).toBe(before + 5);
    const stored = h.q.eventsSince(1, before, 100);
    expect(stored.map((e) => [e.seq, e.type])).toEqual(h.published.map((e) => [e.seq, e.type]));
  });
});

describe('appending many events at once', () => {
  it('numbers 120 events of one change consecutively, stored in order', async () => {
    const h = await commandHub();
    const before = h.q.lastSeq(1);
    const seqs = h.q.transaction(() =>
      h.q.appendEvents(1, Array.from({ length: 120 }, (_, i) => ({ type: 'queues', zone: null, agencyIds: i % 2 ? [1, 2] : null, visitId: null, data: { i }, at: i }))),
    );
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => before + 1 + i));
    expect(h.q.lastSeq(1)).toBe(before + 120);
    const stored = h.q.eventsSince(1, before, 1000);
    expect(stored.map((e) => [e.seq, (e.data as { i: number }).i, e.agencyIds])).toEqual(seqs.map((seq, i) => [seq, i, i % 2 ? [1, 2] : null]));
    h.db.close();
  });
});

describe('statements per command (issue 10 item 2: the figures for the report)', () => {
  it('counts the statements of issue, call-next and finish on the demo hub', async () => {
    const h = await commandHub();
    const kela = h.q.userByUsername('kela')!;
    const desk = h.q.desks(1)[0]!;
    const kiosk = h.q.devices(1).find((d) => d.kind === 'kiosk')!;
    openDesk(h.ctx, kela, desk.id, [h.service('kela')]);
    const issue = () =>
      issueVisit(h.ctx, { kind: 'device', hubId: 1, device: kiosk }, { idempotencyKey: key(), language: 'fi', needs: {}, services: [h.service('kela')] } as never);
    // warm: the first command of a process may fill caches; the figures are for a running server
    issue();
    const called = callNext(h.ctx, kela, desk.id);
    transitionStep(h.ctx, kela, called.id, 'finish');
    issue();
    const counts = {
      issue: h.counter.during(issue).total,
      callNext: 0,
      finish: 0,
    };
    let stepId = 0;
    counts.callNext = h.counter.during(() => (stepId = callNext(h.ctx, kela, desk.id).id)).total;
    counts.finish = h.counter.during(() => transitionStep(h.ctx, kela, stepId, 'finish')).total;
    process.stdout.write(`statements per command: ${JSON.stringify(counts)}\n`);
    expect(counts.issue).toBeGreaterThan(0);
    h.db.close();
  });
});

describe('the catalogue and the typical minutes from memory', () => {
  let h: CommandHub;
  beforeEach(async () => {
    h = await commandHub();
  });
  afterEach(() => h.db.close());

  it('reads hubs, agencies, services and kiosk questions without SQL once loaded', () => {
    h.q.services(1);
    const { bySql } = h.counter.during(() => {
      for (let i = 0; i < 3; i++) {
        h.q.hub(1);
        h.q.hubBySlug(h.q.hub(1)!.slug);
        h.q.hubs();
        h.q.agencies(1);
        for (const s of h.q.services(1)) h.q.service(s.id);
        h.q.kioskQuestions(1);
      }
    });
    const catalogSql = [...bySql.keys()].filter((sql) => /\b(hubs|agencies|services|kiosk_questions)\b/.test(sql));
    expect(catalogSql).toEqual([]);
  });

  it('gives the same typical minutes after every finish as the query over the finished steps', () => {
    const { q, ctx } = h;
    const kela = q.userByUsername('kela')!;
    const desk = q.desks(1)[0]!;
    const service = q.service(h.service('kela'))!;
    const kiosk = q.devices(1).find((d) => d.kind === 'kiosk')!;
    openDesk(ctx, kela, desk.id, [service.id]);
    const fromSteps = () =>
      typicalServiceMinutes(
        h.db
          .prepare<[number], { d: number }>(
            `SELECT ended_at - started_at AS d FROM steps WHERE service_id = ? AND status = 'done' AND started_at IS NOT NULL ORDER BY ended_at DESC LIMIT 20`,
          )
          .all(service.id)
          .map((r) => r.d),
        service.defaultServiceMin,
      );
    const minutes = [7, 3, 12, 5, 30, 2, 9, 9, 4, 15, 6, 8, 11, 1, 20, 3, 7, 14, 5, 10, 25, 2, 6, 18];
    expect(serviceMinutes(q, service)).toBe(service.defaultServiceMin);
    minutes.forEach((m, i) => {
      issueVisit(ctx, { kind: 'device', hubId: 1, device: kiosk }, { idempotencyKey: key(), language: 'fi', needs: {}, services: [service.id] } as never);
      const step = callNext(ctx, kela, desk.id);
      if (i % 7 === 3) {
        transitionStep(ctx, kela, step.id, 'no-show'); // not a finished service: not counted
      } else {
        transitionStep(ctx, kela, step.id, 'start');
        h.clock.advanceMinutes(m);
        const { bySql } = h.counter.during(() => transitionStep(ctx, kela, step.id, 'finish'));
        // the queue counts of the finish took the minutes from memory
        expect([...bySql.keys()].filter((sql) => /ended_at - started_at/.test(sql))).toEqual([]);
      }
      expect(serviceMinutes(q, service)).toBe(fromSteps());
    });
    expect(fromSteps()).not.toBe(service.defaultServiceMin);
    const queues = h.published.filter((e) => e.type === 'queues').at(-1)!.data as { queues: { serviceId: number; estimateMin: number }[] };
    expect(queues.queues.find((x) => x.serviceId === service.id)!.estimateMin).toBe(0); // nobody waiting
  });
});

describe('memory and a second process on the same file', () => {
  it('sees a catalogue change and a finish committed by another connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-cache-'));
    const h = await commandHub(join(dir, 'luukku.sqlite'));
    const other = openDatabase(join(dir, 'luukku.sqlite'));
    const q2 = createQueries(other);
    try {
      const kela = h.q.service(h.service('kela'))!;
      expect(h.q.recentServiceDurations(kela.id, 20)).toEqual([]);
      q2.transaction(() => {
        q2.updateService({ ...kela, publicLabel: { fi: 'Toisen prosessin nimi' } });
        const visitId = q2.insertVisit({ hubId: 1, day: '2026-11-24', number: 'K900', token: 'other-process', language: 'fi', needs: {}, deviceId: null, userId: null, arrivedAt: 0 });
        const stepId = q2.insertStep({ hubId: 1, visitId, serviceId: kela.id, position: 1, status: 'waiting', queueTime: 0, priority: 0, placement: null }, 0);
        const step = q2.step(stepId)!;
        q2.updateStep(step, 'waiting', { status: 'serving', startedAt: 60_000 });
        q2.updateStep(q2.step(stepId)!, 'serving', { status: 'done', endedAt: 360_000 });
      });
      await Promise.resolve(); // the next synchronous run of code looks again
      expect(h.q.service(kela.id)!.publicLabel.fi).toBe('Toisen prosessin nimi');
      expect(h.q.recentServiceDurations(kela.id, 20)).toEqual([300_000]);
      h.q.transaction(() => expect(h.q.services(1).find((s) => s.id === kela.id)!.publicLabel.fi).toBe('Toisen prosessin nimi'));
    } finally {
      other.close();
      h.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
