import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from '@luukku/shared/http';
import { languageInfo, pickText, ticketWords } from '@luukku/shared/i18n';
import type { IssuedVisit, IssueVisitBody, KioskMenu, Needs, VisitorLanguage } from '@luukku/shared';
import { deviceTokenFromPage, forgetToken, KioskData, newIdempotencyKey, rememberToken } from './data/kiosk-data.js';
import { menuWithLines } from './data/menu-lines.js';
import { startPairing, type PairingCode } from '@luukku/shared/pairing';
import { messages, type KioskMessages } from './i18n/index.js';
import { speak, stopSpeaking } from './speech.js';
import { base } from './styles.js';
import { renderTicketLines } from './ticket-raster.js';
import type { GuidedStep, Suggestion } from './components/kiosk-guided.js';
import type { NeedKey } from './components/kiosk-start.js';
import type { PrintState } from './components/kiosk-ticket.js';
import './components/kiosk-start.js';
import './components/kiosk-guided.js';
import './components/kiosk-ticket.js';

type Screen = 'loading' | 'start' | 'guided' | 'issuing' | 'ticket' | 'offline' | 'error' | 'unpaired';

const defaultLanguage: VisitorLanguage = 'fi';
const noNeeds = (): Needs => ({ interpreter: false, accessible: false, accompanied: false });
const ticketSeconds = 30;
const menuRefreshMs = 30_000;

/** All interactive elements in on-screen order, through every shadow root (for arrow keys). */
function focusables(root: ParentNode): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (el.matches('button:not([disabled]), [tabindex="0"]')) out.push(el);
    if (el.shadowRoot) out.push(...focusables(el.shadowRoot));
  }
  return out;
}

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * The kiosk: start → (guided path) → ticket, in the visitor's language. It holds the state;
 * the screens below only render it and send events up.
 */
@customElement('kiosk-app')
export class KioskApp extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-height: 100vh;
        box-sizing: border-box;
        padding: 24px;
        background: var(--paper);
      }
      main {
        max-width: 1100px;
        margin: 0 auto;
      }
      .notice {
        display: grid;
        gap: var(--gap);
        text-align: center;
        padding-top: 20vh;
      }
      :host([accessible]) .notice {
        padding-top: 42vh;
      }
      .pairing-code {
        font-size: 5em;
        font-weight: 800;
        letter-spacing: 0.15em;
        margin: 0.2em 0;
      }
      .notice h1 {
        font-size: 2em;
      }
      .notice .nav {
        display: flex;
        gap: 10px;
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
  @state() private _secondsLeft = ticketSeconds;
  @state() private _retrying = 0;
  @state() private _error = '';
  @state() private _pairing: PairingCode | null = null;

  private _data: KioskData | null = null;
  /** The request being issued; kept with its key until it succeeds or the visitor starts over. */
  private _request: IssueVisitBody | null = null;
  private _busy = false;
  private _timer: ReturnType<typeof setInterval> | undefined;
  private _menuTimer: ReturnType<typeof setInterval> | undefined;
  /** Whether the socket is up: then events keep the menu fresh, and the timer rests. */
  private _online = false;

  private get _t(): KioskMessages {
    return messages(this._lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = deviceTokenFromPage();
    this._applyLanguage();
    // on the window: a keypad's first press comes before anything has focus
    window.addEventListener('keydown', this._onKey);
    this.addEventListener('focusin', this._onFocus);
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
  private async _pair(): Promise<void> {
    this._screen = 'unpaired';
    for (;;) {
      try {
        this._pairing = await startPairing('kiosk');
        const token = await this._pairing.paired;
        rememberToken(token);
        this._pairing = null;
        this._screen = 'loading';
        this._useToken(token);
        return;
      } catch {
        // expired or unreachable: try again with a new code after a pause
        this._pairing = null;
        await new Promise((r) => setTimeout(r, 5000));
        if (!this.isConnected) return;
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
    clearInterval(this._menuTimer);
    this._pairing?.cancel();
    this._data?.close();
    window.removeEventListener('keydown', this._onKey);
    this.removeEventListener('focusin', this._onFocus);
  }

  protected override updated(changed: Map<string, unknown>): void {
    this.toggleAttribute('accessible', this._accessible);
    if (this._accessible && (changed.has('_screen') || changed.has('_guidedStep') || changed.has('_lang'))) this._speakScreen();
  }

  override render() {
    const t = this._t;
    const a = this._accessible;
    switch (this._screen) {
      case 'loading':
        return html`<main class="notice" aria-busy="true"><p>…</p></main>`;
      case 'unpaired':
        return html`<main class="notice">
          <div role="status">
            <h1>${t.notPaired}</h1>
            ${this._pairing
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
            ?accessible=${a}
            @language=${(e: CustomEvent<VisitorLanguage>) => this._setLanguage(e.detail)}
            @toggle-service=${(e: CustomEvent<number>) => this._toggleService(e.detail)}
            @toggle-need=${(e: CustomEvent<NeedKey>) => this._toggleNeed(e.detail)}
            @accessible-mode=${() => (this._accessible = !this._accessible)}
            @dont-know=${this._startGuided}
            @take-number=${() => this._issue({ services: this._selected })}
          ></kiosk-start>
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
            ?accessible=${a}
            @toggle-answer=${(e: CustomEvent<number>) => this._toggleAnswer(e.detail)}
            @toggle-need=${(e: CustomEvent<NeedKey>) => this._toggleNeed(e.detail)}
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
            .secondsLeft=${this._secondsLeft}
            .phoneUrl=${`${location.origin}/v/${this._ticket!.token}`}
            ?accessible=${a}
            @more-time=${() => (this._secondsLeft += ticketSeconds)}
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
      if (this._screen === 'loading' || (this._screen === 'offline' && !this._request)) this._screen = 'start';
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

  /** The answers' suggested services, in the order first suggested; none known means Guidance. */
  private _suggestion(): Suggestion {
    const menu = this._menu;
    if (!menu) return { services: [] };
    const labels = new Map(menu.agencies.flatMap((a) => a.services.map((s) => [s.id, s.label] as const)));
    const ids: number[] = [];
    for (const q of menu.questions) {
      if (!this._answers.includes(q.id)) continue;
      for (const id of q.suggests) if (!ids.includes(id) && labels.has(id)) ids.push(id);
    }
    return { services: ids.slice(0, 5).map((id) => ({ id, label: labels.get(id)! })) };
  }

  private _confirmSuggestion = () => {
    const services = this._suggestion().services.map((s) => s.id);
    void this._issue(services.length > 0 ? { services } : { guidance: true });
  };

  private async _issue(choice: { services: number[] } | { guidance: true }): Promise<void> {
    if (this._busy || !this._data) return; // a double tap issues nothing twice
    this._request ??= { ...choice, language: this._lang, needs: this._needs, idempotencyKey: newIdempotencyKey() };
    await this._send();
  }

  private _tryAgain = () => void this._send();

  private async _send(): Promise<void> {
    if (this._busy || !this._data || !this._request) return;
    this._busy = true;
    this._retrying = 0;
    this._screen = 'issuing';
    try {
      const ticket = await this._data.issue(this._request, (n) => (this._retrying = n));
      this._request = null;
      this._showTicket(ticket);
    } catch (err) {
      if (err instanceof ApiError && err.isNetwork) {
        this._screen = 'offline';
      } else {
        // the server answered: this request will not succeed by repeating it
        this._request = null;
        const code = err instanceof ApiError ? err.code : 'UNKNOWN';
        this._error = code === 'RATE_LIMITED' ? this._t.rateLimited : code === 'SERVICE_CLOSED' ? this._t.serviceClosed : this._t.genericError;
        this._screen = 'error';
      }
    } finally {
      this._busy = false;
    }
  }

  private _showTicket(ticket: IssuedVisit) {
    this._ticket = ticket;
    this._secondsLeft = this._accessible ? ticketSeconds * 2 : ticketSeconds;
    this._screen = 'ticket';
    clearInterval(this._timer);
    this._timer = setInterval(() => {
      this._secondsLeft -= 1;
      if (this._secondsLeft <= 0) this._reset();
    }, 1000);
    void this._printTicket(ticket);
  }

  private async _printTicket(ticket: IssuedVisit): Promise<void> {
    const kind = this._menu?.printer ?? 'none';
    if (kind === 'none') {
      this._print = 'none';
      return;
    }
    this._print = 'printing';
    if (kind === 'browser') {
      await this.updateComplete;
      window.print();
      this._print = 'printed';
      return;
    }
    try {
      const raster = languageInfo(this._lang).raster ? renderTicketLines(this._rasterLines(ticket), this._lang) : null;
      await this._data!.print(ticket.token, raster);
      this._print = 'printed';
    } catch {
      // the visit exists whatever the printer does; the screen tells the visitor what to do
      this._print = 'failed';
    }
  }

  private _rasterLines(ticket: IssuedVisit): string[] {
    const w = ticketWords[this._lang];
    return [
      `${w.queueNumber}: ${ticket.number}`,
      ...ticket.steps.map((s) => pickText(s.label, this._lang)),
      `${w.peopleAhead}: ${ticket.current?.peopleAhead ?? 0}`,
      `${w.estimatedWait}: ${w.minutes(ticket.current?.estimateMin ?? 0)}`,
      w.followOnPhone,
    ];
  }

  private _reset = () => {
    clearInterval(this._timer);
    stopSpeaking();
    this._request = null;
    this._selected = [];
    this._needs = noNeeds();
    this._answers = [];
    this._ticket = null;
    this._guidedStep = 'situation';
    this._accessible = false;
    if (this._lang !== defaultLanguage) {
      this._lang = defaultLanguage;
      this._applyLanguage();
    }
    this._screen = this._menu ? 'start' : 'loading';
    void this._loadMenu();
  };

  private _speakScreen() {
    void this.updateComplete.then(() => {
      const screen = this.renderRoot.querySelector('main')?.firstElementChild;
      const info = (screen?.shadowRoot ?? this.renderRoot).querySelector('.info, h1');
      if (info instanceof HTMLElement) speak(info.innerText, this._lang);
    });
  }

  /** Arrow keys move between controls, for tactile keypads that have no Tab key. */
  private _onKey = (e: KeyboardEvent) => {
    const forward = e.key === 'ArrowDown' || e.key === 'ArrowRight';
    const backward = e.key === 'ArrowUp' || e.key === 'ArrowLeft';
    if (!forward && !backward) return;
    const all = focusables(this.renderRoot);
    if (all.length === 0) return;
    const i = all.indexOf(deepActive() as HTMLElement);
    const rtl = languageInfo(this._lang).dir === 'rtl' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight');
    const step = (forward ? 1 : -1) * (rtl ? -1 : 1);
    all[(i + step + all.length) % all.length]?.focus();
    e.preventDefault();
  };

  private _onFocus = (e: FocusEvent) => {
    if (!this._accessible) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && target.matches('button')) speak(target.innerText, this._lang);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
