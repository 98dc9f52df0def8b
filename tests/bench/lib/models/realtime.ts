/**
 * The models' socket client. Mirrors shared/src/client/realtime.ts (`connectRealtime`, the one
 * socket client of every UI): on connect it loads the snapshot once, holds live events that
 * arrive meanwhile, then applies events in `seq` order and never twice. Differences, because a
 * benchmark client is not a browser: the staff session cookie goes in the handshake headers (a
 * browser sends it by itself), and there is no reconnecting — a socket lost during a run is
 * counted as a failure instead.
 */
import { io, type Socket } from 'socket.io-client';
import type { HubEvent } from '@luukku/shared';
import type { ClientKind, Credentials, ModelEnv } from './net.js';
import { within } from '../stats.js';

const eventTypes = ['call', 'queues', 'step', 'visit', 'device', 'desk', 'catalog'] as const;

export interface LiveOptions {
  kind: ClientKind;
  /** The handshake's `auth`: a device token (and zone), or a visit token; staff send none. */
  auth: { token?: string; visit?: string; zone?: string };
  credentials?: Credentials;
  /** Loads the current state over HTTP; returns the seq it reflects. */
  snapshot: () => Promise<number>;
  onEvent: (event: HubEvent) => void;
}

export interface Live {
  readonly socket: Socket;
  readonly lastSeq: number;
  close: () => void;
}

/** Connects, loads the snapshot, and resolves once the client is live (bounded wait). */
export async function connectLive(env: ModelEnv, o: LiveOptions): Promise<Live> {
  let lastSeq = -1;
  let syncing = true;
  let closed = false;
  const held: HubEvent[] = [];
  const socket = io(env.base, {
    auth: o.auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    ...(o.credentials?.cookie ? { extraHeaders: { cookie: o.credentials.cookie } } : {}),
  });
  const apply = (e: HubEvent) => {
    if (e.seq <= lastSeq) return;
    lastSeq = e.seq;
    try {
      o.onEvent(e);
    } catch (err) {
      env.traffic.fail(`${o.kind}: applying ${e.type}: ${String(err)}`);
    }
  };
  for (const type of eventTypes) {
    socket.on(type, (e: HubEvent) => {
      env.traffic.messages[o.kind]++;
      // while catching up, hold live events so they are applied after the snapshot
      if (syncing) held.push(e);
      else apply(e);
    });
  }
  socket.on('disconnect', (reason) => {
    if (!closed) env.traffic.fail(`${o.kind}: socket lost (${reason})`);
  });
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(new Error(`${o.kind} socket: ${err.message}`)));
  });
  socket.connect();
  try {
    await within(30_000, `${o.kind} socket connect`, connected);
    lastSeq = await within(30_000, `${o.kind} snapshot`, o.snapshot());
  } catch (err) {
    closed = true;
    socket.close();
    throw err;
  }
  syncing = false;
  held.sort((a, b) => a.seq - b.seq);
  for (const e of held.splice(0)) apply(e);
  return {
    socket,
    get lastSeq() {
      return lastSeq;
    },
    close: () => {
      closed = true;
      socket.removeAllListeners();
      socket.close();
    },
  };
}
