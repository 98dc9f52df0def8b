import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { feedbackWords, languageInfo, pickText } from '@luukku/shared/i18n';
import type { FeedbackAnswer, FeedbackSetup, VisitorLanguage } from '@luukku/shared';
import { base } from '../styles.js';
import { PairingController } from '../controllers/pairing-controller.js';
import { FeedbackData, feedbackTokenFromPage, forgetFeedbackToken, rememberFeedbackToken, type SendOutcome } from './feedback-data.js';
import { ScannerController } from '../controllers/scanner-controller.js';
import { face } from './feedback-faces.js';

type Screen = 'loading' | 'unpaired' | 'ask' | 'thanks' | 'offline';
const answers: readonly FeedbackAnswer[] = ['yes', 'partly', 'no'];
/** How long the thank-you stays before the question returns for the next visitor. */
const thanksMs = 4000;
const retryMs = 10_000;

/**
 * The feedback tablet by the exit, /feedback?device=<token>: one question, three large
 * smileys, no typing. The visitor may first show their ticket's QR code to a scanner that types
 * like a keyboard; the answer then keeps the visit's path. After a thank-you the tablet returns
 * to the question, in the hub's first language.
 */
@customElement('feedback-app')
export class FeedbackApp extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; min-height: 100vh; box-sizing: border-box; padding: var(--space-4); }
      main { display: flex; flex-direction: column; align-items: center; gap: var(--space-4); text-align: center; }
      header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--space-3); width: 100%; }
      header p { margin: 0; color: var(--muted); font-size: var(--text-l); }
      .languages { display: flex; flex-wrap: wrap; gap: var(--space-2); justify-content: flex-end; }
      .languages button { font-size: var(--text-s); min-height: 56px; }
      h1 { font-size: var(--text-xxl); margin: var(--space-4) 0 0; }
      .answers { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: var(--space-4); width: min(100%, 64rem); }
      .answers button {
        display: flex; flex-direction: column; align-items: center; gap: var(--space-2);
        font-size: var(--text-xl); font-weight: 700; padding: var(--space-4) var(--space-2); border-width: 4px;
      }
      .answers svg { width: min(26vmin, 14rem); height: min(26vmin, 14rem); }
      .yes { color: #1b6e37; border-color: #1b6e37; }
      .partly { color: #8a5a00; border-color: #8a5a00; }
      .no { color: #a3261d; border-color: #a3261d; }
      .hint { color: var(--muted); font-size: var(--text-m); margin: 0; }
      .ticket { color: #1b6e37; font-weight: 700; margin: 0; }
      .thanks { font-size: var(--text-xxl); font-weight: 700; margin-top: 20vh; }
      .pairing-code { font-size: 4rem; font-weight: 800; letter-spacing: 0.15em; margin: 0; }
    `,
  ];

  @state() private _screen: Screen = 'loading';
  @state() private _setup: FeedbackSetup | null = null;
  @state() private _lang: VisitorLanguage = 'fi';
  @state() private _ticket: string | null = null;
  @state() private _thanks: 'counted' | 'already' = 'counted';
  @state() private _failed = false;
  @state() private _sending = false;
  private _data: FeedbackData | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private readonly _pairing = new PairingController(
    this,
    (token) => {
      rememberFeedbackToken(token);
      this._use(token);
    },
    'feedback',
  );

  constructor() {
    super();
    new ScannerController(this, (text) => {
      if (this._screen !== 'ask') return;
      this._ticket = text;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = feedbackTokenFromPage();
    if (token) this._use(token);
    else this._pair();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  private _use(token: string): void {
    this._data = new FeedbackData(token);
    void this._load();
  }

  private _pair(): void {
    this._screen = 'unpaired';
    void this._pairing.start();
  }

  private async _load(): Promise<void> {
    try {
      this._setup = await this._data!.setup();
      this._lang = this._setup.languages[0]!;
      this._screen = 'ask';
    } catch (err) {
      if (FeedbackData.isUnauthorised(err)) {
        // revoked, or the token of another kind of device: pair again
        forgetFeedbackToken();
        this._pair();
        return;
      }
      this._screen = 'offline';
      this._timer = setTimeout(() => void this._load(), retryMs);
    }
  }

  protected override updated(): void {
    const info = languageInfo(this._lang);
    document.documentElement.lang = info.tag;
    document.documentElement.dir = info.dir;
  }

  private async _answer(answer: FeedbackAnswer): Promise<void> {
    if (this._sending || !this._data) return;
    this._sending = true;
    this._failed = false;
    const outcome: SendOutcome = await this._data.send(answer, this._ticket);
    this._sending = false;
    if (outcome === 'failed') {
      this._failed = true;
      return;
    }
    this._thanks = outcome;
    this._screen = 'thanks';
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._next(), thanksMs);
  }

  /** Ready for the next visitor: the question again, in the hub's first language, no ticket. */
  private _next(): void {
    this._ticket = null;
    this._failed = false;
    this._lang = this._setup?.languages[0] ?? 'fi';
    this._screen = 'ask';
  }

  override render() {
    const w = feedbackWords[this._lang];
    switch (this._screen) {
      case 'loading':
        return html`<main aria-busy="true"><p>…</p></main>`;
      case 'unpaired':
        return html`<main>
          <div role="status">
            <h1>Palautetabletti · Feedback tablet</h1>
            ${this._pairing.code
              ? html`<p>Käyttöönottokoodi · Pairing code</p>
                  <p class="pairing-code">${this._pairing.code}</p>
                  <p class="hint">Ylläpito: Laitteet → Ota laite käyttöön · Admin: Devices → Pair a device</p>`
              : html`<p aria-busy="true">…</p>`}
          </div>
        </main>`;
      case 'offline':
        return html`<main><p role="alert">Ei yhteyttä palvelimeen · No connection to the server</p></main>`;
      case 'thanks':
        return html`<main><p class="thanks" role="status">${this._thanks === 'already' ? w.alreadyAnswered : w.thanks}</p></main>`;
      case 'ask':
        return this._ask(w);
    }
  }

  private _ask(w: (typeof feedbackWords)[VisitorLanguage]) {
    const setup = this._setup!;
    return html`<main>
      <header>
        <p>${pickText(setup.hubName, this._lang)}</p>
        ${setup.languages.length > 1
          ? html`<nav class="languages" aria-label=${w.language}>
              ${setup.languages.map((l) => {
                const info = languageInfo(l);
                return html`<button lang=${info.tag} dir=${info.dir} aria-pressed=${l === this._lang ? 'true' : 'false'} @click=${() => (this._lang = l)}>${info.native}</button>`;
              })}
            </nav>`
          : nothing}
      </header>
      <h1 id="question">${w.question}</h1>
      <div class="answers" role="group" aria-labelledby="question">
        ${answers.map(
          (a) => html`<button class=${a} data-answer=${a} ?disabled=${this._sending} @click=${() => void this._answer(a)}>${face(a)}<span>${w[a]}</span></button>`,
        )}
      </div>
      <div role="status">
        ${this._ticket ? html`<p class="ticket">${w.ticketRead}</p>` : html`<p class="hint">${w.scanHint}</p>`}
        ${this._failed ? html`<p role="alert">${w.failed}</p>` : nothing}
      </div>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feedback-app': FeedbackApp;
  }
}
