/**
 * A staff console, as its network sees it. Mirrors staff-ui/src/data/staff-data.ts
 * (StaffController): GET /api/me once; a socket (the session cookie) whose snapshot is a full
 * reload; on EVERY event that reaches staff (call, queues, step, device, catalog) a reload
 * debounced 60 ms; after each of its own actions a reload too. A reload is /api/services,
 * /api/desks, /api/queues and /api/printers at once, then /api/steps/:id when the user's desk
 * has a current step. An action while another runs is dropped (`run`), as in the console.
 *
 * When the console changes (apply events in place, refetch only on reset or a seq gap), this
 * file is the one to change: the benchmark's desk driver (lib/hub-sim.ts) uses only the public
 * members below — `open`, `myDesk`, `current`, `waiting`, `callNext`, `act`, `refer`,
 * `changed`, `errorCode`, `close` — and counts requests through ModelApi.
 */
import type { Agency, Desk, Hub, Me, PrinterStatus, QueueSummary, QueuesResponse, ReferBody, Service, StepResponse, User } from '@luukku/shared';
import { ApiFailure, ModelApi, type ModelEnv } from './net.js';
import { connectLive, type Live } from './realtime.js';

export type StepAction = 'recall' | 'start' | 'finish' | 'no-show' | 'return' | 'cancel';

/** The console's debounce: a burst of events (one change writes several) becomes one reload. */
const refreshMs = 60;

export class StaffConsole {
  user: User | null = null;
  hub: Hub | null = null;
  agencies: Agency[] = [];
  services: Service[] = [];
  desks: Desk[] = [];
  queues: QueueSummary[] = [];
  current: StepResponse | null = null;
  printers: PrinterStatus[] = [];
  error = '';
  /** Bench addition: the server's code for the last failed action (QUEUE_EMPTY for an empty press). */
  errorCode = '';
  busy = false;

  private readonly api: ModelApi;
  private live: Live | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners: (() => void)[] = [];
  private closed = false;

  private constructor(
    private readonly env: ModelEnv,
    cookie: string,
  ) {
    // a browser keeps up to 6 keep-alive connections to one origin (HTTP/1.1): the reload's 4 GETs
    // go out at once and an action never waits behind them
    this.api = new ModelApi(env, 'console', { cookie }, 6);
  }

  /** A logged-in console, loaded and live. */
  static async open(env: ModelEnv, cookie: string): Promise<StaffConsole> {
    const c = new StaffConsole(env, cookie);
    const me = await c.api.request<Me>('GET', '/api/me');
    if (me.kind !== 'user') throw new Error('console: not a staff login');
    c.user = me.user;
    c.live = await connectLive(env, {
      kind: 'console',
      auth: {},
      credentials: { cookie },
      snapshot: () => c.reload(),
      // the console throws the event's data away and reloads
      onEvent: () => c.scheduleRefresh(),
    });
    return c;
  }

  get myDesk(): Desk | null {
    return this.desks.find((d) => d.userId === this.user?.id && d.status !== 'closed') ?? null;
  }

  /** How many the console shows waiting in a line. */
  waiting(serviceId: number): number {
    return this.queues.find((q) => q.serviceId === serviceId)?.waiting ?? 0;
  }

  /** Resolves at the console's next redraw (the host's requestUpdate), or after `ms`. */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.listeners.push(done);
    });
  }

  private requestUpdate(): void {
    for (const l of this.listeners.slice()) l();
  }

  /** Loads everything; returns the event sequence the lines reflect. */
  async reload(): Promise<number> {
    const [services, desks, queues, printers] = await Promise.all([
      this.api.request<{ hub: Hub; agencies: Agency[]; services: Service[] }>('GET', '/api/services'),
      this.api.request<{ desks: Desk[] }>('GET', '/api/desks'),
      this.api.request<QueuesResponse>('GET', '/api/queues'),
      this.api.request<{ printers: PrinterStatus[] }>('GET', '/api/printers'),
    ]);
    this.hub = services.hub;
    this.agencies = services.agencies;
    this.services = services.services;
    this.desks = desks.desks;
    this.queues = queues.queues;
    this.printers = printers.printers;
    const stepId = this.myDesk?.currentStepId ?? null;
    this.current = stepId ? await this.api.request<StepResponse>('GET', `/api/steps/${stepId}`) : null;
    this.requestUpdate();
    return queues.seq;
  }

  private scheduleRefresh(): void {
    if (this.closed) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.reload().catch(() => undefined), refreshMs);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = '';
    this.errorCode = '';
    this.requestUpdate();
    try {
      const result = await fn();
      await this.reload();
      return result;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.errorCode = err instanceof ApiFailure ? err.code : 'NETWORK';
      return undefined;
    } finally {
      this.busy = false;
      this.requestUpdate();
    }
  }

  callNext(): Promise<StepResponse | undefined> | undefined {
    const desk = this.myDesk;
    return desk ? this.run(() => this.api.request<StepResponse>('POST', `/api/desks/${desk.id}/call-next`)) : undefined;
  }

  act(action: StepAction): Promise<StepResponse | undefined> | undefined {
    const step = this.current?.step;
    return step ? this.run(() => this.api.request<StepResponse>('POST', `/api/steps/${step.id}/${action}`)) : undefined;
  }

  refer(body: ReferBody): Promise<StepResponse | undefined> | undefined {
    const step = this.current?.step;
    return step ? this.run(() => this.api.request<StepResponse>('POST', `/api/steps/${step.id}/refer`, body)) : undefined;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.refreshTimer);
    this.live?.close();
    this.api.close();
    this.requestUpdate();
  }
}
