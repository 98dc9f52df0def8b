/**
 * What the client models share: an HTTP client that behaves like the UIs' one
 * (shared/src/client/http.ts: JSON, a device token or the staff session cookie, non-2xx answers
 * thrown as errors with the server's code) and counts every request, and the tally of what
 * each kind of client sent and heard.
 */
import { Http } from '../http.js';

export type ClientKind = 'console' | 'phone' | 'kiosk' | 'display';
export const clientKinds: readonly ClientKind[] = ['console', 'phone', 'kiosk', 'display'];

/** Requests sent and socket messages heard, by kind of client, plus anything that went wrong. */
export class Traffic {
  readonly requests: Record<ClientKind, number> = { console: 0, phone: 0, kiosk: 0, display: 0 };
  readonly messages: Record<ClientKind, number> = { console: 0, phone: 0, kiosk: 0, display: 0 };
  /** Unexpected failures (a lost socket, a 5xx); the first few are kept for the report. */
  failures = 0;
  readonly firstFailures: string[] = [];

  fail(what: string): void {
    this.failures++;
    if (this.firstFailures.length < 5) this.firstFailures.push(what);
  }

  copy(): { requests: Record<ClientKind, number>; messages: Record<ClientKind, number>; failures: number } {
    return { requests: { ...this.requests }, messages: { ...this.messages }, failures: this.failures };
  }
}

/** A non-2xx answer, as the UIs' ApiError: the HTTP status and the server's error code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ModelEnv {
  base: string;
  traffic: Traffic;
}

export interface Credentials {
  /** A device token (kiosk, display), sent as Bearer. */
  token?: string;
  /** The staff session cookie (`luukku_session=…`). */
  cookie?: string;
}

/**
 * One client's HTTP connection pool: `maxSockets` keep-alive connections, as a browser tab keeps
 * a few to its origin. `timeoutMs` as the UI's createApi (8 s; the kiosk 6 s). A request that
 * gets no answer is a NETWORK failure, counted, as the UIs' ApiError.
 */
export class ModelApi {
  private readonly http: Http;
  constructor(
    private readonly env: ModelEnv,
    private readonly kind: ClientKind,
    private readonly credentials: Credentials,
    maxSockets: number,
    timeoutMs = 8000,
  ) {
    this.http = new Http(env.base, maxSockets, timeoutMs);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.credentials.token) headers.authorization = `Bearer ${this.credentials.token}`;
    if (this.credentials.cookie) headers.cookie = this.credentials.cookie;
    this.env.traffic.requests[this.kind]++;
    let a: Awaited<ReturnType<Http['send']>>;
    try {
      a = await this.http.send(method, path, body, headers);
    } catch (err) {
      // the message names the request already
      this.env.traffic.fail(`${this.kind}: ${err instanceof Error ? err.message : String(err)}`);
      throw new ApiFailure(0, 'NETWORK', err instanceof Error ? err.message : String(err));
    }
    if (a.status < 200 || a.status >= 300) {
      const e = (a.body as { error?: { code?: string; message?: string } } | undefined)?.error;
      if (a.status >= 500) this.env.traffic.fail(`${this.kind}: ${method} ${path} → ${a.status} ${e?.code ?? ''}`);
      throw new ApiFailure(a.status, e?.code ?? 'UNKNOWN', e?.message ?? `HTTP ${a.status}`);
    }
    return a.body as T;
  }

  close(): void {
    this.http.close();
  }
}
