import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { pickText } from '@luukku/shared/i18n';
import type { StepAction } from '@luukku/shared/http';
import { StaffController } from './data/staff-data.js';
import { messages, staffDir, staffLanguages, type StaffLang } from './i18n/index.js';
import { base } from './styles.js';
import type { LoginDetail } from './components/staff-login.js';
import type { OpenDeskDetail } from './components/staff-desk-setup.js';
import type { StaffRefer, StaffReferEvents } from './components/staff-refer.js';
import type { StaffCurrentEvents } from './components/staff-current.js';
import type { StaffQueuesEvents } from './components/staff-queues.js';
import { JoinChime } from './components/join-chime.js';
import { nextInLine } from './components/hub-day.js';
import './components/staff-login.js';
import './components/staff-desk-setup.js';
import './components/staff-queues.js';
import './components/staff-current.js';
import './components/staff-refer.js';
import './components/staff-overview.js';
import './components/staff-next-preview.js';
import './components/staff-my-day.js';
import './components/staff-appointments.js';
import './components/staff-follow-up.js';
import './components/staff-hub-switcher.js';
import type { StaffHubSwitcherEvents } from './components/staff-hub-switcher.js';
import type { StaffAppointmentsEvents } from './components/staff-appointments.js';
import type { StaffFollowUp, StaffFollowUpEvents } from './components/staff-follow-up.js';
import type { Appointment } from '@luukku/shared';
import { ApiError } from '@luukku/shared/http';
import './admin/staff-admin.js';
import './reports/staff-reports.js';

const langKey = 'luukku.staff.lang';

type Page = 'console' | 'admin' | 'reports';
/** /staff, /staff/admin and /staff/reports are pages of one app. */
const pageFromPath = (path = location.pathname): Page => (path.startsWith('/staff/admin') ? 'admin' : path.startsWith('/staff/reports') ? 'reports' : 'console');

/** The admin and reports pages speak fi, sv and en: Arabic readers get them in English. */
const untranslated = (lang: StaffLang): Exclude<StaffLang, 'ar'> => (lang === 'ar' ? 'en' : lang);

/** Single keys for the day's work; ignored while typing in a field or with a dialog open. */
const shortcuts: Record<string, StepAction | 'call-next' | 'refer'> = {
  n: 'call-next',
  u: 'recall',
  a: 'start',
  v: 'finish',
  e: 'no-show',
  p: 'return',
  o: 'refer',
};

/** The staff console: log in, open a desk, call, serve, refer. */
@customElement('staff-app')
export class StaffApp extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--wash);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: center;
        justify-content: space-between;
        padding: 10px 16px;
        background: var(--paper);
        border-bottom: 1px solid var(--line);
      }
      header h1 {
        font-size: 1.15em;
        margin: 0;
      }
      header nav a {
        margin-inline-end: 12px;
        color: var(--accent);
        font-weight: 600;
      }
      header nav a[aria-current='page'] {
        color: var(--ink);
        text-decoration: none;
      }
      header label {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      main {
        padding: 16px;
        display: grid;
        gap: 16px;
        max-width: 1400px;
        margin: 0 auto;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 900px) {
        .columns {
          grid-template-columns: 1fr;
        }
      }
      .banner {
        padding: 8px 12px;
        border-radius: 8px;
        background: var(--warn-wash);
        border: 1px solid var(--warn);
        color: var(--warn);
      }
      .desk-bar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .refusal {
        color: var(--warn);
        font-weight: 600;
      }
      .toggle {
        display: flex;
        gap: var(--space-2);
        align-items: center;
        font-weight: 400;
      }
      .toggle input {
        min-height: 20px;
      }
      staff-next-preview {
        margin-top: var(--space-3);
      }
    `,
  ];

  private _data = new StaffController(this);
  private _chime = new JoinChime(this, () => ({
    queues: this._data.queues,
    serviceIds: this._data.myDesk?.serviceIds ?? [],
    ownAction: this._data.working,
    currentVisitId: this._data.current?.step.visitId ?? null,
  }));
  @state() private _lang: StaffLang = (localStorage.getItem(langKey) as StaffLang | null) ?? 'fi';
  @state() private _editingDesk = false;
  /** Why the last hub switch was refused (an open desk), until the next switch. */
  @state() private _hubRefusal = '';
  @state() private _now = Date.now();
  @query('staff-refer') private _refer!: StaffRefer;
  @query('staff-follow-up') private _followUpDialog!: StaffFollowUp;
  /** The last check-in from the panel: the number given, or why not. */
  @state() private _checkInOutcome = '';
  @state() private _checkingIn = false;
  /** The follow-up just booked (its code is shown), or why booking failed. */
  @state() private _followUp: Appointment | null = null;
  @state() private _followUpError = '';
  @state() private _booking = false;
  private _clock: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
    // the waits on screen are counted on this clock, so they grow between events
    this._clock = setInterval(() => (this._now = Date.now()), 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
    clearInterval(this._clock);
  }

  override render() {
    const d = this._data;
    // the admin and reports pages have no Arabic yet: they show in English, left to right
    const pageLang = pageFromPath() === 'console' ? this._lang : untranslated(this._lang);
    const t = messages(pageLang);
    document.documentElement.lang = pageLang;
    document.documentElement.dir = staffDir(pageLang);
    if (!d.loaded) return html`<main aria-busy="true"></main>`;
    if (!d.user) {
      return html`<main>
        <staff-login
          .t=${t}
          .error=${d.error === 'BAD_CREDENTIALS' ? t.loginFailed : d.error === 'LOCAL_LOGIN_DISABLED' ? t.oidc.errors.LOCAL_LOGIN_DISABLED : d.error}
          .oidc=${d.loginOptions.oidc}
          .passwords=${d.loginOptions.passwords}
          .loginError=${d.loginError}
          @login=${(e: CustomEvent<LoginDetail>) => void this._login(e.detail)}
        ></staff-login>
      </main>`;
    }
    const desk = d.myDesk;
    const failing = d.printers.filter((p) => !p.ok);
    const page = pageFromPath();
    const isAdmin = d.user.role === 'admin' || d.user.role === 'region_admin';
    const link = (to: Page, href: string, label: string) =>
      html`<a href=${href} aria-current=${page === to ? 'page' : 'false'}>${label}</a>`;
    return html`
      <header>
        <h1>${d.hub ? pickText(d.hub.name, this._lang) : t.appName}${desk ? ` · ${t.desk} ${desk.name}` : ''}</h1>
        <nav aria-label=${t.appName}>
          ${link('console', '/staff', t.nav.console)} ${link('reports', '/staff/reports', t.nav.reports)}
          ${isAdmin ? link('admin', '/staff/admin', t.nav.admin) : nothing}
        </nav>
        <div class="row">
          ${d.hubs.length > 1
            ? html`<staff-hub-switcher
                .t=${t}
                .language=${this._lang}
                .hubs=${d.hubs}
                .current=${d.hubId ?? 0}
                ?busy=${d.switchingHub}
                @switch-hub=${(e: CustomEvent<StaffHubSwitcherEvents['switch-hub']>) => void this._switchHub(e.detail.hubId)}
              ></staff-hub-switcher>`
            : nothing}
          <span>${d.user.displayName}</span>
          <label
            >${t.language}
            <select @change=${(e: Event) => this._setLang((e.target as HTMLSelectElement).value as StaffLang)}>
              ${staffLanguages.map((l) => html`<option value=${l.code} ?selected=${l.code === this._lang}>${l.name}</option>`)}
            </select>
          </label>
          <button @click=${() => void d.logout()}>${t.logout}</button>
        </div>
      </header>
      <main>
        ${d.connection === 'offline' ? html`<p class="banner" role="status">${t.offline}</p>` : nothing}
        ${failing.map((p) => html`<p class="banner" role="alert">${t.printerFailed(p.name, p.error ?? '')}</p>`)}
        ${d.error ? html`<p class="banner" role="alert">${d.error}</p>` : nothing}
        ${this._hubRefusal ? html`<p class="banner" role="alert">${this._hubRefusal}</p>` : nothing}
        ${page === 'admin' && isAdmin
          ? keyed(d.hubId, html`<staff-admin .language=${untranslated(this._lang)} .regionAdmin=${d.user.role === 'region_admin'}></staff-admin>`)
          : page === 'reports'
            ? keyed(d.hubId, html`<staff-reports .language=${untranslated(this._lang)}></staff-reports>`)
            : // made anew in another hub: the desk form must not keep the last hub's desk
              keyed(d.hubId, !desk || this._editingDesk ? this._setup(desk?.id ?? null) : this._console())}
      </main>
    `;
  }

  /** Another hub: the admin and report pages are made anew (keyed by hub) and load its data. */
  private async _switchHub(hubId: number) {
    const t = messages(this._lang);
    const result = await this._data.switchHub(hubId);
    this._hubRefusal = result === 'ok' ? '' : result === 'DESK_STILL_OPEN' ? t.hubSwitch.deskOpen : t.hubSwitch.refused;
  }

  /**
   * Where a refused press says so, announced politely. Keyed by the refusal's count, so the
   * same words refused twice are a new node that screen readers announce again.
   */
  private _refusal() {
    const d = this._data;
    const t = messages(this._lang);
    const text = d.refusal?.reason === 'wait' ? t.waitMoment : t.notNow;
    return html`<span role="status" aria-live="polite" class="refusal" data-refusals=${d.refusals}
      >${d.refusal ? keyed(d.refusal.count, html`<span>${text}</span>`) : nothing}</span
    >`;
  }

  private _setup(deskId: number | null) {
    const d = this._data;
    const t = messages(this._lang);
    const remembered = d.remembered;
    const desk = d.myDesk;
    return html`<staff-desk-setup
      .t=${t}
      .language=${this._lang}
      .desks=${d.desks}
      .services=${d.myServices}
      .agencies=${d.agencies}
      .deskId=${deskId ?? remembered.deskId}
      .serviceIds=${desk?.serviceIds ?? remembered.serviceIds}
      .myUserId=${d.user!.id}
      .submitLabel=${desk ? t.changeServices : t.openDesk}
      @open-desk=${(e: CustomEvent<OpenDeskDetail>) => void this._openDesk(e.detail)}
    ></staff-desk-setup>${this._refusal()}
      <section class="card" aria-label=${t.overviewTitle}>${this._overview()}</section>`;
  }

  private _console() {
    const d = this._data;
    const t = messages(this._lang);
    const desk = d.myDesk!;
    const onBreak = desk.status === 'break';
    const current = d.current;
    const isGuidance = current ? d.services.find((s) => s.id === current.step.serviceId)?.isGuidance === true : false;
    // the lines' order is counted at this render: a visitor who joined since the last tick is due
    const now = Math.max(this._now, Date.now());
    return html`
      <div class="desk-bar">
        ${onBreak ? html`<span class="badge warn">${t.onBreak}</span>` : nothing}
        <button @click=${() => (this._editingDesk = true)} ?disabled=${d.busy}>${t.changeServices}</button>
        <button @click=${() => void d.setBreak(desk.id, !onBreak)} ?disabled=${d.busy || (!onBreak && current !== null)}>
          ${onBreak ? t.endBreak : t.takeBreak}
        </button>
        <button @click=${() => void d.closeDesk(desk.id)} ?disabled=${d.busy || current !== null}>${t.closeDesk}</button>
        <label class="toggle" data-chimes=${this._chime.played}
          ><input type="checkbox" .checked=${this._chime.enabled} @change=${(e: Event) => this._chime.setEnabled((e.target as HTMLInputElement).checked)} />${t.sound}</label
        >
        ${this._refusal()}
      </div>
      <div class="columns" aria-busy=${d.working ? 'true' : 'false'}>
        <section class="card" aria-label=${t.currentVisitor}>
          <staff-current
            .t=${t}
            .language=${this._lang}
            .current=${current}
            .services=${d.services}
            .agencies=${d.agencies}
            .busy=${d.busy}
            .canCall=${!onBreak}
            @call-next=${() => void d.callNext()}
            @act=${(e: CustomEvent<StaffCurrentEvents['act']>) => void d.act(e.detail)}
            @refer=${() => this._openRefer()}
            @follow-up=${() => this._openFollowUp()}
          ></staff-current>
          ${current
            ? nothing
            : html`<staff-next-preview
                .t=${t}
                .language=${this._lang}
                .next=${nextInLine(d.queues, desk.serviceIds, desk, now)}
                .agencies=${d.agencies}
                .now=${now}
                .timeZone=${d.hub?.timeZone ?? 'Europe/Helsinki'}
              ></staff-next-preview>`}
        </section>
        <section class="card" aria-label=${t.waitingLines}>
          <staff-queues
            .t=${t}
            .language=${this._lang}
            .queues=${d.queues}
            .services=${d.services}
            .agencies=${d.agencies}
            .serviceIds=${desk.serviceIds}
            .desks=${d.desks}
            .desk=${desk}
            .targetWaitMin=${d.hub?.targetWaitMin ?? 15}
            .now=${now}
            .timeZone=${d.hub?.timeZone ?? 'Europe/Helsinki'}
            .canCall=${!onBreak && current === null && !d.busy}
            @call-step=${(e: CustomEvent<StaffQueuesEvents['call-step']>) => void d.callStep(e.detail)}
          ></staff-queues>
        </section>
        <section class="card" aria-label=${t.appointmentsTitle}>
          <staff-appointments
            .t=${t}
            .language=${this._lang}
            .day=${d.appointments}
            .services=${d.services}
            .timeZone=${d.hub?.timeZone ?? 'Europe/Helsinki'}
            .busy=${this._checkingIn}
            .outcome=${this._checkInOutcome}
            @check-in=${(e: CustomEvent<StaffAppointmentsEvents['check-in']>) => void this._checkIn(e.detail)}
          ></staff-appointments>
        </section>
        <section class="card" aria-label=${t.myDay}><staff-my-day .t=${t} .day=${d.myDay}></staff-my-day></section>
        <section class="card" aria-label=${t.overviewTitle}>${this._overview()}</section>
      </div>
      <p class="muted">${t.shortcuts}</p>
      <staff-refer
        .t=${t}
        .language=${this._lang}
        .services=${d.services}
        .agencies=${d.agencies}
        .currentServiceId=${current?.step.serviceId ?? 0}
        .defaultPlacement=${d.hub?.referralPolicy ?? 'keep'}
        .plan=${isGuidance}
        .queues=${d.queues}
        .timeZone=${d.hub?.timeZone ?? 'Europe/Helsinki'}
        .now=${this._now}
        @refer=${(e: CustomEvent<StaffReferEvents['refer']>) => void d.refer(e.detail)}
      ></staff-refer>
      <staff-follow-up
        .t=${t}
        .language=${this._lang}
        .services=${d.myServices.filter((s) => !s.isGuidance)}
        .timeZone=${d.hub?.timeZone ?? 'Europe/Helsinki'}
        .now=${this._now}
        .booked=${this._followUp}
        .error=${this._followUpError}
        .busy=${this._booking}
        @book=${(e: CustomEvent<StaffFollowUpEvents['book']>) => void this._bookFollowUp(e.detail)}
      ></staff-follow-up>
    `;
  }

  /** Every agency's lines, figures only, for every staff member. */
  private _overview() {
    const d = this._data;
    return html`<staff-overview
      .t=${messages(this._lang)}
      .language=${this._lang}
      .queues=${d.queues}
      .services=${d.services}
      .agencies=${d.agencies}
      .targetWaitMin=${d.hub?.targetWaitMin ?? 15}
      .now=${this._now}
    ></staff-overview>`;
  }

  private async _login(detail: LoginDetail) {
    if (await this._data.login(detail.username, detail.password)) {
      const stored = localStorage.getItem(langKey) as StaffLang | null;
      if (!stored && this._data.user) this._lang = this._data.user.language;
    }
  }

  private async _openDesk(detail: OpenDeskDetail) {
    if (await this._data.openDesk(detail.deskId, detail.serviceIds)) this._editingDesk = false;
  }

  private _setLang(lang: StaffLang) {
    this._lang = lang;
    localStorage.setItem(langKey, lang);
  }

  private _openRefer() {
    if (this._data.mayRefer()) this._refer?.open();
  }

  /** Checks a visitor in from the day's appointments; the number to give them stays on screen. */
  private async _checkIn(code: string) {
    const t = messages(this._lang);
    this._checkingIn = true;
    try {
      const visit = await this._data.checkIn(code);
      this._checkInOutcome = t.checkedIn(code, visit.number);
    } catch (err) {
      this._checkInOutcome = err instanceof Error ? err.message : String(err);
    } finally {
      this._checkingIn = false;
    }
  }

  private _openFollowUp() {
    const current = this._data.current;
    if (!current) return;
    this._followUp = null;
    this._followUpError = '';
    this._followUpDialog?.open(current.step.serviceId);
  }

  /** Books the follow-up in the visitor's language and with their needs, so the kiosk and desk know them. */
  private async _bookFollowUp(detail: StaffFollowUpEvents['book']) {
    const step = this._data.current?.step;
    this._booking = true;
    this._followUpError = '';
    try {
      const result = await this._data.book({ ...detail, ...(step ? { language: step.language, needs: step.needs } : { needs: { interpreter: false, accessible: false, accompanied: false } }) });
      this._followUp = result.appointment;
    } catch (err) {
      this._followUpError = err instanceof ApiError ? err.message : String(err);
    } finally {
      this._booking = false;
    }
  }

  private _onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && target.closest('input, textarea, select, dialog, [contenteditable]')) return;
    // on an Arabic (or other non-Latin) layout the key is read by its place: N is where N is
    const key = /^[a-z]$/i.test(e.key) ? e.key : e.code.startsWith('Key') ? e.code.slice(3) : e.key;
    const action = shortcuts[key.toLowerCase()];
    const d = this._data;
    if (!action || !d.myDesk || this._editingDesk || pageFromPath() !== 'console') return;
    e.preventDefault();
    // every press reaches the controller, which queues it or shows why not (never drops it)
    if (action === 'call-next') void d.callNext();
    else if (action === 'refer') this._openRefer();
    else void d.act(action);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-app': StaffApp;
  }
}
