import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cssProps } from '@luukku/shared/css-props';
import { pickText } from '@luukku/shared/i18n';
import type { Agency, QueueSummary, Service } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { minutesSince } from './hub-day.js';

/**
 * The hub at a glance, for every staff member: each agency's lines with how many wait, the
 * longest wait and the desks open. Figures only: no visitor of another agency is named here.
 * The lines come live from the events; the longest wait is counted on the console's clock.
 */
@customElement('staff-overview')
export class StaffOverview extends LitElement {
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
        padding: var(--space-1) var(--space-2);
        border-bottom: 1px solid var(--line);
      }
      .n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      th[scope='rowgroup'] {
        border-inline-start: 6px solid var(--agency);
        background: var(--wash);
      }
      .late {
        color: var(--warn);
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) queues: QueueSummary[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ type: Number }) targetWaitMin = 15;
  @property({ type: Number }) now = Date.now();

  override render() {
    const t = this.t;
    return html`<h2 id="overview-title">${t.overviewTitle}</h2>
      <table aria-labelledby="overview-title">
        <thead>
          <tr>
            <th scope="col">${t.overviewLine}</th>
            <th scope="col" class="n">${t.overviewWaiting}</th>
            <th scope="col" class="n">${t.overviewLongest}</th>
            <th scope="col" class="n">${t.overviewDesks}</th>
          </tr>
        </thead>
        ${this.agencies.map((a) => this._agency(a))}
      </table>`;
  }

  private _agency(a: Agency) {
    const lines = this.queues.filter((q) => q.agencyId === a.id);
    if (lines.length === 0) return nothing;
    const t = this.t;
    const name = pickText(a.name, this.language);
    return html`<tbody data-agency=${a.id}>
      <tr>
        <th scope="rowgroup" colspan="4" style=${cssProps({ '--agency': a.color })}><bdi>${name}</bdi></th>
      </tr>
      ${lines.map((q) => {
        const service = this.services.find((s) => s.id === q.serviceId);
        const target = service?.targetWaitMin ?? this.targetWaitMin;
        const longest = q.waiting > 0 ? minutesSince(q.oldestAt, this.now) : 0;
        return html`<tr data-service=${q.serviceId}>
          <td><bdi>${service ? pickText(service.name, this.language) : pickText(q.label, this.language)}</bdi>${q.openNow ? nothing : html` <span class="badge">${t.closedNow}</span>`}</td>
          <td class="n" data-figure="waiting">${q.waiting}</td>
          <td class="n ${longest > target ? 'late' : ''}" data-figure="longest">${q.waiting > 0 ? t.minutes(longest) : '–'}</td>
          <td class="n" data-figure="desks">${q.openDesks}</td>
        </tr>`;
      })}
    </tbody>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-overview': StaffOverview;
  }
}
