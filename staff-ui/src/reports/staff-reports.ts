import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import type { ArrivalsReport, DesksReport, GuidanceReport, LocalizedText, ReferralsReport, ReportKind, ServicesReport, StayReport, WaitsReport } from '@luukku/shared';
import { base } from '../styles.js';
import { num } from './chart-utils.js';
import { reportMessages, type ReportLang, type ReportMessages } from './i18n.js';
import { ReportsController, addDays, mondayOf, type PeriodChoice, type PeriodMode } from './reports-data.js';
import type { BarRow } from './report-bars.js';
import type { TableCell } from './report-figure.js';
import type { FlowNode } from './report-matrix.js';
import './report-bars.js';
import './report-figure.js';
import './report-flow.js';
import './report-heatmap.js';
import './report-matrix.js';

const modes: PeriodMode[] = ['day', 'week', 'range'];
const reasonKeys = ['needs_other_service', 'wrong_queue', 'planned_visit', 'visitor_request', 'other'] as const;

/**
 * The reports page, at /staff/reports: pick a day, a week or a range (admins also an agency),
 * see the hub's figures as charts, each with a table and a CSV download. Agency staff see
 * their own agencies; the server decides that, not this page.
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
        gap: 16px;
      }
      h2 {
        margin: 0;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 12px 20px;
        align-items: end;
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: 12px;
        padding: 12px 16px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
        align-items: center;
      }
      legend {
        font-weight: 600;
        padding: 0 0 4px;
      }
      .mode {
        display: inline-flex;
        flex-direction: row;
        align-items: center;
        gap: 6px;
        font-weight: 400;
        border: 2px solid var(--line);
        border-radius: 8px;
        padding: 6px 12px;
        min-height: 40px;
        box-sizing: border-box;
        cursor: pointer;
      }
      .mode:has(input:checked) {
        border-color: var(--accent);
        background: #e8f1fb;
        font-weight: 600;
      }
      .mode input {
        min-height: auto;
        margin: 0;
      }
      .kf {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
        gap: 10px;
        margin: 0;
      }
      .kf div {
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: 12px;
        padding: 10px 14px;
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
      .kf div {
        display: flex;
        flex-direction: column;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 16px;
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
        padding: 8px 12px;
        border-radius: 8px;
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

  private _num = (n: number) => num(n, this._t.locale);
  private _min = (n: number | null) => (n === null ? '–' : this._t.min(this._num(n)));
  private _pct = (n: number | null) => (n === null ? '–' : this._t.pct(this._num(n)));
  private _name = (text: LocalizedText) => pickText(text, this.language);

  override render() {
    const t = this._t;
    const d = this._data;
    const r = d.reports;
    return html`<div class="page">
      <div>
        <h2>${t.title}</h2>
        <p class="muted">${t.intro}</p>
      </div>
      ${d.hub ? this._controls(t) : nothing}
      <p class="status" role="status">${d.loading ? t.loading : r.arrivals ? this._periodText(r.arrivals.meta.from, r.arrivals.meta.to) : ''}</p>
      ${d.error ? html`<p class="banner" role="alert">${t.failed(d.error)}</p>` : nothing}
      ${r.arrivals && r.waits && r.services && r.desks && r.referrals && r.guidance && r.stay
        ? html`${this._keyFigures(t, r.arrivals, r.waits, r.referrals, r.guidance, r.stay)}
            <div class="grid" aria-busy=${d.loading ? 'true' : 'false'}>
              ${this._arrivals(t, r.arrivals)} ${this._waits(t, r.waits)} ${this._serviceTimes(t, r.services)} ${this._desks(t, r.desks)}
              ${this._referrals(t, r.referrals)} ${this._guidance(t, r.guidance)} ${this._stay(t, r.stay)}
            </div>`
        : nothing}
    </div>`;
  }

  private _controls(t: ReportMessages) {
    const d = this._data;
    const p = d.period;
    const today = d.today;
    const set = (change: Partial<PeriodChoice>) => d.choose({ ...p, ...change }, d.agency);
    const dateInput = (label: string, value: string, onChange: (v: string) => void, min?: string) =>
      html`<label
        >${label}
        <input type="date" .value=${value} max=${today} min=${min ?? ''} required @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (v) onChange(v);
        }}
      /></label>`;
    const step = p.mode === 'day' ? 1 : 7;
    const agencies = d.choosableAgencies;
    const canPick = d.user?.role === 'admin' || agencies.length > 1;
    return html`<form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${t.period}</legend>
        ${modes.map(
          (m) => html`<label class="mode"
            ><input type="radio" name="mode" value=${m} .checked=${p.mode === m} @change=${() => set({ mode: m })} />${t.modes[m]}</label
          >`,
        )}
      </fieldset>
      ${p.mode === 'range'
        ? html`${dateInput(t.from, p.from, (v) => set({ from: v, to: v > p.to ? v : p.to }))}
          ${dateInput(t.to, p.to, (v) => set({ to: v, from: v < p.from ? v : p.from }), p.from)}`
        : html`${dateInput(p.mode === 'day' ? t.day : t.weekOf, p.day, (v) => set({ day: v }))}
            <div class="row">
              <button type="button" @click=${() => set({ day: addDays(p.day, -step) })}>${t.previous}</button>
              <button type="button" ?disabled=${(p.mode === 'day' ? addDays(p.day, 1) : mondayOf(addDays(p.day, 7))) > today} @click=${() => set({ day: addDays(p.day, step) })}>${t.next}</button>
            </div>`}
      ${canPick
        ? html`<label
            >${t.agency}
            <select @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              d.choose(p, v === '' ? null : Number(v));
            }}>
              <option value="" ?selected=${d.agency === null}>${d.user?.role === 'admin' ? t.wholeHub : t.allMine}</option>
              ${agencies.map((a) => html`<option value=${a.id} ?selected=${d.agency === a.id}>${this._name(a.name)}</option>`)}
            </select></label
          >`
        : nothing}
    </form>`;
  }

  private _periodText(from: string, to: string): string {
    const f = new Intl.DateTimeFormat(this._t.locale, { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const at = (date: string) => f.format(new Date(`${date}T12:00:00Z`));
    return from === to ? at(from) : `${at(from)} – ${at(to)}`;
  }

  private _keyFigures(t: ReportMessages, a: ArrivalsReport, w: WaitsReport, r: ReferralsReport, g: GuidanceReport, s: StayReport) {
    const called = w.services.reduce((n, x) => n + x.called, 0);
    const within = w.services.reduce((n, x) => n + x.withinTarget, 0);
    const figures: [string, string][] = [
      [this._num(a.visits), t.kf.visits],
      [this._pct(called ? Math.round((within * 1000) / called) / 10 : null), t.kf.withinTarget],
      [this._num(r.referredVisits), t.kf.referred],
      [this._num(g.visits), t.kf.guidance],
      [this._min(s.medianMin), t.kf.stay],
      [this._pct(s.multiAgencyPct), t.kf.multiAgency],
    ];
    return html`<section aria-label=${t.keyFigures}>
      <dl class="kf">${figures.map(([v, k]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
    </section>`;
  }

  /** A figure with its table and CSV link; the chart goes inside. */
  private _figure(t: ReportMessages, o: { heading: string; note: string; csv?: ReportKind; columns: string[]; rows: TableCell[][]; wide?: boolean }, chart: unknown) {
    return html`<report-figure
      class=${o.wide ? 'wide' : ''}
      .heading=${o.heading}
      .note=${o.note}
      .csvHref=${o.csv ? this._data.csvHref(o.csv, this.language) : ''}
      .csvLabel=${t.csvOf(o.heading)}
      .showLabel=${t.showTable}
      .hideLabel=${t.hideTable}
      .tableLabel=${t.table}
      .columns=${o.columns}
      .rows=${o.rows}
      .format=${this._num}
      >${chart}</report-figure
    >`;
  }

  private _empty(t: ReportMessages, text = t.nothing) {
    return html`<p class="empty">${text}</p>`;
  }

  private _arrivals(t: ReportMessages, a: ArrivalsReport) {
    const withVisits = (w: number) => a.cells.some((c) => c.weekday === w);
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((w) => w <= 5 || withVisits(w));
    const hours = a.cells.map((c) => c.hour);
    const first = Math.min(8, ...hours);
    const last = Math.max(16, ...hours);
    const hourList = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const busiest = [...a.cells].sort((x, y) => y.visits - x.visits)[0];
    const value = (w: number, h: number) => a.cells.find((c) => c.weekday === w && c.hour === h)?.visits ?? 0;
    const label = busiest
      ? t.arrivals.summary(`${t.weekdays[busiest.weekday - 1]} ${busiest.hour}–${busiest.hour + 1}`, busiest.visits, a.visits)
      : t.nothing;
    return this._figure(
      t,
      {
        heading: t.arrivals.title,
        note: t.arrivals.note,
        csv: 'arrivals',
        wide: true,
        columns: [t.arrivals.weekday, ...hourList.map((h) => String(h).padStart(2, '0')), t.arrivals.visits],
        rows: weekdays.map((w) => [t.weekdays[w - 1]!, ...hourList.map((h) => value(w, h)), a.weekdays[w - 1]?.visits ?? 0]),
      },
      a.visits === 0
        ? this._empty(t)
        : html`<report-heatmap
            .cells=${a.cells}
            .weekdays=${weekdays}
            .weekdayNames=${t.weekdays.map((x) => x.slice(0, 1).toUpperCase() + x.slice(1))}
            .firstHour=${first}
            .lastHour=${last}
            .label=${label}
            .fewer=${t.legend.fewer}
            .more=${t.legend.more}
            .locale=${t.locale}
          ></report-heatmap>`,
    );
  }

  private _agencyColor(id: number): string {
    return this._data.agencies.find((a) => a.id === id)?.color ?? '#0b5cad';
  }

  private _waits(t: ReportMessages, w: WaitsReport) {
    const used = w.services.filter((s) => s.queued > 0);
    const worst = [...used].sort((a, b) => (b.medianMin ?? 0) - (a.medianMin ?? 0))[0];
    const called = used.reduce((n, s) => n + s.called, 0);
    const within = used.reduce((n, s) => n + s.withinTarget, 0);
    const rows: BarRow[] = used.map((s) => ({
      label: this._name(s.name),
      value: s.medianMin,
      upTo: s.p90Min,
      marker: s.targetMin,
      color: this._agencyColor(s.agencyId),
      text: `${this._min(s.medianMin)} · ${this._pct(s.withinTargetPct)}`,
    }));
    return this._figure(
      t,
      {
        heading: t.waits.title,
        note: t.waits.note,
        csv: 'waits',
        columns: [t.waits.service, t.waits.median, t.waits.p90, t.waits.target, t.waits.within, t.waits.called, t.waits.left],
        rows: used.map((s) => [this._name(s.name), this._min(s.medianMin), this._min(s.p90Min), this._min(s.targetMin), this._pct(s.withinTargetPct), s.called, s.leftWaiting]),
      },
      used.length === 0
        ? this._empty(t)
        : html`<report-bars
            .rows=${rows}
            unit="min"
            .locale=${t.locale}
            .label=${t.waits.summary(worst ? `${this._name(worst.name)} ${this._min(worst.medianMin)}` : '–', this._pct(called ? Math.round((within * 1000) / called) / 10 : null))}
            .legend=${[
              { label: t.legend.median, kind: 'bar' },
              { label: t.legend.p90, kind: 'light' },
              { label: t.legend.target, kind: 'marker' },
            ]}
          ></report-bars>`,
    );
  }

  private _serviceTimes(t: ReportMessages, s: ServicesReport) {
    const used = s.services.filter((x) => x.served > 0 || x.noShows > 0);
    const rows: BarRow[] = used.map((x) => ({
      label: this._name(x.name),
      value: x.medianMin,
      upTo: x.p90Min,
      color: this._agencyColor(x.agencyId),
      text: `${this._min(x.medianMin)} · ${t.services.noShows.toLowerCase()} ${this._num(x.noShows)}`,
    }));
    const served = used.reduce((n, x) => n + x.served, 0);
    const noShows = used.reduce((n, x) => n + x.noShows, 0);
    return this._figure(
      t,
      {
        heading: t.services.title,
        note: t.services.note,
        csv: 'services',
        columns: [t.waits.service, t.services.served, t.services.median, t.services.p90, t.services.mean, t.services.noShows],
        rows: used.map((x) => [this._name(x.name), x.served, this._min(x.medianMin), this._min(x.p90Min), this._min(x.meanMin), `${x.noShows} (${this._pct(x.noShowPct)})`]),
      },
      used.length === 0
        ? this._empty(t)
        : html`<report-bars
            .rows=${rows}
            unit="min"
            .locale=${t.locale}
            .label=${t.services.summary(served, noShows)}
            .legend=${[
              { label: t.legend.median, kind: 'bar' },
              { label: t.legend.p90, kind: 'light' },
            ]}
          ></report-bars>`,
    );
  }

  private _desks(t: ReportMessages, d: DesksReport) {
    const rows: BarRow[] = d.desks.map((x) => ({
      label: `${t.desks.desk} ${x.name}`,
      value: x.served,
      stacked: x.noShows,
      text: `${this._num(x.called)} ${t.desks.called.toLowerCase()} · ${this._min(x.medianServiceMin)}`,
    }));
    return this._figure(
      t,
      {
        heading: t.desks.title,
        note: t.desks.note,
        csv: 'desks',
        columns: [t.desks.desk, t.desks.called, t.desks.served, t.desks.noShows, t.desks.median],
        rows: d.desks.map((x) => [x.name, x.called, x.served, x.noShows, this._min(x.medianServiceMin)]),
      },
      d.desks.length === 0
        ? this._empty(t)
        : html`<report-bars
            .rows=${rows}
            .locale=${t.locale}
            .label=${t.desks.summary(d.desks.length)}
            .legend=${[
              { label: t.legend.served, kind: 'bar' },
              { label: t.legend.noShows, kind: 'warn' },
            ]}
          ></report-bars>`,
    );
  }

  private _referrals(t: ReportMessages, r: ReferralsReport) {
    const nodes: FlowNode[] = r.agencies.map((a) => ({ id: a.id, name: this._name(a.name), color: a.color }));
    const name = (id: number) => nodes.find((n) => n.id === id)?.name ?? String(id);
    const top = [...r.pairs].sort((a, b) => b.referrals - a.referrals)[0];
    const topText = top ? `${name(top.fromAgencyId)} → ${name(top.toAgencyId)}: ${top.referrals}` : '–';
    const totals = t.referrals.totals(r.referrals, r.referredVisits, this._pct(r.completedPct), this._min(r.handoffMedianMin));
    const pairRows = r.pairs.map((p): TableCell[] => [
      `${name(p.fromAgencyId)} → ${name(p.toAgencyId)}`,
      p.referrals,
      p.completed,
      this._min(p.handoffMedianMin),
      reasonKeys.filter((k) => p.reasons[k] > 0).map((k) => `${t.reasons[k]} ${p.reasons[k]}`).join(', '),
    ]);
    const columns = [`${t.referrals.from} → ${t.referrals.to}`, t.referrals.count, t.referrals.completed, t.referrals.handoff, t.referrals.reasonsTitle];
    const none = r.referrals === 0;
    return html`${this._figure(
        t,
        { heading: t.referrals.title, note: `${t.referrals.note} ${totals}`, csv: 'referrals', columns, rows: pairRows },
        none
          ? this._empty(t, t.referrals.none)
          : html`<report-matrix
              .agencies=${nodes}
              .pairs=${r.pairs}
              .label=${t.referrals.matrixSummary(topText)}
              .fromLabel=${t.referrals.from}
              .toLabel=${t.referrals.to}
              .locale=${t.locale}
            ></report-matrix>`,
      )}
      ${this._figure(
        t,
        { heading: t.referrals.flowTitle, note: '', columns, rows: pairRows },
        none ? this._empty(t, t.referrals.none) : html`<report-flow .agencies=${nodes} .pairs=${r.pairs} .label=${t.referrals.flowSummary(topText)} .locale=${t.locale}></report-flow>`,
      )}
      ${this._figure(
        t,
        {
          heading: t.referrals.reasonsTitle,
          note: '',
          columns: [t.referrals.reasonsTitle, t.referrals.count],
          rows: reasonKeys.map((k) => [t.reasons[k], r.reasons[k]]),
        },
        none
          ? this._empty(t, t.referrals.none)
          : html`<report-bars
              .rows=${reasonKeys.map((k) => ({ label: t.reasons[k], value: r.reasons[k], text: this._num(r.reasons[k]) }))}
              .locale=${t.locale}
              .label=${reasonKeys.map((k) => `${t.reasons[k]} ${r.reasons[k]}`).join(', ')}
            ></report-bars>`,
      )}`;
  }

  private _guidance(t: ReportMessages, g: GuidanceReport) {
    const rows: BarRow[] = [
      ...g.destinations.map((x) => ({
        label: t.guidance.sentTo(this._name(x.name)),
        value: x.visits,
        color: this._agencyColor(x.agencyId),
        text: `${this._num(x.visits)} (${t.guidance.served.toLowerCase()} ${this._num(x.served)})`,
      })),
      { label: t.guidance.resolved, value: g.resolvedAtGuidance, text: this._num(g.resolvedAtGuidance) },
      { label: t.guidance.noShow, value: g.noShows, text: this._num(g.noShows) },
      { label: t.guidance.other, value: g.other, text: this._num(g.other) },
    ];
    return this._figure(
      t,
      {
        heading: t.guidance.title,
        note: t.guidance.note,
        csv: 'guidance',
        columns: [t.guidance.outcome, t.guidance.visits, t.guidance.served],
        rows: [
          ...g.destinations.map((x): TableCell[] => [t.guidance.sentTo(this._name(x.name)), x.visits, x.served]),
          [t.guidance.resolved, g.resolvedAtGuidance, null],
          [t.guidance.noShow, g.noShows, null],
          [t.guidance.other, g.other, null],
        ],
      },
      g.visits === 0 ? this._empty(t) : html`<report-bars .rows=${rows} .locale=${t.locale} .label=${t.guidance.summary(g.visits, g.sentOn)}></report-bars>`,
    );
  }

  private _stay(t: ReportMessages, s: StayReport) {
    const buckets: BarRow[] = s.buckets.map((b) => ({ label: t.stay.bucket(b.fromMin, b.toMin), value: b.visits, text: this._num(b.visits) }));
    const byAgencies: BarRow[] = s.byAgencies.map((b) => ({
      label: t.stay.agenciesMet(b.agencies),
      value: b.medianMin,
      upTo: b.p90Min,
      text: `${this._min(b.medianMin)} · ${this._num(b.visits)}`,
    }));
    return html`${this._figure(
        t,
        {
          heading: t.stay.title,
          note: t.stay.note,
          csv: 'stay',
          columns: [t.stay.title, t.stay.visits],
          rows: s.buckets.map((b) => [t.stay.bucket(b.fromMin, b.toMin), b.visits]),
        },
        s.visits === 0
          ? this._empty(t)
          : html`<report-bars .rows=${buckets} .locale=${t.locale} .label=${t.stay.summary(this._min(s.medianMin), this._pct(s.multiAgencyPct))}></report-bars>`,
      )}
      ${this._figure(
        t,
        {
          heading: t.stay.byAgenciesTitle,
          note: '',
          columns: [t.stay.agenciesColumn, t.stay.visits, t.stay.median, t.stay.p90],
          rows: s.byAgencies.map((b) => [t.stay.agenciesMet(b.agencies), b.visits, this._min(b.medianMin), this._min(b.p90Min)]),
        },
        s.visits === 0
          ? this._empty(t)
          : html`<report-bars
              .rows=${byAgencies}
              unit="min"
              .locale=${t.locale}
              .label=${t.stay.summary(this._min(s.medianMin), this._pct(s.multiAgencyPct))}
              .legend=${[
                { label: t.legend.median, kind: 'bar' },
                { label: t.legend.p90, kind: 'light' },
              ]}
            ></report-bars>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-reports': StaffReports;
  }
}
