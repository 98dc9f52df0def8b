import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, createApi, type StepAction } from '@luukku/shared/http';
import { connectRealtime, type ConnectionState } from '@luukku/shared/realtime';
import type { Agency, Desk, HubEvent, Hub, Me, MyDay, PrinterStatus, QueueSummary, ReferBody, Service, StaffStep, StepResponse, User, UserHub } from '@luukku/shared';
import { consoleListsAfter } from '@luukku/shared/lines';
import { atDesk, decide, type Planned, type Press, type Refusal } from './staff-actions.js';
import type { AppointmentBody, AppointmentResult, AppointmentsResponse, CheckedIn, LoginOptions } from '@luukku/shared';
import { withAppointment } from './appointments-data.js';

const deskKey = 'luukku.staff.desk';

/** getRandomValues works on a plain-http LAN address too, where randomUUID does not. */
const newKey = (): string => 's-' + Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const servicesKey = 'luukku.staff.services';

export interface Remembered {
  deskId: number | null;
  serviceIds: number[];
}

/**
 * Everything the console shows, kept fresh: loaded over HTTP once, then changed in place by
 * the socket's events, which carry the new state (a line's figures, a step, a desk, a
 * printer). It loads again only when the server says it cannot replay what was missed
 * (`reset`), when the hub's setup changes (`catalog`, rare), and after this desk's own
 * opening or closing (which changes which lines it is shown). The elements only read it and
 * call its actions.
 *
 * Staff actions run one at a time, in the order pressed; a press is queued or refused by the
 * rule in `decide()`, never dropped. The answer of an action is what the desk now holds: a
 * reload that was under way while an action ran is not applied over it (see `reload`).
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
  /** This user's own day (served, average time, referred on): loaded with the snapshot and after own finish/refer. */
  myDay: MyDay | null = null;
  /** Today's appointments of this user's agencies, kept from `appointment` events. */
  appointments: AppointmentsResponse | null = null;
  /** The hub this session is in, and the hubs the user may switch to (today's first). */
  hubId: number | null = null;
  hubs: UserHub[] = [];
  switchingHub = false;
  connection: ConnectionState = 'connecting';
  loaded = false;
  error = '';
  /** What the login page offers (the organisation's sign-in, passwords); read while logged out. */
  loginOptions: LoginOptions = { oidc: false, passwords: true };
  /** Why the organisation's sign-in was refused: the code the server sent back in ?loginError. */
  loginError = '';
  /** Actions accepted and not yet done (running or queued). */
  busy = false;
  /**
   * The last refused press; `count` grows with each, so a repeat is announced again. It stays
   * until a press is accepted, to be read at one's own pace.
   */
  refusal: { reason: Refusal; count: number } | null = null;
  /** Presses refused since the console loaded (shown on the status region). */
  refusals = 0;

  private readonly api = createApi();
  private rt: ReturnType<typeof connectRealtime> | null = null;
  /** Accepted actions not yet settled, the chain they run on, and the desk they will leave. */
  private pending = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private planned: Planned = { kind: 'none' };
  /** Bumped when a failure cancels the actions queued behind it. */
  private epoch = 0;
  /** Bumped whenever an action's answer is applied; a reload that saw it change is stale. */
  private answers = 0;
  private reloads = 0;
  /** A load was set aside for an action's answer; it runs again when the actions are done. */
  private stale = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.start();
  }

  hostDisconnected(): void {
    this.rt?.close();
    this.rt = null;
  }

  /** An action or a reload is running: the console says so with `aria-busy`. */
  get working(): boolean {
    return this.pending > 0 || this.reloads > 0;
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
    const admin = u.role === 'admin' || u.role === 'region_admin';
    return this.services.filter((s) => s.active && (admin || s.isGuidance || u.agencyIds.includes(s.agencyId)));
  }

  private async start(): Promise<void> {
    // a refused organisation sign-in comes back as /staff?loginError=CODE: keep the code, clean the address
    const params = new URLSearchParams(location.search);
    if (params.has('loginError')) {
      this.loginError = params.get('loginError') ?? '';
      params.delete('loginError');
      history.replaceState(null, '', location.pathname + (params.toString() ? `?${params}` : ''));
    }
    try {
      const me = await this.api.me();
      if (me.kind !== 'user') throw new ApiError(403, 'FORBIDDEN', 'not a staff login');
      this.takeMe(me);
      this.connect();
    } catch {
      this.user = null;
      this.loginOptions = await this.api.loginOptions().catch(() => this.loginOptions);
    }
    this.loaded = true;
    this.host.requestUpdate();
  }

  private connect(): void {
    this.rt?.close();
    this.rt = connectRealtime({
      auth: {},
      snapshot: () => this.reload(),
      onEvent: (e) => this.applyEvent(e),
      onState: (s) => {
        this.connection = s;
        this.host.requestUpdate();
      },
    });
  }

  /**
   * Loads everything; returns the event sequence the lines reflect. A reload that ends while
   * an action is pending, or after an action's answer arrived since it began, may hold the desk
   * from before that action: it is dropped, and the reload after the last action shows all.
   */
  async reload(): Promise<number> {
    const answers = this.answers;
    this.reloads++;
    this.host.requestUpdate();
    try {
      // the lines first: their seq is where events take over, and what loads after it is as new
      // or newer. Every event here replaces what it carries, so one applied again does no harm
      const queues = await this.api.queues();
      const [services, desks, printers, myDay, appointments] = await Promise.all([
        this.api.request<{ hub: Hub; agencies: Agency[]; services: Service[] }>('GET', '/api/services'),
        this.api.desks(),
        this.api.request<{ printers: PrinterStatus[] }>('GET', '/api/printers'),
        this.api.request<MyDay>('GET', '/api/me/day'),
        this.api.request<AppointmentsResponse>('GET', '/api/appointments'),
      ]);
      const stepId = desks.desks.find((d) => d.userId === this.user?.id && d.status !== 'closed')?.currentStepId ?? null;
      const current = stepId ? await this.api.step(stepId) : null;
      if (this.pending > 0 || this.answers !== answers) {
        // an action's answer is newer than this load: load again once the actions are done
        if (this.pending > 0) this.stale = true;
        else queueMicrotask(() => void this.reload().catch(() => undefined));
        return queues.seq;
      }
      this.hub = services.hub;
      this.agencies = services.agencies;
      this.services = services.services;
      this.desks = desks.desks;
      this.queues = queues.queues;
      this.printers = printers.printers;
      this.myDay = myDay;
      this.appointments = appointments;
      this.current = current;
      return queues.seq;
    } finally {
      this.reloads--;
      this.host.requestUpdate();
    }
  }

  /** An event changes what it carries, in place; the realtime client gives them in seq order. */
  private applyEvent(e: HubEvent): void {
    if (e.type === 'appointment') {
      if (this.appointments) this.appointments = withAppointment(this.appointments, e.data, this.hub?.timeZone ?? 'Europe/Helsinki');
      this.host.requestUpdate();
      return;
    }
    // the line's order at the moment of the change, as the server saw it
    const next = consoleListsAfter(this, e, Date.parse(e.at));
    if (next === 'reload') {
      void this.reload().catch(() => undefined);
      return;
    }
    if (!next) return;
    ({ queues: this.queues, desks: this.desks, printers: this.printers } = next);
    if (e.type === 'step') this.followStep(e.data.step);
    this.host.requestUpdate();
  }

  /**
   * The visitor at this desk, as others change it. While this console's own action runs, its
   * answer is the last word (it is applied when it comes). A step of this user's that the
   * console does not show (taken over for them, or called from another tab) is loaded.
   */
  private followStep(step: StaffStep): void {
    if (this.pending > 0) return;
    const current = this.current;
    if (current?.step.id === step.id) {
      this.current = atDesk(step.status)
        ? { step, visit: { ...current.visit, steps: current.visit.steps.map((s) => (s.id === step.id ? step : s)) } }
        : null;
    } else if (step.userId === this.user?.id && atDesk(step.status)) {
      const answers = this.answers;
      void this.api.step(step.id).then(
        (loaded) => {
          if (this.pending === 0 && this.answers === answers) this.current = loaded;
          this.host.requestUpdate();
        },
        () => undefined,
      );
    }
  }

  /**
   * Queues a press, or refuses it visibly. `send` gets the step the press was aimed at; its
   * answer becomes what the desk holds. A failure cancels what was queued behind it, since
   * those presses counted on it; the error says why.
   */
  private submit(press: Press, send: (stepId: number | null) => Promise<StepResponse | Desk>): Promise<boolean> {
    const base: Planned = this.pending > 0 ? this.planned : this.current ? { kind: 'visitor', stepId: this.current.step.id, status: this.current.step.status } : { kind: 'none' };
    const decision = decide(base, this.pending > 0, press);
    if (!decision.accept) {
      this.refuse(decision.reason);
      return Promise.resolve(false);
    }
    this.planned = decision.next;
    this.pending++;
    this.busy = true;
    this.refusal = null;
    this.error = '';
    this.host.requestUpdate();
    const epoch = this.epoch;
    const job = this.tail.then(async () => {
      try {
        if (epoch !== this.epoch) {
          // an earlier press failed, and this one was aimed at the desk it would have left
          this.refuse('not-now');
          return false;
        }
        this.apply(await send(decision.stepId));
        return true;
      } catch (err) {
        this.epoch++;
        // the desk may have changed under the refused action (its events were set aside for
        // the answer, which did not come): load it once the actions are done
        this.stale = true;
        this.error = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') this.user = null;
        return false;
      } finally {
        if (--this.pending === 0) {
          this.busy = false;
          // opening or closing a desk changes which lines' visitors this user is shown
          if (press.kind === 'desk' || this.stale) {
            this.stale = false;
            await this.reload().catch(() => undefined);
          }
        }
        this.host.requestUpdate();
      }
    });
    this.tail = job;
    return job;
  }

  /** Refuses a press where staff can see it: the console shows and announces the reason. */
  refuse(reason: Refusal): void {
    this.refusal = { reason, count: ++this.refusals };
    this.host.requestUpdate();
  }

  private apply(answer: StepResponse | Desk): void {
    this.answers++;
    if ('step' in answer) {
      this.current = atDesk(answer.step.status) ? answer : null;
    } else {
      this.desks = this.desks.map((d) => (d.id === answer.id ? answer : d));
    }
  }

  async login(username: string, password: string): Promise<boolean> {
    this.error = '';
    try {
      const me = await this.api.login(username, password);
      this.takeMe(me);
      this.connect();
      this.host.requestUpdate();
      return true;
    } catch (err) {
      this.error = err instanceof ApiError && (err.code === 'BAD_CREDENTIALS' || err.code === 'LOCAL_LOGIN_DISABLED') ? err.code : String(err);
      this.host.requestUpdate();
      return false;
    }
  }

  private takeMe(me: Me): void {
    if (me.kind !== 'user') return;
    this.user = me.user;
    this.hubId = me.hubId;
    this.hubs = me.hubs;
  }

  /**
   * Moves the session to another hub: the server refuses while this user's desk is open
   * (DESK_STILL_OPEN) and cuts the sockets; everything is loaded again from the new hub.
   */
  async switchHub(hubId: number): Promise<'ok' | 'DESK_STILL_OPEN' | 'refused'> {
    this.switchingHub = true;
    this.host.requestUpdate();
    try {
      const me = await this.api.request<Me>('POST', '/api/auth/hub', { hubId });
      this.takeMe(me);
      this.current = null;
      this.desks = [];
      this.queues = [];
      this.appointments = null;
      this.connect();
      return 'ok';
    } catch (err) {
      return err instanceof ApiError && err.code === 'DESK_STILL_OPEN' ? 'DESK_STILL_OPEN' : 'refused';
    } finally {
      this.switchingHub = false;
      this.host.requestUpdate();
    }
  }

  async logout(): Promise<void> {
    const out = await this.api.logout().catch(() => undefined);
    this.rt?.close();
    this.user = null;
    this.current = null;
    // signed in with the organisation's account: its own session ends at its logout page
    if (out?.logoutUrl) {
      location.assign(out.logoutUrl);
      return;
    }
    this.loginOptions = await this.api.loginOptions().catch(() => this.loginOptions);
    this.host.requestUpdate();
  }

  openDesk(deskId: number, serviceIds: number[]) {
    localStorage.setItem(deskKey, String(deskId));
    localStorage.setItem(servicesKey, serviceIds.join(','));
    return this.submit({ kind: 'desk' }, () => this.api.openDesk(deskId, serviceIds));
  }
  closeDesk(deskId: number) {
    return this.submit({ kind: 'desk' }, () => this.api.closeDesk(deskId));
  }
  setBreak(deskId: number, onBreak: boolean) {
    return this.submit({ kind: 'desk' }, () => this.api.setBreak(deskId, onBreak));
  }
  callNext() {
    const desk = this.myDesk;
    return desk ? this.submit({ kind: 'call-next' }, () => this.api.callNext(desk.id)) : undefined;
  }
  callStep(stepId: number) {
    const desk = this.myDesk;
    return desk ? this.submit({ kind: 'call-step', stepId }, () => this.api.callStep(stepId, desk.id)) : undefined;
  }
  act(action: StepAction) {
    return this.submit({ kind: 'step', action }, async (stepId) => {
      const answer = await this.api.stepAction(stepId!, action);
      if (action === 'finish') await this.loadMyDay();
      return answer;
    });
  }
  refer(body: ReferBody) {
    return this.submit({ kind: 'step', action: 'refer' }, async (stepId) => {
      const answer = await this.api.refer(stepId!, body);
      await this.loadMyDay();
      return answer;
    });
  }
  /**
   * "My day" after this console's own finish or referral, which are the only things that
   * change it; other desks' events never do. Its failure leaves the old figures (the action
   * itself succeeded).
   */
  private async loadMyDay(): Promise<void> {
    this.myDay = await this.api.request<MyDay>('GET', '/api/me/day').catch(() => this.myDay);
  }
  /**
   * Checks a visitor in by their appointment's code, as the kiosk would; the number they get is
   * the answer. Outside the desk's queue of actions: it changes no desk.
   */
  checkIn(code: string): Promise<CheckedIn> {
    return this.api.request<CheckedIn>('POST', '/api/appointments/check-in', { code, idempotencyKey: newKey() });
  }
  /** Books an appointment from the console (a follow-up): the server makes its booking id. */
  book(body: Omit<AppointmentBody, 'bookingId' | 'source'>): Promise<AppointmentResult> {
    return this.api.request<AppointmentResult>('POST', '/api/appointments', { ...body, source: 'console' });
  }
  /** Whether the referral dialog may open now; when it may not, the press is refused visibly. */
  mayRefer(): boolean {
    if (this.pending > 0) this.refuse('wait');
    else if (!this.current) this.refuse('not-now');
    return this.pending === 0 && this.current !== null;
  }
}
