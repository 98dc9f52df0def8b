import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { languageInfo, pickText } from '@luukku/shared/i18n';
import { emit } from '@luukku/shared/emit';
import type { Agency, Service, StepResponse } from '@luukku/shared';
import type { StepAction } from '@luukku/shared/http';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('fi-FI', { hour: '2-digit', minute: '2-digit' }) : '');

export interface StaffCurrentEvents {
  'call-next': null;
  act: StepAction;
  /** Open the referral dialog. */
  refer: null;
  /** Open the dialog that books this visitor a follow-up appointment. */
  'follow-up': null;
}

/** The visitor at this desk: number, language, needs, the visit so far, and what to do next. */
@customElement('staff-current')
export class StaffCurrent extends LitElement {
  static override styles = [
    base,
    css`
      .number {
        font-size: 3em;
        font-weight: 800;
        line-height: 1;
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 8px;
        margin: 14px 0;
      }
      .call-next {
        width: 100%;
        min-height: 72px;
        font-size: 1.4em;
        font-weight: 700;
      }
      ol {
        padding-inline-start: 1.2em;
      }
      .note {
        white-space: pre-wrap;
        border-inline-start: 4px solid var(--warn);
        padding-inline-start: 8px;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) current: StepResponse | null = null;
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ type: Boolean }) busy = false;
  @property({ type: Boolean }) canCall = false;

  override render() {
    const t = this.t;
    const c = this.current;
    if (!c) {
      return html`<h2>${t.currentVisitor}</h2>
        <p class="muted">${t.noCurrentVisitor}</p>
        <button class="primary call-next" aria-keyshortcuts="N" ?disabled=${this.busy || !this.canCall} @click=${() => emit<StaffCurrentEvents>(this, 'call-next', null)}>
          ${t.callNext}
        </button>`;
    }
    const step = c.step;
    const called = step.status === 'called';
    const lang = languageInfo(step.language);
    return html`<h2>${t.currentVisitor}</h2>
      <p class="number" aria-live="polite">${step.number}</p>
      <p>
        <span class="badge">${t.statusLabel[step.status]}</span>
        <span class="badge">${t.visitLanguage}: ${lang.native}</span>
        ${step.needs.interpreter ? html`<span class="badge warn">${t.needs.interpreter(lang.native)}</span>` : nothing}
        ${step.needs.accessible ? html`<span class="badge warn">${t.needs.accessible}</span>` : nothing}
        ${step.needs.accompanied ? html`<span class="badge">${t.needs.accompanied}</span>` : nothing}
      </p>
      <div class="actions" role="group" aria-label=${t.currentVisitor}>
        ${called ? this._action('recall', t.recall, 'U') : nothing} ${called ? this._action('start', t.start, 'A', true) : nothing}
        ${this._action('finish', t.finish, 'V', !called)} ${called ? this._action('no-show', t.noShow, 'E') : nothing}
        ${this._action('return', t.returnToQueue, 'P')}
        <button aria-keyshortcuts="O" ?disabled=${this.busy} @click=${() => emit<StaffCurrentEvents>(this, 'refer', null)}>${t.refer}</button>
        <button ?disabled=${this.busy} @click=${() => emit<StaffCurrentEvents>(this, 'follow-up', null)}>${t.followUp}</button>
        <button class="danger" ?disabled=${this.busy} @click=${() => emit<StaffCurrentEvents>(this, 'act', 'cancel')}>${t.cancel}</button>
      </div>
      <h3>${t.visitSoFar}</h3>
      <ol>
        ${c.visit.steps.map((s) => {
          const service = this.services.find((x) => x.id === s.serviceId);
          return html`<li>
            <bdi>${service ? pickText(service.name, this.language) : ''}</bdi> — ${t.statusLabel[s.status]}
            <span class="muted">${time(s.calledAt ?? s.queueTime)}${s.endedAt ? `–${time(s.endedAt)}` : ''}</span>
          </li>`;
        })}
      </ol>
      ${c.visit.referrals.map((r) => {
        const from = this.agencies.find((a) => a.id === r.fromAgencyId);
        const to = this.agencies.find((a) => a.id === r.toAgencyId);
        return html`<div>
          <h3>${t.referral}: <bdi>${from ? pickText(from.name, this.language) : ''}</bdi> ${this.language === 'ar' ? '←' : '→'} <bdi>${to ? pickText(to.name, this.language) : ''}</bdi></h3>
          <p>${t.reasons[r.reason]} · ${t.placements[r.placement]} · ${time(r.at)}</p>
          ${r.note ? html`<p class="note"><strong>${t.noteLabel}:</strong> ${r.note}</p>` : nothing}
          ${r.noteHidden ? html`<p class="muted">${t.noteHidden}</p>` : nothing}
        </div>`;
      })}`;
  }

  private _action(action: StepAction, label: string, key: string, primary = false) {
    return html`<button class=${primary ? 'primary' : ''} aria-keyshortcuts=${key} ?disabled=${this.busy} @click=${() => emit<StaffCurrentEvents>(this, 'act', action)}>
      ${label}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-current': StaffCurrent;
  }
}
