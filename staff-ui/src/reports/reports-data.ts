import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, createApi } from '@luukku/shared/http';
import type { Agency, Hub, HubsReport, Me, ReportKind, ReportMap, User } from '@luukku/shared';

export const reportKinds = ['arrivals', 'waits', 'services', 'desks', 'referrals', 'guidance', 'stay', 'feedback'] as const satisfies readonly ReportKind[];

export type PeriodMode = 'day' | 'week' | 'range';

/** What the page asks for: in day and week mode `day` is the day (or any day of the week). */
export interface PeriodChoice {
  mode: PeriodMode;
  day: string;
  from: string;
  to: string;
}

const dayMs = 24 * 3600 * 1000;
const utcOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

export function addDays(date: string, n: number): string {
  return new Date(utcOf(date) + n * dayMs).toISOString().slice(0, 10);
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, -((new Date(utcOf(date)).getUTCDay() + 6) % 7));
}

/** Today in the hub's time zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The period's query string, as the server's ReportQuery reads it. */
export function periodQuery(p: PeriodChoice, agency: number | null): URLSearchParams {
  const q = new URLSearchParams();
  if (p.mode === 'range') {
    q.set('from', p.from);
    q.set('to', p.to);
  } else q.set(p.mode, p.day);
  if (agency !== null) q.set('agency', String(agency));
  return q;
}

/**
 * The reports page's data: who is asking (for the agency picker), the hub's agencies, and the
 * eight reports of the chosen period, loaded together. A newer choice wins over a slower,
 * older answer.
 */
export class ReportsController implements ReactiveController {
  user: User | null = null;
  hub: Hub | null = null;
  agencies: Agency[] = [];
  period: PeriodChoice = { mode: 'week', day: '', from: '', to: '' };
  agency: number | null = null;
  reports: Partial<ReportMap> = {};
  /** Hubs side by side, for an admin of more than one hub (issue 12 §1); null otherwise. */
  hubs: HubsReport | null = null;
  private sideBySide = false;
  loading = false;
  error = '';
  private readonly api = createApi({ timeoutMs: 30_000 });
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.start();
  }

  hostDisconnected(): void {
    // an answer arriving after the page is gone is dropped
    this.generation++;
  }

  /** Agencies the picker offers: all for admins, the user's own otherwise. */
  get choosableAgencies(): Agency[] {
    const u = this.user;
    if (!u) return [];
    return u.role === 'admin' || u.role === 'region_admin' ? this.agencies : this.agencies.filter((a) => u.agencyIds.includes(a.id));
  }

  get today(): string {
    return todayIn(this.hub?.timeZone ?? 'Europe/Helsinki');
  }

  private async start(): Promise<void> {
    try {
      const [me, services] = await Promise.all([
        this.api.request<Me>('GET', '/api/me'),
        this.api.request<{ hub: Hub; agencies: Agency[] }>('GET', '/api/services'),
      ]);
      this.user = me.kind === 'user' ? me.user : null;
      this.sideBySide = me.kind === 'user' && (me.user.role === 'admin' || me.user.role === 'region_admin') && me.hubs.length > 1;
      this.hub = services.hub;
      this.agencies = services.agencies;
      const today = this.today;
      // last week: a whole week, already over
      this.period = { mode: 'week', day: addDays(today, -7), from: addDays(today, -28), to: addDays(today, -1) };
      await this.load();
    } catch (err) {
      this.fail(err);
    }
  }

  choose(period: PeriodChoice, agency: number | null): void {
    this.period = period;
    this.agency = agency;
    void this.load();
  }

  csvHref(kind: ReportKind, lang: string): string {
    const q = periodQuery(this.period, this.agency);
    q.set('format', 'csv');
    q.set('lang', lang);
    return `/api/reports/${kind}?${q}`;
  }

  async load(): Promise<void> {
    const mine = ++this.generation;
    this.loading = true;
    this.error = '';
    this.host.requestUpdate();
    const q = periodQuery(this.period, this.agency).toString();
    try {
      const [answers, hubs] = await Promise.all([
        Promise.all(reportKinds.map((k) => this.api.request<ReportMap[typeof k]>('GET', `/api/reports/${k}?${q}`))),
        // whole hubs side by side: the agency choice does not narrow it
        this.sideBySide ? this.api.request<HubsReport>('GET', `/api/reports/hubs?${periodQuery(this.period, null)}`) : null,
      ]);
      if (mine !== this.generation) return;
      this.reports = Object.fromEntries(reportKinds.map((k, i) => [k, answers[i]])) as Partial<ReportMap>;
      this.hubs = hubs;
    } catch (err) {
      if (mine !== this.generation) return;
      this.fail(err);
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  private fail(err: unknown): void {
    this.error = err instanceof ApiError || err instanceof Error ? err.message : String(err);
    this.loading = false;
    this.host.requestUpdate();
  }
}
