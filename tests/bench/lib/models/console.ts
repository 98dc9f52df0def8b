/**
 * A staff console, as its network sees it. Mirrors staff-ui/src/data/staff-data.ts
 * (StaffController): GET /api/me once; a socket (the session cookie) whose snapshot is a full
 * load — /api/queues, then /api/services, /api/desks and /api/printers at once, then
 * /api/steps/:id when the user's desk has a current step. Events change the state in place
 * with the same shared functions the console uses (a line's figures, a step in its line, a
 * desk, a printer); only a `catalog` event loads everything again. An action's answer becomes
 * what the desk holds; no load follows it. (The console queues a press made while another
 * runs; the bench's desk driver never presses twice, so `run` refuses one instead.)
 *
 * The benchmark's desk driver (lib/hub-sim.ts) uses only the public members below — `open`,
 * `myDesk`, `current`, `waiting`, `callNext`, `act`, `refer`, `changed`, `errorCode`,
 * `close` — and counts requests through ModelApi.
 */
import { consoleListsAfter, type Agency, type Desk, type HubEvent, type Hub, type Me, type PrinterStatus, type QueueSummary, type QueuesResponse, type ReferBody, type Service, type StepResponse, type User } from '@luukku/shared';
import { ApiFailure, ModelApi, type ModelEnv } from './net.js';
import { connectLive, type Live } from './realtime.js';

export type StepAction = 'recall' | 'start' | 'finish' | 'no-show' | 'return' | 'cancel';

const atDesk = (status: string) => status === 'called' || status === 'serving';

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
      onEvent: (e) => c.applyEvent(e),
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
    const queues = await this.api.request<QueuesResponse>('GET', '/api/queues');
    const [services, desks, printers] = await Promise.all([
      this.api.request<{ hub: Hub; agencies: Agency[]; services: Service[] }>('GET', '/api/services'),
      this.api.request<{ desks: Desk[] }>('GET', '/api/desks'),
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

  private applyEvent(e: HubEvent): void {
    if (this.closed) return;
    const next = consoleListsAfter(this, e, Date.parse(e.at));
    if (next === 'reload') {
      void this.reload().catch(() => undefined);
      return;
    }
    if (!next) return;
    ({ queues: this.queues, desks: this.desks, printers: this.printers } = next);
    if (e.type === 'step') {
      const step = e.data.step;
      if (!this.busy && this.current?.step.id === step.id) this.current = atDesk(step.status) ? { ...this.current, step } : null;
    }
    this.requestUpdate();
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = '';
    this.errorCode = '';
    this.requestUpdate();
    try {
      const result = await fn();
      // the answer is what the desk holds now
      if (result && typeof result === 'object' && 'step' in result) {
        const answer = result as unknown as StepResponse;
        this.current = atDesk(answer.step.status) ? answer : null;
      }
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
    this.live?.close();
    this.api.close();
    this.requestUpdate();
  }
}
