import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Answer {
  status: number;
  body: any;
  /** Time from sending to the whole answer, in ms. */
  ms: number;
  /** performance.now() when the whole answer had arrived. */
  at: number;
}

/**
 * A tiny keep-alive JSON client over node:http: cheaper per request than fetch, so on a
 * 2-core machine more of the CPU is left to the server under test. Every request has a timeout.
 */
export class Http {
  readonly agent: Agent;
  constructor(
    readonly base: string,
    maxSockets = 64,
    private readonly timeoutMs = 30_000,
  ) {
    // idle sockets are dropped after 20 s, well before the server's keep-alive timeout (72 s in
    // Fastify), so a request never goes out on a socket the server is closing at that moment
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 20_000 });
  }

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(path, this.base);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          agent: this.agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers: {
            ...headers,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const at = performance.now();
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: at - started, at });
          });
          res.on('error', (err) => reject(Object.assign(new Error(`${method} ${path}: ${err.message}`), { cause: err })));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${this.timeoutMs} ms`)));
      req.on('error', (err) => reject(Object.assign(new Error(`${method} ${path}: ${err.message}`), { cause: err })));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** Like send, but throws unless the status is one of `ok`. */
  async must(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, ok: number[] = [200, 201]): Promise<Answer> {
    const a = await this.send(method, path, body, headers);
    if (!ok.includes(a.status)) throw new Error(`${method} ${path}: ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
    return a;
  }

  /**
   * Opens `n` keep-alive connections ahead of time, a batch at a time, by sending that many
   * requests at once. A burst of hundreds of new connections at a busy single-threaded server
   * overflows its accept queue (Node's default backlog is 511) and the kernel's SYN retries then
   * add 1–31 s to a request; real clients do not all connect in the same millisecond.
   */
  async warm(n: number, path = '/api/health', batch = 25): Promise<void> {
    for (let i = 0; i < n; i += batch) {
      await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => this.must('GET', path)));
    }
  }

  close(): void {
    this.agent.destroy();
  }
}
