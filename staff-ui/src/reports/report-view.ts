import { html, type TemplateResult } from 'lit';
import { pickText } from '@luukku/shared/i18n';
import { token } from '@luukku/shared/tokens';
import type { LocalizedText, ReportKind } from '@luukku/shared';
import { num } from './chart-utils.js';
import type { ReportMessages } from './i18n.js';
import type { BarRow } from './report-bars.js';
import type { TableCell } from './report-figure.js';
import './report-bars.js';
import './report-figure.js';

/**
 * What every report section needs to draw itself: the page's strings and number formats, the
 * names of things in the page's language, agency colours and CSV links. Sections are pure
 * functions of a report and this view; the page builds it once per render.
 */
export interface ReportView {
  t: ReportMessages;
  language: string;
  num: (n: number) => string;
  min: (n: number | null) => string;
  pct: (n: number | null) => string;
  name: (text: LocalizedText) => string;
  agencyColor: (agencyId: number) => string;
  csvHref: (kind: ReportKind) => string;
}

export function reportView(o: {
  t: ReportMessages;
  language: string;
  fallback: string;
  agencies: readonly { id: number; color: string }[];
  csvHref: (kind: ReportKind, lang: string) => string;
}): ReportView {
  const n = (x: number) => num(x, o.t.locale);
  return {
    t: o.t,
    language: o.language,
    num: n,
    min: (x) => (x === null ? '–' : o.t.min(n(x))),
    pct: (x) => (x === null ? '–' : o.t.pct(n(x))),
    name: (text) => pickText(text, o.language, o.fallback),
    agencyColor: (id) => o.agencies.find((a) => a.id === id)?.color ?? token('--accent'),
    csvHref: (kind) => o.csvHref(kind, o.language),
  };
}

export interface FigureOptions {
  heading: string;
  note: string;
  csv?: ReportKind;
  columns: string[];
  rows: TableCell[][];
  wide?: boolean;
}

/** A figure with its table and CSV link; the chart goes inside. */
export function figure(v: ReportView, o: FigureOptions, chart: unknown): TemplateResult {
  const t = v.t;
  return html`<report-figure
    class=${o.wide ? 'wide' : ''}
    .heading=${o.heading}
    .note=${o.note}
    .csvHref=${o.csv ? v.csvHref(o.csv) : ''}
    .csvLabel=${t.csvOf(o.heading)}
    .showLabel=${t.showTable}
    .hideLabel=${t.hideTable}
    .tableLabel=${t.table}
    .columns=${o.columns}
    .rows=${o.rows}
    .format=${v.num}
    >${chart}</report-figure
  >`;
}

export function empty(v: ReportView, text = v.t.nothing): TemplateResult {
  return html`<p class="empty">${text}</p>`;
}

/** Bars in minutes: the median, light up to the 90th percentile, and the target where there is one. */
export function minuteBars(v: ReportView, rows: BarRow[], label: string, withTarget = false): TemplateResult {
  const t = v.t;
  return html`<report-bars
    .rows=${rows}
    unit="min"
    .locale=${t.locale}
    .label=${label}
    .legend=${[
      { label: t.legend.median, kind: 'bar' },
      { label: t.legend.p90, kind: 'light' },
      ...(withTarget ? [{ label: t.legend.target, kind: 'marker' }] : []),
    ]}
  ></report-bars>`;
}
