import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent, SyncAck } from '@luukku/shared';
import type { TestHub } from '../support/app.js';
import { callNext, Clients, hubSeq, issue, startRealtimeHub, openDesk, stepAction, type TestClient } from './clients.js';

function events(ack: SyncAck): { events: HubEvent[]; seq: number; reset: boolean } {
  if (!('data' in ack)) throw new Error(`sync failed: ${JSON.stringify(ack)}`);
  return ack.data;
}

describe('sync: catching up after a reconnect', () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);

  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
  });
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  /** Three calls at zone-a desk 1 (each finished), with one zone-b call and step changes between. */
  async function busyMorning(kela: string, ohjaamo: string): Promise<string[]> {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      await issue(hub, 'kela');
      const c = await callNext(hub, kela, '1');
      numbers.push(c.number);
      await stepAction(hub, kela, c.stepId, 'start');
      await stepAction(hub, kela, c.stepId, 'finish');
      if (i === 1) {
        await issue(hub, 'ohjaamo');
        await callNext(hub, ohjaamo, '4');
      }
    }
    return numbers;
  }

  it('a zone-a display that missed three calls gets exactly what it missed and may see, once, and the hub seq', async () => {
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    await openDesk(hub, kela, '1', 'kela');
    await openDesk(hub, ohjaamo, '4', 'ohjaamo');
    await issue(hub, 'kela');
    await callNext(hub, kela, '1').then((c) => stepAction(hub, kela, c.stepId, 'finish'));

    const display = await clients.display('a', 'reconnecting');
    // a twin that stays connected: what it hears live is what the first one may see
    const twin = await clients.display('a', 'twin');
    await issue(hub, 'kela'); // something live before the break
    await display.waitFor('queues', (e) => e.data.queues.some((q) => q.serviceId === hub.ids.service.kela && q.waiting === 1));
    await display.barrier();
    const lastSeq = display.lastSeq();
    const had = display.events.map((e) => e.seq);
    expect(lastSeq).toBeGreaterThan(0);

    await display.disconnect();
    await twin.barrier();
    const twinMark = twin.mark();
    const numbers = await busyMorning(kela, ohjaamo);
    await display.reconnect();
    const liveAfterReconnect = display.mark();

    const ack = events(await display.sync({ since: lastSeq }));
    await twin.barrier();
    const missed = twin.events.slice(twinMark);

    expect(ack.reset).toBe(false);
    expect(ack.seq).toBe(hubSeq(hub));
    // a command's last event is the visit's own, which a display never sees: its last is before
    expect(ack.seq).toBeGreaterThanOrEqual(missed[missed.length - 1]!.seq);
    // exactly the three zone-a calls…
    const calls = ack.events.filter((e) => e.type === 'call');
    expect(calls.map((e) => e.type === 'call' && [e.data.number, e.data.deskName, e.data.zone])).toEqual(
      numbers.map((n) => [n, '1', 'a']),
    );
    // …and the queue counts (one per command: 3 × issue, call, start, finish + the zone-b issue and call),
    // nothing else: no zone-b call, no step, no visit
    expect(ack.events.filter((e) => e.type === 'queues')).toHaveLength(14);
    expect(ack.events).toHaveLength(17);
    // the same stream as the twin heard live, in order, none twice, none it had
    expect(ack.events).toEqual(missed);
    const seqs = ack.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.every((s) => s > lastSeq)).toBe(true);
    expect(seqs.filter((s) => had.includes(s))).toEqual([]);
    // nothing of the missed stream was pushed live on reconnect either
    expect(display.events.slice(liveAfterReconnect)).toEqual([]);
  });

  it('sync from the latest seq returns no events and the same seq', async () => {
    await issue(hub, 'kela');
    const display = await clients.display('all');
    const first = events(await display.sync({ since: 0 }));
    expect(first.events.length).toBeGreaterThan(0);
    const again = events(await display.sync({ since: first.seq }));
    expect(again).toEqual({ events: [], seq: first.seq, reset: false });
  });

  it('replayed events have the same shape as live ones (seq, type, ISO time, data)', async () => {
    const kela = await hub.login('kela');
    await openDesk(hub, kela, '2', 'kela');
    await issue(hub, 'kela');
    const display = await clients.display('a');
    const before = await display.barrier();
    await callNext(hub, kela, '2');
    const live = await display.waitFor('call');
    const replay = events(await display.sync({ since: before })).events.find((e) => e.type === 'call');
    expect(replay).toEqual(live);
    expect(live.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('a client that missed more than the replay limit is told to reset instead of replaying', async () => {
    const display = await clients.display('all');
    const since = await display.barrier();
    // each issue writes three events (step, visit, queues): 340 issues are over 1000 events
    for (let i = 0; i < 340; i++) await issue(hub, 'kela');
    const ack = events(await display.sync({ since }));
    expect(ack).toEqual({ events: [], seq: hubSeq(hub), reset: true });
    expect(ack.seq - since).toBeGreaterThan(1000);
  });

  describe('bad sync requests', () => {
    let display: TestClient;
    beforeEach(async () => {
      display = await clients.display('a');
    });

    it.each([
      ['a negative since', { since: -1 }],
      ['a string instead of an object', 'x'],
      ['a fractional since', { since: 1.5 }],
      ['since as a string', { since: '3' }],
      ['no since', {}],
      ['an unknown field', { since: 0, extra: true }],
      ['null', null],
    ])('%s is answered with VALIDATION_FAILED and the socket stays usable', async (_what, request) => {
      const ack = await display.sync(request);
      expect(ack).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect('data' in ack).toBe(false);
      expect(display.socket.connected).toBe(true);
      const ok = events(await display.sync({ since: 0 }));
      expect(ok.reset).toBe(false);
    });

    it('a sync without an ack callback is ignored and the socket stays usable', async () => {
      (display.socket as unknown as { emit: (ev: string, ...a: unknown[]) => void }).emit('sync', { since: 0 });
      const seq = await display.barrier();
      expect(seq).toBe(hubSeq(hub));
      expect(display.socket.connected).toBe(true);
    });
  });
});

