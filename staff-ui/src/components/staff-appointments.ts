import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import { languageInfo, pickText } from '@luukku/shared/i18n';
import type { Appointment, AppointmentsResponse, Service } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { clockTime } from './appointment-time.js';

export interface StaffAppointmentsEvents {
  /** Check this appointment's visitor in (its code). */
  'check-in': string;
}

/**
 * Today's appointments of this user's agencies: time, code, service, status, language and needs,
 * live from `appointment` events; a booked one can be checked in here, and the number it gets
 * is shown (`checkedIn`).
 */
@customElement('staff-appointments')
export class StaffAppointments extends LitElement {
  static override styles = [
    base,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 4px 6px;
        border-bottom: 1px solid var(--line);
      }
      .code {
        font-family: ui-monospace, monospace;
        font-weight: 700;
        letter-spacing: 0.08em;
      }
      .given {
        font-weight: 700;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) day: AppointmentsResponse | null = null;
  @property({ attribute: false }) services: Service[] = [];
  @property() timeZone = 'Europe/Helsinki';
  @property({ type: Boolean }) busy = false;
  /** What the last check-in here gave, or why it failed, to say to the visitor. */
  @property() outcome = '';

  override render() {
    const t = this.t;
    const list = this.day?.appointments ?? [];
    return html`<h2 id="appointments-title">${t.appointmentsTitle}</h2>
      <p role="status" aria-live="polite" class="given">${this.outcome}</p>
      ${list.length === 0
        ? html`<p class="muted">${t.noAppointments}</p>`
        : html`<table aria-labelledby="appointments-title">
            <thead>
              <tr>
                <th scope="col">${t.appointmentTime}</th>
                <th scope="col">${t.appointmentCode}</th>
                <th scope="col">${t.appointmentService}</th>
                <th scope="col">${t.appointmentStatus}</th>
                <th scope="col"><span class="visually-hidden">${t.checkIn}</span></th>
              </tr>
            </thead>
            <tbody>
              ${list.map((a) => this._row(a))}
            </tbody>
          </table>`}`;
  }

  private _row(a: Appointment) {
    const t = this.t;
    const service = this.services.find((s) => s.id === a.serviceId);
    const lang = a.language ? languageInfo(a.language).native : null;
    return html`<tr data-code=${a.code}>
      <td>${clockTime(a.startsAt, this.timeZone, this.language)}</td>
      <td class="code">${a.code}</td>
      <td><bdi>${service ? pickText(service.name, this.language) : ''}</bdi></td>
      <td>
        <span class="badge">${t.appointmentStatuses[a.status] ?? a.status}${a.number ? ` · ${a.number}` : ''}</span>
        ${lang ? html`<span class="badge" title=${t.visitLanguage}>${lang}</span>` : nothing}
        ${a.needs.interpreter ? html`<span class="badge warn">${t.needs.interpreter(lang ?? '')}</span>` : nothing}
        ${a.needs.accessible ? html`<span class="badge warn">${t.needs.accessible}</span>` : nothing}
        ${a.needs.accompanied ? html`<span class="badge">${t.needs.accompanied}</span>` : nothing}
      </td>
      <td>
        ${a.status === 'booked'
          ? html`<button ?disabled=${this.busy} aria-label=${`${t.checkIn} ${a.code}`} @click=${() => emit<StaffAppointmentsEvents>(this, 'check-in', a.code)}>
              ${t.checkIn}
            </button>`
          : nothing}
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-appointments': StaffAppointments;
  }
}
