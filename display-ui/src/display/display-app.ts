import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { startPairing, type PairingCode } from '@luukku/shared/pairing';
import type { RecentCall, VisitorLanguage } from '@luukku/shared';
import { agencyLines, historySize, notBeforeToday } from './data/call-history.js';
import { ClockController } from './data/clock-controller.js';
import { DisplayController, displaySetupFromPage, rememberDisplayToken, type DisplayStatus } from './data/display-data.js';
import { idleItem, InfoRotation } from './data/info-rotation.js';
import { SpeechLink } from './data/speech-link.js';
import { Announcer, type Announcement } from './sound/announcer.js';
import { voiceReport } from './sound/speech-report.js';
import { tokens } from './styles.js';
import { words } from './words.js';
import { trilingual } from './components/display-trilingual.js';
import './components/display-call-history.js';
import './components/display-clock.js';
import './components/display-featured-call.js';
import './components/display-hub-info.js';
import './components/display-queue-summary.js';
import './components/display-setup-notice.js';

/**
 * The lobby wall: the call to look at now, very large; the calls before it; how many wait for
 * each agency; the hub and the time. Every call is heard too, one after another. Finnish
 * first, Swedish and English beneath.
 *
 * Its state can be read from outside (kiosk monitoring, tests) without touching the screen:
 * the `state` attribute, and the `announcements` log and `pending` count.
 */
@customElement('display-app')
export class DisplayApp extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        height: 100vh;
        overflow: hidden;
        background: var(--wash);
        /* 20 px on a 1920×1080 screen; everything below is sized in em of this */
        font-size: min(1.852vh, 1.042vw);
      }
      .screen {
        height: 100%;
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
      }
      header {
        display: flex;
        align-items: center;
        gap: 2em;
        padding: 1.1em 2em;
        background: var(--night);
        color: var(--night-ink);
      }
      .hub {
        flex: 1;
        min-width: 0;
      }
      h1 {
        font-size: 2.4em;
        font-weight: 700;
        line-height: 1.15;
      }
      header .sub {
        color: var(--night-muted);
        font-size: 1.3em;
        margin-top: 0.15em;
      }
      .marks {
        display: flex;
        gap: 0.8em;
        align-items: center;
      }
      .mark {
        font-size: 1.2em;
        font-weight: 700;
        background: var(--paper);
        color: var(--danger);
        border-radius: 2em;
        padding: 0.3em 0.9em;
        white-space: nowrap;
      }
      .mark::before {
        content: '';
        display: inline-block;
        width: 0.7em;
        height: 0.7em;
        border-radius: 50%;
        background: currentColor;
        margin-inline-end: 0.5em;
      }
      .mark .sub {
        color: inherit;
        font-size: 0.85em;
        margin: 0;
      }
      .mark.sound {
        color: var(--ink);
      }
      main {
        display: grid;
        grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr);
        gap: 2em;
        padding: 1.4em 2em 1em;
        min-height: 0;
      }
      footer {
        padding: 0 2em 1.4em;
      }
      /* a portrait screen (1080×1920): the call on top, as wide as the screen; the history beneath */
      @media (orientation: portrait) {
        :host {
          font-size: min(1.042vh, 1.852vw);
        }
        main {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: minmax(0, 2fr) minmax(0, 1fr);
        }
      }
    `,
  ];

  private readonly _setup = displaySetupFromPage();
  private readonly _clock = new ClockController(this);
  private readonly _speech = this._setup.token ? new SpeechLink(this._setup.token) : null;
  private readonly _announcer = new Announcer(this, {
    // only languages the server said it can render: asking for the others would be a wasted round trip
    audio: async (text, lang) => (this._speech && this._data?.info?.serverVoices.includes(lang as VisitorLanguage) ? this._speech.audio(text, lang) : null),
    onSilent: (lang) => {
      this._lastSilent = { lang: lang as VisitorLanguage, at: new Date().toISOString() };
      this.requestUpdate();
    },
    onDone: () => {
      this._lastHeardAt = Date.now();
      this.requestUpdate();
    },
  });
  private readonly _data = this._setup.token
    ? new DisplayController(this, { token: this._setup.token, zone: this._setup.zone }, (call, current) => {
        if (current) this._announcer.enqueue(call);
      })
    : null;
  private readonly _rotation = new InfoRotation(this);
  /** When the last announcement ended (display clock): a call stays large for a while after it. */
  private _lastHeardAt = 0;
  private _lastSilent: { lang: VisitorLanguage; at: string } | null = null;
  private _voicesChanged = (): void => this.requestUpdate();
  /** `call`, or `info:<item>` between calls: readable from outside, as `state` is. */
  private _showing = 'call';

  @state() private _pairingCode = '';
  private _pairing: PairingCode | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._data) void this._pair();
    // voices load late, and may come and go (speech-dispatcher restarts)
    globalThis.speechSynthesis?.addEventListener?.('voiceschanged', this._voicesChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._pairing?.cancel();
    globalThis.speechSynthesis?.removeEventListener?.('voiceschanged', this._voicesChanged);
  }

  /** No token: show a pairing code until an admin enters it, then start as the paired display. */
  private async _pair(): Promise<void> {
    while (this.isConnected) {
      try {
        this._pairing = await startPairing('display');
        this._pairingCode = this._pairing.code;
        rememberDisplayToken(await this._pairing.paired);
        location.reload();
        return;
      } catch {
        this._pairingCode = '';
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  }

  /** What has been said aloud, oldest first (the last 50). Read-only. */
  get announcements(): readonly Announcement[] {
    return this._announcer.log;
  }

  /** Calls waiting to be said, the one being said included. */
  get pending(): number {
    return this._announcer.pending;
  }

  private get _status(): DisplayStatus | 'unpaired' {
    return this._data?.status ?? 'unpaired';
  }

  override updated(): void {
    this.setAttribute('state', this._status);
    this.setAttribute('showing', this._showing);
    // what this display can say, for the admin view; sent only when it changes
    const info = this._data?.info;
    if (info && this._speech && this._status === 'online') {
      void this._speech.report({ voices: voiceReport(info.serverVoices), lastSilent: this._lastSilent });
    }
    const title = this._data?.hubName ? `${this._data.hubName.fi} — Luukku` : null;
    if (title && document.title !== title) document.title = title;
  }

  override render() {
    const data = this._data;
    if (!data) return html`<display-setup-notice reason="unpaired" .code=${this._pairingCode}></display-setup-notice>`;
    if (data.status === 'rejected') return html`<display-setup-notice reason="rejected"></display-setup-notice>`;

    const now = this._clock.now;
    const today = data.calls.filter((c) => notBeforeToday(c.at, now));
    const announcing = this._announcer.current;
    const newest = today[0] ? Date.parse(today[0].at) : 0;
    // between calls, the hub's information takes the large call's place
    const idle = announcing ? { item: null, nextInMs: null } : idleItem(data.info, Math.max(newest, this._lastHeardAt), Date.now());
    this._rotation.wakeIn(idle.nextInMs);
    const featured: RecentCall | null = idle.item ? null : (announcing ?? today[0] ?? null);
    const history = today.filter((c) => c.number !== featured?.number).slice(0, historySize - 1);
    const agency = featured ? data.agencies.find((a) => a.id === featured.agencyId) : undefined;
    const hub = data.hubName;
    this._showing = idle.item ? `info:${idle.item.kind}` : 'call';

    return html`<div class="screen">
      <header>
        <div class="hub">
          <h1>${hub?.fi ?? 'Luukku'}</h1>
          ${hub ? html`<p class="sub"><span lang="sv">${hub.sv ?? ''}</span>${hub.en ? html` · <span lang="en">${hub.en}</span>` : nothing}</p>` : nothing}
        </div>
        <div class="marks" role="status">
          ${data.status === 'offline' ? html`<span class="mark offline">${trilingual(words.offline)}</span>` : nothing}
          ${this._announcer.soundBlocked ? html`<span class="mark sound">${words.soundBlocked.fi}</span>` : nothing}
        </div>
        <display-clock .now=${now}></display-clock>
      </header>
      <main>
        ${idle.item
          ? html`<display-hub-info .item=${idle.item}></display-hub-info>`
          : html`<display-featured-call
              .call=${featured}
              .agencyName=${agency?.name ?? null}
              ?announcing=${announcing !== null}
            ></display-featured-call>`}
        <display-call-history .calls=${history}></display-call-history>
      </main>
      <footer>
        <display-queue-summary .lines=${agencyLines(data.agencies, data.queues)}></display-queue-summary>
      </footer>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
