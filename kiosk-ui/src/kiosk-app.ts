import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from '@luukku/shared/http';
import { languageInfo } from '@luukku/shared/i18n';
import { setAccessibleMode } from '@luukku/shared/tokens';
import type { IssuedVisit, KioskMenu, Needs, VisitorLanguage } from '@luukku/shared';
import { deviceTokenFromPage, forgetToken, KioskData, rememberToken } from './data/kiosk-data.js';
import { menuWithLines } from './data/menu-lines.js';
import { IssueFlow, type PrintState } from './data/kiosk-issue.js';
import { CountdownController } from './controllers/countdown-controller.js';
import { KeypadController } from './controllers/keypad-controller.js';
import { PairingController } from './controllers/pairing-controller.js';
import { ReachController } from './controllers/reach-controller.js';
import { SpeechController } from './controllers/speech-controller.js';
import { ScannerController } from './controllers/scanner-controller.js';
import { messages, type KioskMessages } from './i18n/index.js';
import { suggestServices } from './guided.js';
import { stopSpeaking } from './speech.js';
import { base } from './styles.js';
import type { GuidedStep, KioskGuidedEvents, Suggestion } from './components/kiosk-guided.js';
import type { KioskLanguagesEvents } from './components/kiosk-languages.js';
import type { KioskStartEvents, NeedKey } from './components/kiosk-start.js';
import { codeAlphabet, codeLength, type KioskCheckInEvents } from './components/kiosk-check-in.js';
import './components/kiosk-start.js';
import './components/kiosk-languages.js';
import './components/kiosk-guided.js';
import './components/kiosk-ticket.js';
import './components/kiosk-check-in.js';

type Screen = 'loading' | 'start' | 'check-in' | 'languages' | 'guided' | 'issuing' | 'ticket' | 'offline' | 'error' | 'unpaired';

const defaultLanguage: VisitorLanguage = 'fi';
const noNeeds = (): Needs => ({ interpreter: false, accessible: false, accompanied: false });
const ticketSeconds = 30;
const menuRefreshMs = 30_000;
/** A scanned confirmation ends in its code: the code alone, or an address whose last part it is. */
const scannedCode = new RegExp(`([${codeAlphabet}]{${codeLength}})$`);
/**
 * The appointment's time on the hub's clock, as the confirmation said it: a kiosk set to another
 * zone (a box left on UTC) must not move it.
 */
const clockTime = (timeZone: string | undefined) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });

/**
 * The kiosk: start → (guided path) → ticket, in the visitor's language. It holds the state;
 * the screens below only render it and send events up.
 */
@customElement('kiosk-app')
export class KioskApp extends LitElement {
  static override styles = [
    base,
    css`
      /* the kiosk is the whole screen and never scrolls: each screen lays out inside it */
      :host {
        display: block;
        height: 100vh;
        box-sizing: border-box;
        padding: var(--space-4);
        background: var(--paper);
      }
      main {
        height: 100%;
        max-width: 1800px;
        margin: 0 auto;
      }
      main > * {
        height: 100%;
      }
      /* accessible mode, landscape: nothing above the reach band (layout/reach.ts) */
      @media (orientation: landscape) {
        :host-context([data-accessible]) {
          padding-top: max(var(--space-4), var(--reach-top, 0px));
        }
      }
      .notice {
        display: grid;
        gap: var(--space-3);
        align-content: start;
        text-align: center;
        padding-top: 20vh;
        box-sizing: border-box;
      }
      :host-context([data-accessible]) .notice {
        padding-top: max(20vh, var(--reach-top, 0px));
      }
      /* a browser printer prints the ticket at its own length, not the screen's */
      @media print {
        :host,
        main,
        main > * {
          height: auto;
          padding: 0;
        }
      }
      .pairing-code {
        font-size: 5em;
        font-weight: 800;
        letter-spacing: 0.15em;
        margin: 0.2em 0;
      }
      .notice h1 {
        font-size: var(--text-xxl);
      }
      .notice .nav {
        display: flex;
        gap: var(--space-2);
        justify-content: center;
      }
    `,
  ];

  @state() private _screen: Screen = 'loading';
  /** Each visitor starts in the hub's first language; the next visitor does not inherit a choice. */
  @state() private _lang: VisitorLanguage = defaultLanguage;
  @state() private _accessible = false;
  @state() private _menu: KioskMenu | null = null;
  @state() private _selected: number[] = [];
  @state() private _needs: Needs = noNeeds();
  @state() private _guidedStep: GuidedStep = 'situation';
  @state() private _answers: number[] = [];
  @state() private _ticket: IssuedVisit | null = null;
  @state() private _print: PrintState = 'printing';
  @state() private _retrying = 0;
  @state() private _error = '';
  /** The check-in code typed so far, and what the server said about the last one sent. */
  @state() private _code = '';
  @state() private _codeError = '';
  @state() private _appointment: { time: string; late: boolean } | null = null;

  private _data: KioskData | null = null;
  private readonly _flow = new IssueFlow(() => this._data);
  private readonly _pairing = new PairingController(this, (token) => {
    rememberToken(token);
    this._screen = 'loading';
    this._useToken(token);
  });
  private readonly _countdown = new CountdownController(this, () => this._reset());
  private _menuTimer: ReturnType<typeof setInterval> | undefined;
  /** Whether the socket is up: then events keep the menu fresh, and the timer rests. */
  private _online = false;

  constructor() {
    super();
    new KeypadController(this, () => languageInfo(this._lang).dir === 'rtl');
    new ReachController(this);
    // a scanner reads the confirmation's code at the start screen or the check-in screen
    new ScannerController(this, (text) => this._scanned(text), codeLength);
    new SpeechController(this, () => ({ on: this._accessible, lang: this._lang, view: `${this._screen}/${this._guidedStep}` }));
  }

  private get _t(): KioskMessages {
    return messages(this._lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = deviceTokenFromPage();
    this._applyLanguage();
    if (token) this._useToken(token);
    else void this._pair();
    // a fallback while the socket is down: the menu's waits and open services stay fresh
    this._menuTimer = setInterval(() => {
      if (!this._online && (this._screen === 'start' || this._screen === 'offline')) void this._loadMenu();
    }, menuRefreshMs);
  }

  private _useToken(token: string) {
    this._data?.close();
    this._data = new KioskData(token);
    void this._loadMenu();
    // the menu's services change only under nobody: a visitor in the middle of choosing keeps
    // theirs (the menu loads again when the kiosk returns to its start screen)
    const reloadWhenFree = () => {
      if (this._screen === 'start' && this._selected.length === 0) void this._loadMenu();
    };
    this._data.watch(
      {
        onLines: (lines) => {
          if (!this._menu) return;
          const next = menuWithLines(this._menu, lines);
          if (next) this._menu = next;
          else reloadWhenFree();
        },
        onCatalog: reloadWhenFree,
        onState: (online) => (this._online = online),
      },
      () => this._menu?.seq ?? 0,
    );
  }

  /** No token yet: show a pairing code until an admin enters it. */
  private _pair(): Promise<void> {
    this._screen = 'unpaired';
    return this._pairing.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._menuTimer);
    this._data?.close();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('_accessible')) setAccessibleMode(this._accessible);
  }

  override render() {
    const t = this._t;
    switch (this._screen) {
      case 'loading':
        return html`<main class="notice" aria-busy="true"><p>…</p></main>`;
      case 'unpaired':
        return html`<main class="notice">
          <div role="status">
            <h1>${t.notPaired}</h1>
            ${this._pairing.code
              ? html`<p>Käyttöönottokoodi · Pairing code</p>
                  <p class="pairing-code">${this._pairing.code}</p>
                  <p class="muted">Ylläpito: Laitteet → Ota laite käyttöön · Admin: Devices → Pair a device</p>`
              : html`<p aria-busy="true">…</p>`}
          </div>
        </main>`;
      case 'start':
        return html`<main>
          <kiosk-start
            .menu=${this._menu!}
            .t=${t}
            .language=${this._lang}
            .selected=${this._selected}
            .needs=${this._needs}
            .accessible=${this._accessible}
            @choose-language=${() => (this._screen = 'languages')}
            @toggle-service=${(e: CustomEvent<KioskStartEvents['toggle-service']>) => this._toggleService(e.detail)}
            @toggle-need=${(e: CustomEvent<KioskStartEvents['toggle-need']>) => this._toggleNeed(e.detail)}
            @accessible-mode=${() => (this._accessible = !this._accessible)}
            @dont-know=${this._startGuided}
            @take-number=${() => this._issue({ services: this._selected })}
            @have-appointment=${this._openCheckIn}
            @take-guidance=${() => this._issue({ guidance: true })}
          ></kiosk-start>
        </main>`;
      case 'check-in':
        return html`<main>
          <kiosk-check-in
            .t=${t}
            .code=${this._code}
            .error=${this._codeError}
            .busy=${this._flow.busy}
            @type=${(e: CustomEvent<KioskCheckInEvents['type']>) => this._typeCode(e.detail)}
            @erase=${() => this._editCode(this._code.slice(0, -1))}
            @check-in=${() => this._checkIn()}
            @back=${this._reset}
          ></kiosk-check-in>
        </main>`;
      case 'languages':
        return html`<main>
          <kiosk-languages
            .language=${this._lang}
            .offered=${this._menu?.languages ?? null}
            .t=${t}
            @language=${(e: CustomEvent<KioskLanguagesEvents['language']>) => this._setLanguage(e.detail)}
            @back=${() => (this._screen = 'start')}
          ></kiosk-languages>
        </main>`;
      case 'guided':
        return html`<main>
          <kiosk-guided
            .step=${this._guidedStep}
            .menu=${this._menu!}
            .t=${t}
            .answers=${this._answers}
            .needs=${this._needs}
            .suggestion=${this._suggestion()}
            @toggle-answer=${(e: CustomEvent<KioskGuidedEvents['toggle-answer']>) => this._toggleAnswer(e.detail)}
            @toggle-need=${(e: CustomEvent<KioskGuidedEvents['toggle-need']>) => this._toggleNeed(e.detail)}
            @no-needs=${() => (this._needs = noNeeds())}
            @next=${this._guidedNext}
            @back=${this._guidedBack}
            @start-over=${this._reset}
            @confirm=${this._confirmSuggestion}
            @just-help-me=${() => this._issue({ guidance: true })}
          ></kiosk-guided>
        </main>`;
      case 'issuing':
        return html`<main class="notice" aria-busy="true"><h1 role="status">${this._retrying > 0 ? t.retrying : t.issuing}</h1></main>`;
      case 'ticket':
        return html`<main>
          <kiosk-ticket
            .ticket=${this._ticket!}
            .t=${t}
            .language=${this._lang}
            .print=${this._print}
            .secondsLeft=${this._countdown.secondsLeft}
            .phoneUrl=${`${location.origin}/v/${this._ticket!.token}`}
            .appointment=${this._appointment}
            @more-time=${() => this._countdown.add(ticketSeconds)}
            @done=${this._reset}
          ></kiosk-ticket>
        </main>`;
      case 'offline':
        return html`<main class="notice">
          <div role="alert">
            <h1>${t.offlineTitle}</h1>
            <p>${t.offlineBody}</p>
          </div>
          <div class="nav">
            <button class="primary" @click=${this._tryAgain}>${t.tryAgain}</button>
            <button @click=${this._reset}>${t.startOver}</button>
          </div>
        </main>`;
      case 'error':
        return html`<main class="notice">
          <div role="alert"><h1>${this._error}</h1></div>
          <div class="nav"><button class="primary" @click=${this._reset}>${t.startOver}</button></div>
        </main>`;
    }
  }

  private async _loadMenu(): Promise<void> {
    if (!this._data) return;
    try {
      this._menu = await this._data.menu(this._lang);
      if (this._screen === 'loading' || (this._screen === 'offline' && !this._flow.pending)) this._screen = 'start';
      // services may have closed since they were chosen
      const open = new Set(this._menu.agencies.flatMap((a) => a.services.map((s) => s.id)));
      this._selected = this._selected.filter((id) => open.has(id));
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) {
        // revoked or unknown: forget the token and ask to be paired again
        forgetToken();
        this._data?.close();
        this._data = null;
        void this._pair();
      }
      else if (this._screen === 'loading' || this._screen === 'start') this._screen = 'offline';
    }
  }

  private _setLanguage(lang: VisitorLanguage) {
    this._lang = lang;
    this._screen = 'start';
    this._applyLanguage();
    void this._loadMenu();
  }

  private _applyLanguage() {
    const info = languageInfo(this._lang);
    document.documentElement.lang = info.tag;
    document.documentElement.dir = info.dir;
    document.title = `${this._t.takeNumber} — Luukku`;
  }

  private _toggleService(id: number) {
    this._selected = this._selected.includes(id) ? this._selected.filter((s) => s !== id) : [...this._selected, id];
  }

  private _toggleNeed(key: NeedKey) {
    this._needs = { ...this._needs, [key]: !this._needs[key] };
  }

  private _toggleAnswer(id: number) {
    this._answers = this._answers.includes(id) ? this._answers.filter((a) => a !== id) : [...this._answers, id];
  }

  private _startGuided = () => {
    this._guidedStep = 'situation';
    this._answers = [];
    this._screen = 'guided';
  };

  private _guidedNext = () => {
    this._guidedStep = this._guidedStep === 'situation' ? 'needs' : 'suggestion';
  };

  private _guidedBack = () => {
    if (this._guidedStep === 'situation') this._reset();
    else this._guidedStep = this._guidedStep === 'suggestion' ? 'needs' : 'situation';
  };

  private _suggestion(): Suggestion {
    return suggestServices(this._menu, this._answers);
  }

  private _confirmSuggestion = () => {
    const services = this._suggestion().services.map((s) => s.id);
    void this._issue(services.length > 0 ? { services } : { guidance: true });
  };

  private async _issue(choice: { services: number[] } | { guidance: true }): Promise<void> {
    if (this._flow.busy || !this._data) return; // a double tap issues nothing twice
    this._retrying = 0;
    this._screen = 'issuing';
    this._show(await this._flow.issue(choice, this._lang, this._needs, (n) => (this._retrying = n)));
  }

  private _openCheckIn = () => {
    this._flow.forget();
    this._code = '';
    this._codeError = '';
    this._screen = 'check-in';
  };

  private _typeCode(c: string) {
    if (this._code.length < codeLength) this._editCode(this._code + c);
  }

  /** A changed code is a new request: its key and the old answer go. */
  private _editCode(code: string) {
    if (this._flow.busy) return;
    this._flow.forget();
    this._code = code;
    this._codeError = '';
  }

  private _scanned(text: string) {
    if (this._screen !== 'start' && this._screen !== 'check-in') return;
    const code = scannedCode.exec(text.trim().toUpperCase())?.[1];
    if (this._screen === 'start') this._openCheckIn();
    if (!code) {
      this._editCode('');
      this._codeError = this._t.codeUnknown;
      return;
    }
    this._editCode(code);
    void this._checkIn();
  }

  private async _checkIn(): Promise<void> {
    // a double tap, or Enter with a tap, checks in once: the second finds the first one busy
    if (this._flow.busy || !this._data || this._code.length !== codeLength) return;
    this._retrying = 0;
    const pending = this._flow.checkIn(this._code, this._lang, (n) => (this._retrying = n));
    this.requestUpdate(); // the keys rest while the code is on its way
    const outcome = await pending;
    if (outcome.kind === 'refused') {
      const t = this._t;
      const words: Record<string, string> = {
        APPOINTMENT_NOT_FOUND: t.codeUnknown,
        VALIDATION_FAILED: t.codeUnknown,
        APPOINTMENT_NOT_TODAY: t.codeOtherDay,
        APPOINTMENT_ALREADY_CHECKED_IN: t.codeUsed,
        APPOINTMENT_CANCELLED: t.codeCancelled,
      };
      const said = words[outcome.code];
      if (said) {
        this._codeError = said;
        return;
      }
    }
    this.requestUpdate();
    this._show(outcome);
  }

  private _tryAgain = async () => {
    if (this._flow.busy) return;
    this._retrying = 0;
    this._screen = 'issuing';
    this._show(await this._flow.send((n) => (this._retrying = n)));
  };

  private _show(outcome: Awaited<ReturnType<IssueFlow['send']>>) {
    switch (outcome.kind) {
      case 'ticket':
        this._appointment = outcome.appointment
          ? { time: clockTime(this._menu?.timeZone).format(new Date(outcome.appointment.startsAt)), late: outcome.appointment.late }
          : null;
        return this._showTicket(outcome.ticket);
      case 'offline':
        this._screen = 'offline';
        return;
      case 'refused': {
        const code = outcome.code;
        this._error =
          code === 'RATE_LIMITED' ? this._t.rateLimited
          : code === 'SERVICE_CLOSED' ? this._t.serviceClosed
          : code === 'APPOINTMENT_ONLY' ? `${this._t.byAppointmentOnly}. ${this._t.noTicketHere}`
          : this._t.genericError;
        this._screen = 'error';
        return;
      }
      case 'busy':
        return;
    }
  }

  private _showTicket(ticket: IssuedVisit) {
    this._ticket = ticket;
    this._screen = 'ticket';
    this._countdown.start(this._accessible ? ticketSeconds * 2 : ticketSeconds);
    this._print = 'printing';
    const lang = this._lang;
    void this._flow
      .print(ticket, lang, this._appointment, this._menu, async () => {
        await this.updateComplete;
        window.print();
      })
      .then((state) => {
        if (this._ticket === ticket) this._print = state;
      });
  }

  private _reset = () => {
    this._countdown.stop();
    stopSpeaking();
    this._flow.forget();
    this._selected = [];
    this._needs = noNeeds();
    this._answers = [];
    this._ticket = null;
    this._appointment = null;
    this._code = '';
    this._codeError = '';
    this._guidedStep = 'situation';
    this._accessible = false;
    if (this._lang !== defaultLanguage) {
      this._lang = defaultLanguage;
      this._applyLanguage();
    }
    this._screen = this._menu ? 'start' : 'loading';
    void this._loadMenu();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
