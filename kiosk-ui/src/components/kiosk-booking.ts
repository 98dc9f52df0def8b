import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import type { KioskMessages } from '../i18n/index.js';
import { base } from '../styles.js';

export interface KioskBookingEvents {
  close: undefined;
}

/**
 * How to book a service served by appointment only, in place of a ticket (issue 11 §1): a
 * modal dialog over the start screen, opened by touching the service's tile.
 */
@customElement('kiosk-booking')
export class KioskBooking extends LitElement {
  static override styles = [
    base,
    css`
      /* no place of its own in the screen's grid: the dialog opens above the screen */
      :host {
        display: contents;
      }
      dialog {
        max-width: min(90vw, 60rem);
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
      .only {
        font-weight: 700;
        font-size: var(--text-l);
      }
      .info {
        font-size: var(--text-l);
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      button {
        width: 100%;
        margin-top: var(--space-3);
      }
    `,
  ];

  @property({ attribute: false }) t!: KioskMessages;
  /** The service's label and how to book it, in the visitor's language. */
  @property() label = '';
  @property() info = '';
  @query('dialog') private _dialog!: HTMLDialogElement;

  override firstUpdated(): void {
    this._dialog.showModal();
  }

  override render() {
    const t = this.t;
    return html`<dialog aria-labelledby="booking-title" @close=${() => emit<KioskBookingEvents>(this, 'close', undefined)}>
      <!-- an untranslated text is in the hub's language: its own direction, not the page's -->
      <h2 id="booking-title" dir="auto">${this.label}</h2>
      <p class="only">${t.byAppointmentOnly}</p>
      <p>${t.noTicketHere}</p>
      <h3>${t.howToBook}</h3>
      <p class="info" dir="auto">${this.info}</p>
      <button class="primary" @click=${() => this._dialog.close()}>${t.gotIt}</button>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-booking': KioskBooking;
  }
}
