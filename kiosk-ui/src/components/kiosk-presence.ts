import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import type { AbsentAgency, VisitorLanguage } from '@luukku/shared';
import { nextHereText, presenceMessages } from '../i18n/presence.js';
import { base } from '../styles.js';
import './kiosk-qr.js';

export interface KioskPresenceEvents {
  close: undefined;
  'take-guidance': undefined;
}

/** An address as a person reads it aloud: without the scheme and a trailing slash. */
const readable = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

/**
 * An agency that is not in the hub today (issue 12 §1): when it is next here, and what the
 * visitor can do instead — its phone service (shown large: a kiosk cannot dial), its online
 * service (the address and its QR code), or a Guidance ticket. A modal dialog over the start screen.
 */
@customElement('kiosk-presence')
export class KioskPresence extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: contents;
      }
      dialog {
        max-width: min(92vw, 64rem);
        max-height: 92vh;
        overflow: auto;
        border: 4px solid var(--ink);
        border-radius: var(--radius-l);
        padding: var(--space-4);
        background: var(--paper);
        color: var(--ink);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.55);
      }
      h2 {
        font-size: var(--text-xl);
        margin: 0 0 var(--space-2);
      }
      h3,
      h4 {
        margin: var(--space-3) 0 var(--space-1);
      }
      .next {
        font-size: var(--text-l);
        font-weight: 700;
      }
      .phone {
        font-size: var(--text-xxl);
        font-weight: 800;
        letter-spacing: 0.04em;
        direction: ltr;
        unicode-bidi: isolate;
      }
      .online {
        display: flex;
        gap: var(--space-3);
        align-items: center;
        flex-wrap: wrap;
      }
      .address {
        font-size: var(--text-l);
        font-weight: 700;
        overflow-wrap: anywhere;
        direction: ltr;
        unicode-bidi: isolate;
      }
      .actions {
        display: grid;
        gap: var(--space-3);
        margin-top: var(--space-3);
      }
    `,
  ];

  @property({ attribute: false }) agency!: AbsentAgency;
  @property() language: VisitorLanguage = 'fi';
  @query('dialog') private _dialog!: HTMLDialogElement;

  override firstUpdated(): void {
    this._dialog.showModal();
  }

  override render() {
    const a = this.agency;
    const { m, lang } = presenceMessages(this.language);
    // words that fell back to English say so to a screen reader; the dialog's own language otherwise
    const in_ = lang === this.language ? nothing : lang;
    const ltr = lang === this.language ? nothing : 'ltr';
    return html`<dialog aria-labelledby="presence-title" @close=${() => emit<KioskPresenceEvents>(this, 'close', undefined)}>
      <h2 id="presence-title" dir="auto">${a.name}</h2>
      <p class="next" lang=${in_} dir=${ltr}>${nextHereText(m, a.name, a.nextVisit)}</p>
      ${a.text ? html`<p class="text" dir="auto">${a.text}</p>` : nothing}
      ${a.phone || a.onlineUrl || a.guidance ? html`<h3 lang=${in_} dir=${ltr}>${m.insteadTitle}</h3>` : nothing}
      ${a.phone
        ? html`<section aria-labelledby="presence-call">
            <h4 id="presence-call" lang=${in_} dir=${ltr}>${m.call}</h4>
            <p class="phone">${a.phone}</p>
          </section>`
        : nothing}
      ${a.onlineUrl
        ? html`<section aria-labelledby="presence-online">
            <h4 id="presence-online" lang=${in_} dir=${ltr}>${m.online}</h4>
            <div class="online">
              <kiosk-qr .value=${a.onlineUrl} .label=${m.qrLabel(readable(a.onlineUrl))}></kiosk-qr>
              <div>
                <p class="address">${readable(a.onlineUrl)}</p>
                <p class="muted" lang=${in_} dir=${ltr}>${m.scanHint}</p>
              </div>
            </div>
          </section>`
        : nothing}
      <div class="actions">
        ${a.guidance
          ? html`<p lang=${in_} dir=${ltr}>${m.guidanceHint}</p>
              <button class="primary guidance" lang=${in_} dir=${ltr} @click=${this._guidance}>${m.guidanceTicket}</button>`
          : nothing}
        <button class="close" lang=${in_} dir=${ltr} @click=${() => this._dialog.close()}>${m.close}</button>
      </div>
    </dialog>`;
  }

  private _guidance = () => {
    emit<KioskPresenceEvents>(this, 'take-guidance', undefined);
    this._dialog.close();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-presence': KioskPresence;
  }
}
