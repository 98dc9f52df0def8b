import { createServer, type Server, type Socket } from 'node:net';

/**
 * A raw TCP "printer" on 127.0.0.1: it takes connections and keeps every byte sent to it. One
 * connection is one job, complete when the sender closes its side.
 */
export interface FakePrinter {
  host: string;
  port: number;
  /** The bytes of the next job that completes (or of one already completed and not yet taken). */
  nextJob(): Promise<Buffer>;
  /** How many connections it has taken. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * `mode: 'silent'` takes the connection but never reads a byte nor answers: a printer whose
 * firmware hangs, to prove the sender gives up.
 */
export async function startFakePrinter(mode: 'reading' | 'silent' = 'reading'): Promise<FakePrinter> {
  const done: Buffer[] = [];
  const waiting: ((job: Buffer) => void)[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;

  const server: Server = createServer({ pauseOnConnect: mode === 'silent' }, (socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'silent') return;
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      const waiter = waiting.shift();
      if (waiter) waiter(job);
      else done.push(job);
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  return {
    host: '127.0.0.1',
    port: address.port,
    nextJob: () => {
      const job = done.shift();
      return job ? Promise.resolve(job) : new Promise((resolve) => waiting.push(resolve));
    },
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago), for a printer that is off. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}
