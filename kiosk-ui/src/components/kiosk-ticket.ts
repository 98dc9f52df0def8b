import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pickText, ticketWords } from '@luukku/shared/i18n';
import type { IssuedVisit, VisitorLanguage } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { emit } from '@luukku/shared/emit';
import { base, screen } from '../styles.js';
import './kiosk-qr.js';

import type { PrintState } from '../data/kiosk-issue.js';

export interface KioskTicketEvents {
  'more-time': undefined;
  done: undefined;
}

/** The ticket on screen: the number very large, where it is for, the wait, the QR to the phone page. */
@customElement('kiosk-ticket')
export class KioskTicket extends LitElement {
  static override styles = [
    base,
    screen,
    css`
      :host {
        text-align: center;
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto auto minmax(0, 1fr) auto;
        grid-template-areas: 'info' 'phone' '.' 'controls';
      }
      /* landscape: the ticket on one side, the phone and the buttons on the other */
      @media (orientation: landscape) {
        :host {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          grid-template-rows: minmax(0, 1fr) auto;
          grid-template-areas: 'info phone' 'info controls';
          align-items: center;
        }
      }
      .info {
        grid-area: info;
      }
      .phone {
        grid-area: phone;
      }
      .controls {
        grid-area: controls;
      }
      .number {
        font-size: clamp(5rem, 14vmin, 11rem);
        font-weight: 800;
        letter-spacing: 0.04em;
        line-height: 1;
        margin: 0.1em 0;
      }
      .services {
        font-size: var(--text-service);
        font-weight: 700;
        list-style: none;
        padding: 0;
        margin: 0 0 0.4em;
      }
      dl {
        display: flex;
        justify-content: center;
        gap: 2em;
        margin: 0 0 0.4em;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        font-size: var(--text-xl);
        font-weight: 700;
      }
      .print {
        font-weight: 700;
      }
      .appointment {
        font-size: var(--text-l);
        font-weight: 700;
      }
      .late {
        font-weight: 700;
        border: 3px solid var(--ink);
        border-radius: var(--radius-l);
        padding: 0.4em;
      }
      .print.failed {
        border: 3px solid var(--danger);
        border-radius: var(--radius-l);
        padding: 0.5em;
      }
      kiosk-qr {
        --qr-size: min(220px, 22vmin);
      }
      .nav {
        display: flex;
        gap: var(--space-3);
      }
      .nav button {
        flex: 1 1 0;
      }
      @media print {
        .nav,
        .countdown,
        .print {
          display: none;
        }
        :host {
          display: block;
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
  /** A checked-in appointment's time (HH:MM) and whether it came too late to keep it. */
  @property({ attribute: false }) appointment: { time: string; late: boolean } | null = null;

  override render() {
    const t = this.t;
    const w = ticketWords[this.language];
    const current = this.ticket.current;
    const printText = { printing: t.ticketPrinting, printed: t.ticketPrinting, failed: t.printFailed, none: t.noPrinter }[this.print];
    return html`
      <section class="info">
        <h1>${w.queueNumber}</h1>
        <p class="number" aria-label=${`${w.queueNumber} ${this.ticket.number.split('').join(' ')}`}>${this.ticket.number}</p>
        ${this.appointment
          ? html`<p class="appointment">${w.appointmentAt(this.appointment.time)}</p>
              ${this.appointment.late ? html`<p class="late" role="alert">${t.lateNotice}</p>` : nothing}`
          : nothing}
        <ul class="services">
          ${this.ticket.steps.map((s) => html`<li>${pickText(s.label, this.language)}</li>`)}
        </ul>
        <dl>
          <div><dt>${w.peopleAhead}</dt><dd>${current?.peopleAhead ?? 0}</dd></div>
          <div><dt>${w.estimatedWait}</dt><dd>${w.minutes(current?.estimateMin ?? 0)}</dd></div>
        </dl>
        <p class="print ${this.print}" role="status">${printText}</p>
      </section>
      <div class="phone">
        <kiosk-qr .value=${this.phoneUrl} .label=${t.scanQr}></kiosk-qr>
        <p>${t.scanQr}</p>
        <p>${w.waitToBeCalled}</p>
      </div>
      <div class="controls">
        <p class="countdown muted">${t.returningIn(this.secondsLeft)}</p>
        <div class="nav">
          <button @click=${() => emit<KioskTicketEvents>(this, 'more-time', undefined)}>${t.moreTime}</button>
          <button class="primary" @click=${() => emit<KioskTicketEvents>(this, 'done', undefined)}>${t.done}</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket': KioskTicket;
  }
}
