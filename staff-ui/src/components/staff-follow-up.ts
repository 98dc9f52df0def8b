import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import { pickText } from '@luukku/shared/i18n';
import type { Appointment, Service } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { clockTime, hubDate, zonedIso } from './appointment-time.js';

export interface FollowUpDetail {
  serviceId: number;
  startsAt: string;
  lengthMin: number;
}

export interface StaffFollowUpEvents {
  book: FollowUpDetail;
}

/**
 * "Varaa jatkoaika": a follow-up appointment for the visitor being served, in a service of
 * the staff member's own agency. Once booked, the dialog shows the code large, to be told to
 * the visitor (`booked`); an error stays in the form (`error`).
 */
@customElement('staff-follow-up')
export class StaffFollowUp extends LitElement {
  static override styles = [
    base,
    css`
      dialog {
        width: min(560px, 94vw);
        border: none;
        border-radius: 12px;
        padding: 20px;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      form {
        display: grid;
        gap: 12px;
      }
      .code {
        font-family: ui-monospace, monospace;
        font-size: 3em;
        font-weight: 800;
        letter-spacing: 0.15em;
        margin: 0.2em 0;
      }
      .error {
        color: var(--danger);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  /** The services that may be booked: this user's agencies' own, no Guidance. */
  @property({ attribute: false }) services: Service[] = [];
  @property() timeZone = 'Europe/Helsinki';
  @property({ type: Number }) now = Date.now();
  @property({ attribute: false }) booked: Appointment | null = null;
  @property() error = '';
  @property({ type: Boolean }) busy = false;
  @state() private _serviceId = 0;
  @query('dialog') private _dialog!: HTMLDialogElement;

  open(serviceId: number) {
    this._serviceId = this.services.some((s) => s.id === serviceId) ? serviceId : (this.services[0]?.id ?? 0);
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector('form')?.reset();
      this._dialog.showModal();
    });
  }

  close() {
    this._dialog?.close();
  }

  override render() {
    const t = this.t;
    const b = this.booked;
    return html`<dialog aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">${t.followUpTitle}</h2>
      ${b ? this._booked(b) : this._form()}
    </dialog>`;
  }

  private _form() {
    const t = this.t;
    const today = hubDate(this.now, this.timeZone);
    return html`<form @submit=${this._submit}>
      <label
        >${t.followUpService}
        <select name="service" @change=${(e: Event) => (this._serviceId = Number((e.target as HTMLSelectElement).value))}>
          ${this.services.map((s) => html`<option value=${s.id} ?selected=${s.id === this._serviceId}>${pickText(s.name, this.language)}</option>`)}
        </select>
      </label>
      <label>${t.followUpDate}<input name="date" type="date" required min=${today} .value=${today} /></label>
      <label>${t.followUpTime}<input name="time" type="time" required /></label>
      <label>${t.followUpLength}<input name="length" type="number" required min="1" max="480" value="30" /></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy || this._serviceId === 0}>${t.followUpBook}</button>
        <button type="button" @click=${() => this.close()}>${t.close}</button>
      </div>
    </form>`;
  }

  private _booked(b: Appointment) {
    const t = this.t;
    const date = hubDate(Date.parse(b.startsAt), this.timeZone).split('-').reverse().join('.');
    return html`<div role="status">
        <p>${t.followUpCode}</p>
        <p class="code">${b.code}</p>
        <p>${t.followUpWhen(date, clockTime(b.startsAt, this.timeZone, this.language))}</p>
      </div>
      <div class="row"><button class="primary" type="button" @click=${() => this.close()}>${t.close}</button></div>`;
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    emit<StaffFollowUpEvents>(this, 'book', {
      serviceId: this._serviceId,
      startsAt: zonedIso(String(data.get('date')), String(data.get('time')), this.timeZone),
      lengthMin: Number(data.get('length')),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-follow-up': StaffFollowUp;
  }
}
