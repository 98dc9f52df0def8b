import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import { emit } from '@luukku/shared/emit';
import type { Agency, QueueSummary, ReferBody, ReferralPlacement, ReferralReason, Service } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { hereToday } from './hub-day.js';

export interface StaffReferEvents {
  refer: ReferBody;
}

const reasons: ReferralReason[] = ['needs_other_service', 'wrong_queue', 'planned_visit', 'visitor_request', 'other'];
const placements: ReferralPlacement[] = ['keep', 'back', 'front'];

/**
 * Refer the visitor on: pick one or more services (in visiting order), a reason, an optional
 * note that is deleted tonight, and the place in the new line (default: keep the arrival).
 * Each service shows its line live (waiting, estimate), or that it is closed now or not here
 * today; those cannot be chosen, as the server refuses a referral to a closed service.
 */
@customElement('staff-refer')
export class StaffRefer extends LitElement {
  static override styles = [
    base,
    css`
      dialog {
        width: min(760px, 94vw);
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
      .agency h3 {
        font-size: 0.95em;
        margin: 6px 0 4px;
      }
      .services {
        max-height: 34vh;
        overflow: auto;
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 8px;
      }
      .chosen {
        margin: 0;
        padding-inline-start: 1.4em;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 8px;
      }
      .radio {
        display: flex;
        gap: 8px;
        align-items: center;
        font-weight: 400;
      }
      .radio input {
        min-height: 20px;
      }
      .target {
        display: grid;
        justify-items: start;
        text-align: start;
      }
      .target .wait {
        font-size: var(--text-s);
        font-weight: 400;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ type: Number }) currentServiceId = 0;
  @property() defaultPlacement: ReferralPlacement = 'keep';
  @property({ type: Boolean }) plan = false;
  /** Every line of the hub, live: each target's waiting count, estimate and whether it is open. */
  @property({ attribute: false }) queues: QueueSummary[] = [];
  @property() timeZone = 'Europe/Helsinki';
  @property({ type: Number }) now = Date.now();
  @state() private _search = '';
  @state() private _chosen: number[] = [];
  @state() private _reason: ReferralReason = 'needs_other_service';
  @state() private _placement: ReferralPlacement = 'keep';
  /** The agency the note is addressed to; null = the first chosen service's agency. */
  @state() private _noteFor: number | null = null;
  @query('dialog') private _dialog!: HTMLDialogElement;

  open() {
    this._search = '';
    this._chosen = [];
    this._noteFor = null;
    this._reason = this.plan ? 'planned_visit' : 'needs_other_service';
    this._placement = this.defaultPlacement;
    void this.updateComplete.then(() => {
      this._dialog.showModal();
      this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
    });
  }

  close() {
    this._dialog?.close();
  }

  override render() {
    const t = this.t;
    const term = this._search.trim().toLowerCase();
    const candidates = this.services.filter(
      (s) => s.active && s.id !== this.currentServiceId && (!term || pickText(s.name, this.language).toLowerCase().includes(term)),
    );
    const name = (id: number) => {
      const s = this.services.find((x) => x.id === id);
      return s ? pickText(s.name, this.language) : '';
    };
    return html`<dialog aria-labelledby="refer-title" @close=${() => (this._chosen = [])}>
      <form method="dialog" @submit=${this._submit}>
        <h2 id="refer-title">${this.plan ? t.planTitle : t.referTitle}</h2>
        <label>${t.searchServices}<input type="search" .value=${this._search} @input=${(e: Event) => (this._search = (e.target as HTMLInputElement).value)} /></label>
        <div class="services">
          ${this.agencies.map((a) => {
            const list = candidates.filter((s) => s.agencyId === a.id);
            if (list.length === 0) return '';
            return html`<div class="agency">
              <h3><bdi>${pickText(a.name, this.language)}</bdi></h3>
              <div class="row">
                ${list.map((s) => this._target(s))}
              </div>
            </div>`;
          })}
        </div>
        ${this._chosen.length > 0
          ? html`<div><strong>${t.chosenOrder}</strong><ol class="chosen">${this._chosen.map((id) => html`<li><bdi>${name(id)}</bdi></li>`)}</ol></div>`
          : ''}
        <label
          >${t.reason}
          <select @change=${(e: Event) => (this._reason = (e.target as HTMLSelectElement).value as ReferralReason)}>
            ${reasons.map((r) => html`<option value=${r} ?selected=${r === this._reason}>${t.reasons[r]}</option>`)}
          </select>
        </label>
        <label>${t.noteLabel}<textarea name="note" rows="3" maxlength="1000" aria-describedby="note-reader"></textarea></label>
        ${this._renderNoteReader()}
        <fieldset>
          <legend>${t.placement}</legend>
          ${placements.map(
            (p) => html`<label class="radio"
              ><input type="radio" name="placement" .checked=${p === this._placement} @change=${() => (this._placement = p)} />${t.placements[p]}</label
            >`,
          )}
        </fieldset>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this._chosen.length === 0}>${t.sendReferral}</button>
          <button type="button" @click=${() => this.close()}>${t.close}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** A service to choose, with its line as it is now; one closed now cannot be chosen. */
  private _target(s: Service) {
    const t = this.t;
    const line = this.queues.find((q) => q.serviceId === s.id);
    const open = line?.openNow ?? s.openNow;
    const status = open
      ? line
        ? `${t.people(line.waiting)} · ${t.estimate(line.estimateMin)}`
        : ''
      : hereToday(s.schedule, this.now, this.timeZone)
        ? t.closedNow
        : t.absentToday;
    return html`<button
      type="button"
      class="target"
      data-service=${s.id}
      ?disabled=${!open}
      aria-pressed=${this._chosen.includes(s.id) ? 'true' : 'false'}
      @click=${() => this._toggle(s.id)}
    >
      <span><bdi>${pickText(s.name, this.language)}</bdi></span><span class="wait">${status}</span>
    </button>`;
  }

  /** The agencies of the chosen services, in visiting order, each once. */
  private _targetAgencies(): number[] {
    const ids = this._chosen.map((id) => this.services.find((s) => s.id === id)?.agencyId).filter((a): a is number => a !== undefined);
    return [...new Set(ids)];
  }

  private _addressee(): number | null {
    const targets = this._targetAgencies();
    return this._noteFor !== null && targets.includes(this._noteFor) ? this._noteFor : (targets[0] ?? null);
  }

  /** Who will read the note (one agency only), and the choice when the referral has several. */
  private _renderNoteReader() {
    const targets = this._targetAgencies();
    const addressee = this._addressee();
    const agencyName = (id: number) => {
      const a = this.agencies.find((x) => x.id === id);
      return a ? pickText(a.name, this.language) : '';
    };
    if (addressee === null) return html`<p id="note-reader" class="muted" aria-live="polite"></p>`;
    return html`${targets.length > 1
        ? html`<label
            >${this.t.noteFor}
            <select @change=${(e: Event) => (this._noteFor = Number((e.target as HTMLSelectElement).value))}>
              ${targets.map((id) => html`<option value=${id} ?selected=${id === addressee}>${agencyName(id)}</option>`)}
            </select>
          </label>`
        : ''}
      <p id="note-reader" class="muted" aria-live="polite">${this.t.noteReader(agencyName(addressee))}</p>`;
  }

  private _toggle(id: number) {
    this._chosen = this._chosen.includes(id) ? this._chosen.filter((c) => c !== id) : [...this._chosen, id];
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    if (this._chosen.length === 0) return;
    const note = (this.renderRoot.querySelector('textarea') as HTMLTextAreaElement).value.trim();
    const noteFor = this._addressee();
    const body: ReferBody = {
      services: this._chosen,
      reason: this._reason,
      placement: this._placement,
      ...(note ? { note, ...(noteFor !== null ? { noteFor } : {}) } : {}),
    };
    emit<StaffReferEvents>(this, 'refer', body);
    (this.renderRoot.querySelector('textarea') as HTMLTextAreaElement).value = '';
    this.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-refer': StaffRefer;
  }
}
