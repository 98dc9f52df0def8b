import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import { emit } from '@luukku/shared/emit';
import type { Agency, Desk, Service } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';

export interface OpenDeskDetail {
  deskId: number;
  serviceIds: number[];
}

export interface StaffDeskSetupEvents {
  'open-desk': OpenDeskDetail;
}

/** Choose the desk and the services to serve now; remembered for next time. */
@customElement('staff-desk-setup')
export class StaffDeskSetup extends LitElement {
  static override styles = [
    base,
    css`
      form {
        display: grid;
        gap: 14px;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 8px;
        display: grid;
        gap: 6px;
      }
      .check {
        display: flex;
        gap: 10px;
        align-items: center;
        font-weight: 400;
      }
      .check input {
        min-height: 24px;
        width: 24px;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) desks: Desk[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ type: Number }) deskId: number | null = null;
  @property({ attribute: false }) serviceIds: number[] = [];
  @property() submitLabel = '';
  @property({ type: Number }) myUserId = 0;
  @state() private _deskId: number | null = null;
  @state() private _chosen: number[] = [];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('deskId') || changed.has('desks')) {
      // a remembered desk of another hub (the user switched hubs) is not one of these
      if (this._deskId !== null && this.desks.length > 0 && !this.desks.some((d) => d.id === this._deskId)) this._deskId = null;
      const remembered = this.desks.some((d) => d.id === this.deskId) ? this.deskId : null;
      this._deskId ??= remembered ?? this.desks.find((d) => d.status === 'closed')?.id ?? null;
    }
    if (changed.has('serviceIds') || changed.has('services')) {
      if (this._chosen.length === 0) this._chosen = this.serviceIds.filter((id) => this.services.some((s) => s.id === id));
    }
  }

  override render() {
    const t = this.t;
    const free = this.desks.filter((d) => d.status === 'closed' || d.userId === this.myUserId);
    return html`<form class="card" @submit=${this._submit}>
      <h2>${t.chooseDesk}</h2>
      <label
        >${t.desk}
        <select name="desk" @change=${(e: Event) => (this._deskId = Number((e.target as HTMLSelectElement).value))}>
          ${free.map((d) => html`<option value=${d.id} ?selected=${d.id === this._deskId}>${d.name} (${d.zone})</option>`)}
        </select>
      </label>
      <fieldset>
        <legend>${t.servicesNow}</legend>
        ${this.services.map((s) => {
          const agency = this.agencies.find((a) => a.id === s.agencyId);
          return html`<label class="check"
            ><input
              type="checkbox"
              .checked=${this._chosen.includes(s.id)}
              @change=${(e: Event) => this._toggle(s.id, (e.target as HTMLInputElement).checked)}
            /><bdi>${pickText(s.name, this.language)}</bdi>${agency && !s.isGuidance ? html` <span class="muted">· <bdi>${pickText(agency.name, this.language)}</bdi></span>` : ''}</label
          >`;
        })}
      </fieldset>
      <button class="primary" type="submit" ?disabled=${this._chosen.length === 0 || this._deskId === null}>${this.submitLabel || t.openDesk}</button>
    </form>`;
  }

  private _toggle(id: number, on: boolean) {
    this._chosen = on ? [...this._chosen, id] : this._chosen.filter((s) => s !== id);
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    if (this._deskId === null) return;
    emit<StaffDeskSetupEvents>(this, 'open-desk', { deskId: this._deskId, serviceIds: this._chosen });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-desk-setup': StaffDeskSetup;
  }
}
