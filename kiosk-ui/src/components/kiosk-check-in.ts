import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import type { KioskMessages } from '../i18n/index.js';
import { base, screen } from '../styles.js';

/** The check-in code's letters and digits: none that read as another (as the server's `checkInAlphabet`). */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const codeLength = 6;

export interface KioskCheckInEvents {
  type: string;
  erase: undefined;
  'check-in': undefined;
  back: undefined;
}

/**
 * Check-in of an appointment: the visitor types the code from their confirmation on large keys,
 * or on a keyboard (a scanner that types like one is read by the app's ScannerController). The
 * code and the answer are the app's; this screen only shows them and sends the keys up.
 */
@customElement('kiosk-check-in')
export class KioskCheckIn extends LitElement {
  static override styles = [
    base,
    screen,
    css`
      :host {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto auto minmax(0, 1fr) auto;
        grid-template-areas: 'info' 'code' 'keys' 'nav';
      }
      /* accessible mode: the keys stay large but sit low, the text above them */
      :host-context([data-accessible]) {
        grid-template-rows: minmax(0, 1fr) auto auto auto;
      }
      @media (orientation: landscape) {
        :host,
        :host-context([data-accessible]) {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1.6fr);
          grid-template-rows: minmax(0, 1fr) auto auto;
          grid-template-areas: 'info keys' 'code keys' 'nav keys';
        }
      }
      .info {
        grid-area: info;
      }
      .info h1 {
        font-size: var(--text-xxl);
      }
      .code {
        grid-area: code;
        display: grid;
        gap: var(--space-2);
      }
      .slots {
        display: flex;
        gap: var(--space-2);
        justify-content: center;
        direction: ltr;
        margin: 0;
      }
      .slot {
        box-sizing: border-box;
        width: 1.4em;
        height: 1.6em;
        display: grid;
        place-items: center;
        border-bottom: 5px solid var(--ink);
        font-size: var(--text-xxl);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .error {
        font-weight: 700;
        border: 3px solid var(--danger);
        border-radius: var(--radius-l);
        padding: var(--space-2);
        margin: 0;
      }
      .keys {
        grid-area: keys;
        display: grid;
        grid-template-columns: repeat(8, minmax(0, 1fr));
        grid-auto-rows: minmax(var(--target), 1fr);
        gap: var(--space-2);
        min-height: 0;
        /* the code reads left to right in every language, so do its keys */
        direction: ltr;
      }
      .keys button {
        padding: 0;
        font-size: var(--text-xl);
        font-weight: 700;
      }
      .nav {
        grid-area: nav;
        display: flex;
        gap: var(--space-3);
      }
      .nav button {
        flex: 1 1 0;
      }
    `,
  ];

  @property({ attribute: false }) t!: KioskMessages;
  @property() code = '';
  /** What the server said about the code, in the visitor's words; empty while there is nothing to say. */
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
  }

  /** A keyboard types the code as the on-screen keys do; Enter checks in once it is complete. */
  private _onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toUpperCase();
    if (key.length === 1 && codeAlphabet.includes(key)) emit<KioskCheckInEvents>(this, 'type', key);
    else if (e.key === 'Backspace') emit<KioskCheckInEvents>(this, 'erase', undefined);
    else if (e.key === 'Enter' && this.code.length === codeLength && !(e.composedPath()[0] instanceof HTMLButtonElement)) {
      emit<KioskCheckInEvents>(this, 'check-in', undefined);
    } else return;
    e.preventDefault();
  };

  override render() {
    const t = this.t;
    const full = this.code.length === codeLength;
    return html`
      <section class="info">
        <h1>${t.checkInTitle}</h1>
        <p>${t.checkInHint}</p>
      </section>
      <div class="code">
        <p class="slots" role="status" aria-label=${`${t.codeLabel}: ${this.code.split('').join(' ')}`}>
          ${Array.from({ length: codeLength }, (_, i) => html`<span class="slot" aria-hidden="true">${this.code[i] ?? ''}</span>`)}
        </p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </div>
      <div class="keys" role="group" aria-label=${t.codeLabel}>
        ${codeAlphabet.split('').map(
          (c) => html`<button ?disabled=${full || this.busy} @click=${() => emit<KioskCheckInEvents>(this, 'type', c)}>${c}</button>`,
        )}
        <button class="erase" aria-label=${t.deleteChar} ?disabled=${this.code.length === 0 || this.busy}
          @click=${() => emit<KioskCheckInEvents>(this, 'erase', undefined)}>⌫</button>
      </div>
      <div class="nav">
        <button @click=${() => emit<KioskCheckInEvents>(this, 'back', undefined)}>${t.back}</button>
        <button class="primary" ?disabled=${!full || this.busy} aria-busy=${this.busy ? 'true' : 'false'}
          @click=${() => emit<KioskCheckInEvents>(this, 'check-in', undefined)}>${t.checkIn}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-check-in': KioskCheckIn;
  }
}
