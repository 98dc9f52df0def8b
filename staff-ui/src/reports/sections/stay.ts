import { html, type TemplateResult } from 'lit';
import type { StayReport } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import { empty, figure, minuteBars, type ReportView } from '../report-view.js';
import '../report-bars.js';

/** Time in the hub from arrival to the last step, and by how many agencies a visitor met. */
export function staySection(v: ReportView, s: StayReport): TemplateResult {
  const t = v.t;
  const buckets: BarRow[] = s.buckets.map((b) => ({ label: t.stay.bucket(b.fromMin, b.toMin), value: b.visits, text: v.num(b.visits) }));
  const byAgencies: BarRow[] = s.byAgencies.map((b) => ({
    label: t.stay.agenciesMet(b.agencies),
    value: b.medianMin,
    upTo: b.p90Min,
    text: `${v.min(b.medianMin)} · ${v.num(b.visits)}`,
  }));
  return html`${figure(
      v,
      {
        heading: t.stay.title,
        note: t.stay.note,
        csv: 'stay',
        columns: [t.stay.title, t.stay.visits],
        rows: s.buckets.map((b) => [t.stay.bucket(b.fromMin, b.toMin), b.visits]),
      },
      s.visits === 0 ? empty(v) : html`<report-bars .rows=${buckets} .locale=${t.locale} .label=${t.stay.summary(v.min(s.medianMin), v.pct(s.multiAgencyPct))}></report-bars>`,
    )}
    ${figure(
      v,
      {
        heading: t.stay.byAgenciesTitle,
        note: '',
        columns: [t.stay.agenciesColumn, t.stay.visits, t.stay.median, t.stay.p90],
        rows: s.byAgencies.map((b) => [t.stay.agenciesMet(b.agencies), b.visits, v.min(b.medianMin), v.min(b.p90Min)]),
      },
      s.visits === 0
        ? empty(v)
        : minuteBars(v, byAgencies, t.stay.summary(v.min(s.medianMin), v.pct(s.multiAgencyPct))),
    )}`;
}
