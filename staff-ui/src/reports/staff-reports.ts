import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fallbackLanguage } from '@luukku/shared/i18n';
import type { Agency } from '@luukku/shared';
import { base } from '../styles.js';
import { reportMessages, type ReportLang, type ReportMessages } from './i18n.js';
import { ReportsController } from './reports-data.js';
import { reportView } from './report-view.js';
import { arrivalsSection } from './sections/arrivals.js';
import { desksSection } from './sections/desks.js';
import { guidanceSection } from './sections/guidance.js';
import { keyFigures } from './sections/key-figures.js';
import { referralsSection } from './sections/referrals.js';
import { serviceTimesSection } from './sections/service-times.js';
import { staySection } from './sections/stay.js';
import { waitsSection } from './sections/waits.js';
import { feedbackSection } from './sections/feedback.js';
import { hubsSection } from './sections/hubs.js';
import { hubsReportMessages } from './hubs-i18n.js';
import type { ReportControlsEvents } from './report-controls.js';
import './report-controls.js';

/**
 * The reports page, at /staff/reports: pick a day, a week or a range (admins also an agency),
 * see the hub's figures as charts, each with a table and a CSV download. Agency staff see
 * their own agencies; the server decides that, not this page. Each section is a pure function
 * in ./sections/ of its report and the page's view (./report-view.ts).
 */
@customElement('staff-reports')
export class StaffReports extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .page {
        display: grid;
        gap: var(--space-3);
      }
      h2 {
        margin: 0;
      }
      .kf {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
        gap: var(--space-2);
        margin: 0;
      }
      .kf div {
        display: flex;
        flex-direction: column;
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: var(--radius-m);
        padding: var(--space-2) var(--space-3);
      }
      .kf dt {
        color: var(--muted);
        order: 2;
      }
      .kf dd {
        margin: 0;
        font-size: 1.7em;
        font-weight: 800;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: var(--space-3);
      }
      .wide {
        grid-column: 1 / -1;
      }
      @media (max-width: 1100px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .status {
        margin: 0;
        min-height: 1.5em;
      }
      .banner {
        padding: var(--space-2) var(--space-3);
        border-radius: var(--radius-s);
        background: var(--warn-wash);
        border: 1px solid var(--warn);
        color: var(--warn);
      }
      .empty {
        color: var(--muted);
        margin: 0;
      }
    `,
  ];

  @property() language: ReportLang = 'fi';
  /** The page's strings; by default those of `language` from ./i18n.ts. */
  @property({ attribute: false }) t: ReportMessages | undefined;
  private _data = new ReportsController(this);

  private get _t(): ReportMessages {
    return this.t ?? reportMessages[this.language] ?? reportMessages.fi;
  }

  override render() {
    const t = this._t;
    const d = this._data;
    const r = d.reports;
    const v = reportView({
      t,
      language: this.language,
      fallback: fallbackLanguage(d.hub?.languages ?? []),
      agencies: d.agencies,
      csvHref: (kind, lang) => d.csvHref(kind, lang),
    });
    return html`<div class="page">
      <div>
        <h2>${t.title}</h2>
        <p class="muted">${t.intro}</p>
      </div>
      ${d.hub
        ? html`<report-controls
            .t=${t}
            .period=${d.period}
            .today=${d.today}
            .agencies=${d.choosableAgencies}
            .agency=${d.agency}
            ?admin=${d.user?.role === 'admin' || d.user?.role === 'region_admin'}
            .agencyName=${(a: Agency) => v.name(a.name)}
            @report-choose=${(e: CustomEvent<ReportControlsEvents['report-choose']>) => d.choose(e.detail.period, e.detail.agency)}
          ></report-controls>`
        : nothing}
      <p class="status" role="status">${d.loading ? t.loading : r.arrivals ? this._periodText(r.arrivals.meta.from, r.arrivals.meta.to) : ''}</p>
      ${d.error ? html`<p class="banner" role="alert">${t.failed(d.error)}</p>` : nothing}
      ${r.arrivals && r.waits && r.services && r.desks && r.referrals && r.guidance && r.stay
        ? html`${keyFigures(v, r.arrivals, r.waits, r.referrals, r.guidance, r.stay)}
            <div class="grid" aria-busy=${d.loading ? 'true' : 'false'}>
              ${arrivalsSection(v, r.arrivals)} ${waitsSection(v, r.waits)} ${serviceTimesSection(v, r.services)} ${desksSection(v, r.desks)}
              ${referralsSection(v, r.referrals)} ${guidanceSection(v, r.guidance)} ${staySection(v, r.stay)}
              ${r.feedback ? feedbackSection(v, this.language, r.feedback) : nothing}
              ${d.hubs ? hubsSection(v, hubsReportMessages[this.language], d.hubs) : nothing}
            </div>`
        : nothing}
    </div>`;
  }

  private _periodText(from: string, to: string): string {
    const f = new Intl.DateTimeFormat(this._t.locale, { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const at = (date: string) => f.format(new Date(`${date}T12:00:00Z`));
    return from === to ? at(from) : `${at(from)} – ${at(to)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-reports': StaffReports;
  }
}
