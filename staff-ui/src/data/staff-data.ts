import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, createApi, type StepAction } from '@luukku/shared/http';
import { connectRealtime, type ConnectionState } from '@luukku/shared/realtime';
import type { Agency, Desk, Hub, PrinterStatus, QueueSummary, ReferBody, Service, StepResponse, User } from '@luukku/shared';

const deskKey = 'luukku.staff.desk';
const servicesKey = 'luukku.staff.services';

export interface Remembered {
  deskId: number | null;
  serviceIds: number[];
}

/**
 * Everything the console shows, kept fresh: loaded over HTTP, and reloaded when the socket
 * says something changed or after it reconnects, so nothing stale stays on screen. The
 * elements only read it and call its actions.
 */
export class StaffController implements ReactiveController {
  user: User | null = null;
  hub: Hub | null = null;
  agencies: Agency[] = [];
  services: Service[] = [];
  desks: Desk[] = [];
  queues: QueueSummary[] = [];
  current: StepResponse | null = null;
  printers: PrinterStatus[] = [];
  connection: ConnectionState = 'connecting';
  loaded = false;
  error = '';
  busy = false;

  private readonly api = createApi();
  private rt: ReturnType<typeof connectRealtime> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.start();
  }

  hostDisconnected(): void {
    this.rt?.close();
    this.rt = null;
    clearTimeout(this.refreshTimer);
  }

  get myDesk(): Desk | null {
    return this.desks.find((d) => d.userId === this.user?.id && d.status !== 'closed') ?? null;
  }

  get remembered(): Remembered {
    const deskId = Number(localStorage.getItem(deskKey)) || null;
    const serviceIds = (localStorage.getItem(servicesKey) ?? '').split(',').filter(Boolean).map(Number);
    return { deskId, serviceIds };
  }

  /** Services this user may serve: their agencies' and Guidance (admins: all). */
  get myServices(): Service[] {
    const u = this.user;
    if (!u) return [];
    return this.services.filter((s) => s.active && (u.role === 'admin' || s.isGuidance || u.agencyIds.includes(s.agencyId)));
  }

  private async start(): Promise<void> {
    try {
      const me = await this.api.me();
      if (me.kind !== 'user') throw new ApiError(403, 'FORBIDDEN', 'not a staff login');
      this.user = me.user;
      this.connect();
    } catch {
      this.user = null;
    }
    this.loaded = true;
    this.host.requestUpdate();
  }

  private connect(): void {
    this.rt?.close();
    this.rt = connectRealtime({
      auth: {},
      snapshot: () => this.reload(),
      onEvent: () => this.scheduleRefresh(),
      onState: (s) => {
        const back = this.connection === 'offline' && s === 'online';
        this.connection = s;
        if (back) this.scheduleRefresh();
        this.host.requestUpdate();
      },
    });
  }

  /** Loads everything; returns the event sequence the lines reflect. */
  async reload(): Promise<number> {
    const [services, desks, queues, printers] = await Promise.all([
      this.api.request<{ hub: Hub; agencies: Agency[]; services: Service[] }>('GET', '/api/services'),
      this.api.desks(),
      this.api.queues(),
      this.api.request<{ printers: PrinterStatus[] }>('GET', '/api/printers'),
    ]);
    this.hub = services.hub;
    this.agencies = services.agencies;
    this.services = services.services;
    this.desks = desks.desks;
    this.queues = queues.queues;
    this.printers = printers.printers;
    const stepId = this.myDesk?.currentStepId ?? null;
    this.current = stepId ? await this.api.step(stepId) : null;
    this.host.requestUpdate();
    return queues.seq;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    // a burst of events (one change writes several) becomes one reload
    this.refreshTimer = setTimeout(() => void this.reload().catch(() => undefined), 60);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const result = await fn();
      await this.reload();
      return result;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') this.user = null;
      return undefined;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  async login(username: string, password: string): Promise<boolean> {
    this.error = '';
    try {
      const me = await this.api.login(username, password);
      if (me.kind === 'user') this.user = me.user;
      this.connect();
      this.host.requestUpdate();
      return true;
    } catch (err) {
      this.error = err instanceof ApiError && err.code === 'BAD_CREDENTIALS' ? 'BAD_CREDENTIALS' : String(err);
      this.host.requestUpdate();
      return false;
    }
  }

  async logout(): Promise<void> {
    await this.api.logout().catch(() => undefined);
    this.rt?.close();
    this.user = null;
    this.current = null;
    this.host.requestUpdate();
  }

  openDesk(deskId: number, serviceIds: number[]) {
    localStorage.setItem(deskKey, String(deskId));
    localStorage.setItem(servicesKey, serviceIds.join(','));
    return this.run(() => this.api.openDesk(deskId, serviceIds));
  }
  closeDesk(deskId: number) {
    return this.run(() => this.api.closeDesk(deskId));
  }
  setBreak(deskId: number, onBreak: boolean) {
    return this.run(() => this.api.setBreak(deskId, onBreak));
  }
  callNext() {
    const desk = this.myDesk;
    return desk ? this.run(() => this.api.callNext(desk.id)) : undefined;
  }
  callStep(stepId: number) {
    const desk = this.myDesk;
    return desk ? this.run(() => this.api.callStep(stepId, desk.id)) : undefined;
  }
  act(action: StepAction) {
    const step = this.current?.step;
    return step ? this.run(() => this.api.stepAction(step.id, action)) : undefined;
  }
  refer(body: ReferBody) {
    const step = this.current?.step;
    return step ? this.run(() => this.api.refer(step.id, body)) : undefined;
  }
}
