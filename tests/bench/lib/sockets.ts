import { io, type Socket } from 'socket.io-client';
import { within } from './stats.js';

export interface ClientSpec {
  auth: Record<string, unknown>;
  cookie?: string;
}

/**
 * Opens socket.io clients (websocket transport, no reconnection) in batches, waiting for each
 * batch to connect before the next, so the server sees a realistic trickle and not 1,000
 * handshakes in one tick. Every wait is bounded.
 */
export async function openClients(url: string, specs: ClientSpec[], batch = 50, timeoutMs = 20_000): Promise<Socket[]> {
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < specs.length; i += batch) {
      const opened = specs.slice(i, i + batch).map((spec) => {
        const socket = io(url, {
          auth: spec.auth,
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          autoConnect: false,
          ...(spec.cookie ? { extraHeaders: { cookie: spec.cookie } } : {}),
        });
        sockets.push(socket);
        const connected = new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (err) => reject(new Error(`socket ${sockets.length}: ${err.message}`)));
        });
        socket.connect();
        return connected;
      });
      await within(timeoutMs, `connecting clients ${i + 1}–${i + opened.length}`, Promise.all(opened));
    }
    return sockets;
  } catch (err) {
    closeClients(sockets);
    throw err;
  }
}

export function closeClients(sockets: Socket[]): void {
  for (const s of sockets) {
    s.removeAllListeners();
    s.offAny();
    s.disconnect();
  }
}
