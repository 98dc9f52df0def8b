import type { Server, Socket } from 'socket.io';
import type { SyncAck } from '@luukku/shared';

/**
 * What one socket may ask of the server. A screen syncs once per reconnect, so the defaults
 * (LUUKKU_SOCKET_SYNCS_PER_SECOND=2) leave a real client far from the limit while a script that
 * loops on `sync` gets refusals, then the door.
 */
export interface SyncLimits {
  /** Syncs a socket may send in a burst (a flapping Wi-Fi reconnects a few times in a row). */
  burst: number;
  /** The burst refills at this many syncs per second. */
  perSecond: number;
  /** Refusals in a row after which the socket is cut: it is not a screen catching up. */
  refusalsBeforeDisconnect: number;
}

export function syncLimits(perSecond: number): SyncLimits {
  return { perSecond, burst: Math.max(10, Math.ceil(perSecond * 5)), refusalsBeforeDisconnect: 20 };
}

/** A token bucket on the monotonic clock (the app's clock is moved by tests; this must not be). */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

type Ack = (answer: SyncAck) => void;

/**
 * Wraps a socket's `sync` handler: one sync in flight at a time, within the bucket. A sync is in
 * flight from its arrival until its answer has been written out to the client's connection, so a
 * client that asks faster than it reads is refused instead of piling answers up in our memory.
 * The answer is computed on the next turn of the event loop, so HTTP requests interleave with a
 * burst of syncs instead of waiting behind all of them.
 */
export function limitSync<R>(socket: Socket, limits: SyncLimits, answer: (request: R, ack: Ack) => void): (request: R, ack: Ack) => void {
  const bucket = new TokenBucket(limits.burst, limits.perSecond);
  let inFlight = false;
  let refusals = 0;
  const refuse = (ack: Ack, message: string) => {
    ack({ error: { code: 'RATE_LIMITED', message } });
    if (++refusals >= limits.refusalsBeforeDisconnect) socket.disconnect(true);
  };
  return (request, ack) => {
    if (typeof ack !== 'function') return;
    if (inFlight) return refuse(ack, 'One sync at a time: wait for the answer to the last one');
    if (!bucket.take()) return refuse(ack, 'Too many syncs; reconnecting clients need one');
    refusals = 0;
    inFlight = true;
    setImmediate(() => {
      if (!socket.connected) {
        inFlight = false;
        return;
      }
      answer(request, ack);
      whenWritten(socket, () => {
        inFlight = false;
      });
    });
  };
}

/** Calls back once what was sent on the socket has left for the network (engine.io's transport drain). */
function whenWritten(socket: Socket, done: () => void): void {
  // engine.io keeps these untyped or private; both transports (websocket, polling) have them
  const conn = socket.conn as unknown as { writeBuffer: unknown[]; transport: { writable: boolean; once: (e: 'drain', f: () => void) => void } };
  if (conn.transport.writable && conn.writeBuffer.length === 0) return done();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  conn.transport.once('drain', once);
  // a transport that is replaced or closed never drains; the answer is then gone or resent anyway
  socket.conn.once('upgrade', once);
  socket.conn.once('close', once);
}

/**
 * Connections per client address, counted where engine.io opens them (before any namespace or
 * handshake check, so a flood of half-open connections counts too).
 */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(readonly cap: number) {}

  watch(io: Server): void {
    io.engine.on('connection', (conn: { remoteAddress: string; once: (e: 'close', f: () => void) => void }) => {
      const address = conn.remoteAddress;
      this.open.set(address, (this.open.get(address) ?? 0) + 1);
      conn.once('close', () => {
        const n = (this.open.get(address) ?? 1) - 1;
        if (n <= 0) this.open.delete(address);
        else this.open.set(address, n);
      });
    });
  }

  /** Whether a connection from this address (already counted) stays within the cap. */
  admits(address: string): boolean {
    return (this.open.get(address) ?? 0) <= this.cap;
  }
}
