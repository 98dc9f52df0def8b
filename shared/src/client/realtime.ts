import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, HubEvent, ServerEvents, SyncAck } from '../schemas/events.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface RealtimeOptions {
  base?: string;
  auth: { token?: string; visit?: string; zone?: string };
  /** Loads the current state over HTTP; returns the seq it reflects. Called on every (re)connect when needed. */
  snapshot: () => Promise<number>;
  onEvent: (event: HubEvent) => void;
  onState?: (state: ConnectionState) => void;
}

const eventTypes = ['call', 'queues', 'step', 'visit', 'device', 'desk', 'catalog', 'appointment'] as const;

/**
 * The one socket client of the UIs. On connect it loads a snapshot once, and on every
 * reconnect it asks `sync { since }` for what it missed; events are applied in seq order and
 * never twice, so a display that drops off the network shows each call exactly once.
 */
export function connectRealtime(options: RealtimeOptions) {
  let lastSeq = -1;
  let syncing = false;
  let closed = false;
  let retryMs = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const held: HubEvent[] = [];
  const socket: Socket<ServerEvents, ClientEvents> = io(options.base ?? '', {
    auth: options.auth,
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });

  const apply = (e: HubEvent) => {
    if (e.seq <= lastSeq) return;
    lastSeq = e.seq;
    options.onEvent(e);
  };

  const receive = (e: HubEvent) => {
    // while catching up, hold live events so they are applied after the missed ones
    if (syncing || lastSeq < 0) held.push(e);
    else apply(e);
  };

  for (const type of eventTypes) socket.on(type, receive as never);

  const flush = () => {
    held.sort((a, b) => a.seq - b.seq);
    for (const e of held.splice(0)) apply(e);
  };

  async function catchUp(): Promise<void> {
    syncing = true;
    try {
      if (lastSeq < 0) {
        lastSeq = await options.snapshot();
      } else {
        const ack = await new Promise<SyncAck>((resolve, reject) => {
          socket.timeout(10_000).emit('sync', { since: lastSeq }, (err: Error | null, answer: SyncAck) =>
            err ? reject(err) : resolve(answer),
          );
        });
        if ('error' in ack) throw new Error(ack.error.message);
        if (ack.data.reset) lastSeq = await options.snapshot();
        else for (const e of ack.data.events) apply(e);
      }
      syncing = false;
      flush();
      options.onState?.('online');
      retryMs = 1000;
    } catch {
      syncing = false;
      // the snapshot or sync failed: start over on a fresh connection, not in a tight loop
      socket.disconnect();
      retryLater();
    }
  }

  /** socket.io does not retry a connection the server closed or refused; we do, backing off. */
  function retryLater(): void {
    if (closed) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!closed && !socket.connected) socket.connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  }

  options.onState?.('connecting');
  socket.on('connect', () => void catchUp());
  socket.on('disconnect', (reason) => {
    options.onState?.('offline');
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', () => {
    options.onState?.('offline');
    if (!socket.active) retryLater();
  });

  return {
    socket,
    get lastSeq() {
      return lastSeq;
    },
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      socket.close();
    },
  };
}
