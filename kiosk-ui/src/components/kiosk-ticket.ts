import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pickText, ticketWords } from '@luukku/shared/i18n';
import type { IssuedVisit, VisitorLanguage } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import './kiosk-qr.js';

export type PrintState = 'printing' | 'printed' | 'failed' | 'none';

/** The ticket on screen: the number very large, where it is for, the wait, the QR to the phone page. */
@customElement('kiosk-ticket')
export class KioskTicket extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: var(--gap);
        text-align: center;
      }
      .number {
        font-size: clamp(5rem, 18vw, 11rem);
        font-weight: 800;
        letter-spacing: 0.04em;
        line-height: 1;
        margin: 0.1em 0;
      }
      .services {
        font-size: 1.4em;
        font-weight: 700;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      dl {
        display: flex;
        justify-content: center;
        gap: 2em;
        margin: 0;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        font-size: 1.6em;
        font-weight: 700;
      }
      /* the ticket is to be read, not reached: it may take the upper part whole */
      :host([accessible]) .info {
        max-height: none;
      }
      .print {
        font-size: 1.15em;
        font-weight: 700;
      }
      .print.failed {
        border: 3px solid #b00020;
        border-radius: var(--radius);
        padding: 0.5em;
      }
      .nav {
        display: flex;
        gap: 10px;
        justify-content: center;
        flex-wrap: wrap;
      }
      .nav button {
        flex: 1 1 220px;
      }
      @media print {
        .nav,
        .countdown,
        .print {
          display: none;
        }
        :host {
          width: 72mm;
          color: #000;
          font-size: 11pt;
        }
        .number {
          font-size: 40pt;
        }
        kiosk-qr {
          --qr-size: 40mm;
        }
      }
    `,
  ];

  @property({ attribute: false }) ticket!: IssuedVisit;
  @property({ attribute: false }) t!: KioskMessages;
  @property() language: VisitorLanguage = 'fi';
  @property() print: PrintState = 'printing';
  @property({ type: Number }) secondsLeft = 30;
  @property() phoneUrl = '';
  @property({ type: Boolean, reflect: true }) accessible = false;

  override render() {
    const t = this.t;
    const w = ticketWords[this.language];
    const current = this.ticket.current;
    const printText = { printing: t.ticketPrinting, printed: t.ticketPrinting, failed: t.printFailed, none: t.noPrinter }[this.print];
    return html`
      <section class="info">
        <h1>${w.queueNumber}</h1>
        <p class="number" aria-label=${`${w.queueNumber} ${this.ticket.number.split('').join(' ')}`}>${this.ticket.number}</p>
        <ul class="services">
          ${this.ticket.steps.map((s) => html`<li>${pickText(s.label, this.language)}</li>`)}
        </ul>
        <dl>
          <div><dt>${w.peopleAhead}</dt><dd>${current?.peopleAhead ?? 0}</dd></div>
          <div><dt>${w.estimatedWait}</dt><dd>${w.minutes(current?.estimateMin ?? 0)}</dd></div>
        </dl>
        <p class="print ${this.print}" role="status">${printText}</p>
        <kiosk-qr .value=${this.phoneUrl} .label=${t.scanQr}></kiosk-qr>
        <p>${t.scanQr}</p>
        <p>${w.waitToBeCalled}</p>
      </section>
      <section class="controls">
        <p class="countdown muted">${t.returningIn(this.secondsLeft)}</p>
        <div class="nav">
          <button @click=${() => this._emit('more-time')}>${t.moreTime}</button>
          <button class="primary" @click=${() => this._emit('done')}>${t.done}</button>
        </div>
      </section>
    `;
  }

  private _emit(type: string) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket': KioskTicket;
  }
}
