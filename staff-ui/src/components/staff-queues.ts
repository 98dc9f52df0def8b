import { LitElement, css, html } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { emit } from '@luukku/shared/emit';
import { customElement, property } from 'lit/decorators.js';
import { languageInfo, pickText } from '@luukku/shared/i18n';
import { fitsDesk, needsWithoutDesk } from '@luukku/shared/fit';
import type { Agency, Desk, QueueSummary, Service, WaitingEntry } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { compareLinePlaces } from '@luukku/shared/lines';
import { appointmentBadge, appointmentPriority, visitorBadges } from './visitor-badges.js';

export interface StaffQueuesEvents {
  /** Call this waiting visitor (a step id) to the desk. */
  'call-step': number;
}

/** The waiting lines of the services this desk serves now, live; long waits stand out. */
@customElement('staff-queues')
export class StaffQueues extends LitElement {
  static override styles = [
    base,
    css`
      section + section {
        margin-top: 14px;
      }
      h3 {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        font-size: 1.05em;
        border-inline-start: 6px solid var(--agency);
        padding-inline-start: 8px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      li {
        display: grid;
        grid-template-columns: 5.5em 1fr auto;
        gap: 8px;
        align-items: center;
        padding: 6px 8px;
        border: 1px solid var(--line);
        border-radius: 8px;
      }
      li.late {
        border-color: var(--warn);
        background: var(--warn-wash);
      }
      .number {
        font-size: 1.3em;
        font-weight: 800;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) queues: QueueSummary[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ attribute: false }) serviceIds: number[] = [];
  /** Every desk of the hub, kept from `desk` events: which open desks fit whose needs. */
  @property({ attribute: false }) desks: Desk[] = [];
  /** This console's desk: a visitor it does not fit cannot be called here. */
  @property({ attribute: false }) desk: Desk | null = null;
  @property({ type: Number }) targetWaitMin = 15;
  @property({ type: Number }) now = Date.now();
  @property({ type: Boolean }) canCall = false;
  @property() timeZone = 'Europe/Helsinki';

  override render() {
    const t = this.t;
    const mine = this.queues.filter((q) => this.serviceIds.includes(q.serviceId));
    return html`<h2>${t.waitingLines}</h2>
      ${mine.length === 0 ? html`<p class="muted">${t.queueEmpty}</p>` : ''}
      ${mine.map((q) => this._line(q))}`;
  }

  private _line(q: QueueSummary) {
    const t = this.t;
    const service = this.services.find((s) => s.id === q.serviceId);
    const agency = this.agencies.find((a) => a.id === q.agencyId);
    const target = service?.targetWaitMin ?? this.targetWaitMin;
    const name = service ? pickText(service.name, this.language) : '';
    return html`<section style=${cssProps({ '--agency': agency?.color ?? '#555' })} aria-label=${name}>
      <h3><span><bdi>${name}</bdi></span><span class="muted">${t.people(q.waiting)} · ${t.estimate(q.estimateMin)}</span></h3>
      ${(q.entries ?? []).length === 0
        ? html`<p class="muted">${t.nobodyWaiting}</p>`
        : html`<ol>
            ${this._inOrder(q.entries ?? []).map((e) => {
              const waited = Math.max(0, Math.floor((this.now - Date.parse(e.queueTime)) / 60_000));
              const late = waited > target;
              const fits = !this.desk || fitsDesk(e.needs, this.desk);
              return html`<li class=${late ? 'late' : ''}>
                <span class="number">${e.number}</span>
                <span class="meta">
                  <span>${t.waited(waited)}</span>
                  ${late ? html`<span class="badge warn">${t.overTarget}</span>` : ''}
                  ${appointmentBadge(t, this.language, e, this.now, this.timeZone)} ${visitorBadges(t, this.language, e, this.agencies)} ${this._noDesk(q, e)}
                  ${fits ? '' : html`<span class="badge">${t.accessibleDeskOnly}</span>`}
                </span>
                <button ?disabled=${!this.canCall || !fits} @click=${() => this._call(e.stepId)} aria-label=${`${t.call} ${e.number}`}>${t.call} ${e.number}</button>
              </li>`;
            })}
          </ol>`}
    </section>`;
  }

  /**
   * The line in call order on the console's clock: an appointment checked in early moves up
   * when it comes due, between events (rule 9: no request).
   */
  private _inOrder(entries: readonly WaitingEntry[]): WaitingEntry[] {
    // only an appointment checked in early waits for a later time; anyone else is due at once,
    // even when the server's clock runs a little ahead of this one
    const place = (e: WaitingEntry) => (e.priority >= appointmentPriority || Date.parse(e.queueTime) <= this.now ? e : { ...e, queueTime: new Date(this.now).toISOString() });
    return [...entries].sort((a, b) => compareLinePlaces(place(a), place(b), this.now));
  }

  /** "No suitable desk open", and for which need, while no open desk of the line meets it. */
  private _noDesk(q: QueueSummary, e: WaitingEntry) {
    const unmet = needsWithoutDesk(e, q.serviceId, this.desks);
    if (unmet.length === 0) return '';
    const t = this.t;
    const what = unmet.map((n) => (n === 'accessible' ? t.unmetNeeds.accessible : t.unmetNeeds.language(languageInfo(e.language).native)));
    return html`<span class="badge warn no-desk">${t.noSuitableDesk} (${what.join(', ')})</span>`;
  }

  private _call(stepId: number) {
    emit<StaffQueuesEvents>(this, 'call-step', stepId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-queues': StaffQueues;
  }
}
