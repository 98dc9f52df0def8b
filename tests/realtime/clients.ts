/**
 * Real socket.io clients against a hub listening on a real port, and the few HTTP steps the
 * realtime tests drive the hub with.
 *
 * Readiness: a client is "ready" after its 'connect' event and one `sync` round trip. The ack
 * proves the server has run its connection handler (rooms joined). The same round trip is the
 * barrier for "did not receive": messages on one socket arrive in order, and commands broadcast
 * before their HTTP answer, so once a later sync ack is back, anything sent earlier has arrived.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, EventType, HubEvent, ServerEvents, SyncAck } from '@luukku/shared';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';

export type LuukkuSocket = Socket<ServerEvents, ClientEvents>;
export type EventOf<K extends EventType> = Extract<HubEvent, { type: K }>;

/** socket.io `auth`: { token, zone? } for devices, { visit } for the phone page, {} with a cookie for staff; anything for bad cases. */
export type Handshake = Record<string, unknown>;

export interface ConnectOptions {
  /** Staff: the `luukku_session=…` cookie from hub.login(). */
  cookie?: string;
  timeoutMs?: number;
}

/** Every message a client got, as the server sent it (event name and payload). */
export interface RawMessage {
  event: string;
  payload: unknown;
}

const defaultTimeout = 5_000;
/** `since` beyond any real seq: the ack then carries the hub's seq and no events. */
const farFuture = Number.MAX_SAFE_INTEGER;

export class TestClient {
  /** Hub events received live, in arrival order. */
  readonly events: HubEvent[] = [];
  /** Everything received live, for leak checks. */
  readonly raw: RawMessage[] = [];
  private listeners = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly socket: LuukkuSocket,
  ) {
    socket.onAny((event: string, ...args: unknown[]) => {
      const payload = args[0];
      this.raw.push({ event, payload });
      if (isHubEvent(payload) && payload.type === event) this.events.push(payload);
      for (const l of [...this.listeners]) l();
    });
  }

  /** Sends `sync` and resolves with the ack; rejects if no ack comes in time. */
  async sync(request: unknown, timeoutMs = defaultTimeout): Promise<SyncAck> {
    const s = this.socket as unknown as Socket;
    return (await s.timeout(timeoutMs).emitWithAck('sync', request)) as SyncAck;
  }

  /** A sync round trip that returns the hub's latest seq; everything sent before it has arrived. */
  async barrier(): Promise<number> {
    const ack = await this.sync({ since: farFuture });
    if (!('data' in ack)) throw new Error(`${this.name}: barrier sync failed: ${JSON.stringify(ack)}`);
    return ack.data.seq;
  }

  /** Index into `events` to look at only what comes later. */
  mark(): number {
    return this.events.length;
  }

  /** Events of one type (optionally only those after a mark). */
  ofType<K extends EventType>(type: K, from = 0): EventOf<K>[] {
    return this.events.slice(from).filter((e): e is EventOf<K> => e.type === type);
  }

  /** Highest seq received live so far (0 if none). */
  lastSeq(): number {
    return this.events.reduce((m, e) => Math.max(m, e.seq), 0);
  }

  /**
   * The first event of this type (after `from`) that matches: one already received, or the
   * next one to arrive. Rejects after timeoutMs with what was received, to make failures legible.
   */
  waitFor<K extends EventType>(
    type: K,
    predicate: (e: EventOf<K>) => boolean = () => true,
    timeoutMs = defaultTimeout,
    from = 0,
  ): Promise<EventOf<K>> {
    return new Promise((resolve, reject) => {
      const find = () => this.ofType(type, from).find(predicate);
      const found = find();
      if (found) {
        resolve(found);
        return;
      }
      const check = () => {
        const hit = find();
        if (hit) {
          done();
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.events.map((e) => `${e.seq}:${e.type}`).join(', ');
        reject(new Error(`${this.name}: no matching '${type}' within ${timeoutMs} ms; received [${seen}]`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  /** Drops the connection (the client keeps its buffers). */
  async disconnect(): Promise<void> {
    if (!this.socket.connected) return;
    const gone = new Promise<void>((resolve) => this.socket.once('disconnect', () => resolve()));
    this.socket.disconnect();
    await gone;
  }

  /** Connects again with the same handshake and waits until the server side is ready. */
  async reconnect(timeoutMs = defaultTimeout): Promise<void> {
    await waitConnected(this.socket, this.name, timeoutMs, () => this.socket.connect());
    await this.barrier();
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.offAny();
    this.socket.disconnect();
  }
}

function isHubEvent(x: unknown): x is HubEvent {
  return typeof x === 'object' && x !== null && typeof (x as { seq?: unknown }).seq === 'number' && typeof (x as { type?: unknown }).type === 'string';
}

function socketFor(url: string, auth: Handshake, options: ConnectOptions): LuukkuSocket {
  return io(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
  }) as LuukkuSocket;
}

function waitConnected(socket: LuukkuSocket, name: string, timeoutMs: number, start: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${name}: no connect within ${timeoutMs} ms`));
    }, timeoutMs);
    const onConnect = () => {
      cleanup();
      resolve();
    };
    const onError = (err: Error) => {
      cleanup();
      reject(Object.assign(new Error(`${name}: connect_error: ${err.message}`), { cause: err }));
    };
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    };
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
    start();
  });
}

/** The refusal a handshake got: the Error from connect_error, with the server's `data`. */
export type ConnectRefusal = Error & { data?: { code?: string } };

/** Keeps every client a test opens, so afterEach can close them before the app. */
export class Clients {
  private open: TestClient[] = [];

  constructor(private readonly url: () => string) {}

  /** Connects and waits until ready (connect + one sync round trip). */
  async connect(name: string, auth: Handshake, options: ConnectOptions = {}): Promise<TestClient> {
    const socket = socketFor(this.url(), auth, options);
    const client = new TestClient(name, socket);
    this.open.push(client);
    await waitConnected(socket, name, options.timeoutMs ?? defaultTimeout, () => socket.connect());
    await client.barrier();
    return client;
  }

  display(zone?: string, name = `display:${zone ?? 'default'}`): Promise<TestClient> {
    return this.connect(name, zone === undefined ? { token: 'demo-display' } : { token: 'demo-display', zone });
  }

  staff(cookie: string, name = 'staff'): Promise<TestClient> {
    return this.connect(name, {}, { cookie });
  }

  phone(visitToken: string, name = 'phone'): Promise<TestClient> {
    return this.connect(name, { visit: visitToken });
  }

  /** Resolves with the connect_error of a handshake the server must refuse; rejects if it connects. */
  async refused(auth: Handshake, options: ConnectOptions = {}): Promise<ConnectRefusal> {
    const socket = socketFor(this.url(), auth, options);
    const client = new TestClient('refused', socket);
    this.open.push(client);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no connect_error within ${defaultTimeout} ms`)), defaultTimeout);
      socket.on('connect_error', (err) => {
        clearTimeout(timer);
        resolve(err as ConnectRefusal);
      });
      socket.on('connect', () => {
        clearTimeout(timer);
        reject(new Error(`handshake ${JSON.stringify(auth)} was accepted`));
      });
      socket.connect();
    });
  }

  closeAll(): void {
    for (const c of this.open) c.close();
    this.open = [];
  }
}

/** Starts listening on a free port of 127.0.0.1 and returns the base URL. */
export async function listen(hub: TestHub): Promise<string> {
  return hub.app.listen({ port: 0, host: '127.0.0.1' });
}

/** A UI root with no UI in it: realtime tests need none, and must not depend on whether one is built. */
const noUi = join(tmpdir(), 'luukku-realtime-no-ui');

/** A demo hub (see startHub) listening on a real port; close clients before hub.app.close(). */
export async function startRealtimeHub(): Promise<{ hub: TestHub; url: string }> {
  const hub = await startHub({ config: { uiDir: noUi } });
  try {
    return { hub, url: await listen(hub) };
  } catch (err) {
    await hub.app.close();
    throw err;
  }
}

// --- driving the hub over HTTP (app.inject); events are broadcast after commit all the same ---

export interface Issued {
  visitId: number;
  number: string;
  token: string;
}

/** Issues a visit at the kiosk for the given service codes. */
export async function issue(hub: TestHub, ...serviceCodes: string[]): Promise<Issued> {
  const services = serviceCodes.map((c) => {
    const id = hub.ids.service[c];
    if (id === undefined) throw new Error(`no demo service ${c}`);
    return id;
  });
  const res = await hub.call('POST', '/api/visits', kiosk, { services, language: 'fi', idempotencyKey: key() });
  if (res.status !== 201) throw new Error(`issue ${serviceCodes.join(',')}: ${res.status} ${JSON.stringify(res.body)}`);
  return { visitId: res.body.visitId, number: res.body.number, token: res.body.token };
}

/** Opens a desk (by its name, "1"–"6") for the given service codes. */
export async function openDesk(hub: TestHub, cookie: string, deskName: string, ...serviceCodes: string[]): Promise<number> {
  const deskId = hub.ids.desk[deskName];
  if (deskId === undefined) throw new Error(`no demo desk ${deskName}`);
  const services = serviceCodes.map((c) => hub.ids.service[c]!);
  const res = await hub.call('POST', `/api/desks/${deskId}/open`, { cookie }, { services });
  if (res.status !== 200) throw new Error(`open desk ${deskName}: ${res.status} ${JSON.stringify(res.body)}`);
  return deskId;
}

export interface Called {
  stepId: number;
  visitId: number;
  number: string;
}

export async function callNext(hub: TestHub, cookie: string, deskName: string): Promise<Called> {
  const res = await hub.call('POST', `/api/desks/${hub.ids.desk[deskName]}/call-next`, { cookie });
  if (res.status !== 200) throw new Error(`call-next at ${deskName}: ${res.status} ${JSON.stringify(res.body)}`);
  return { stepId: res.body.step.id, visitId: res.body.step.visitId, number: res.body.step.number };
}

export async function stepAction(hub: TestHub, cookie: string, stepId: number, action: string, body?: unknown): Promise<any> {
  const res = await hub.call('POST', `/api/steps/${stepId}/${action}`, { cookie }, body);
  if (res.status !== 200) throw new Error(`${action} step ${stepId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every key path in a value whose key mentions "note", with the value found there. */
export function noteFields(value: unknown, path = '$'): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => noteFields(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(/note/i.test(k) ? [{ path: `${path}.${k}`, value: v }] : []),
    ...noteFields(v, `${path}.${k}`),
  ]);
}

/** The demo hub's latest event seq, read straight from the database. */
export function hubSeq(hub: TestHub): number {
  const demo = hub.app.q.hubBySlug('mantsala');
  if (!demo) throw new Error('no demo hub');
  return hub.app.q.lastSeq(demo.id);
}
