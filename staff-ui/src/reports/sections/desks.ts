import { html, type TemplateResult } from 'lit';
import type { DesksReport } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import { empty, figure, type ReportView } from '../report-view.js';
import '../report-bars.js';

/** Per desk: served, with the no-shows stacked on. */
export function desksSection(v: ReportView, d: DesksReport): TemplateResult {
  const t = v.t;
  const rows: BarRow[] = d.desks.map((x) => ({
    label: `${t.desks.desk} ${x.name}`,
    value: x.served,
    stacked: x.noShows,
    text: `${v.num(x.called)} ${t.desks.called.toLowerCase()} · ${v.min(x.medianServiceMin)}`,
  }));
  return figure(
    v,
    {
      heading: t.desks.title,
      note: t.desks.note,
      csv: 'desks',
      columns: [t.desks.desk, t.desks.called, t.desks.served, t.desks.noShows, t.desks.median],
      rows: d.desks.map((x) => [x.name, x.called, x.served, x.noShows, v.min(x.medianServiceMin)]),
    },
    d.desks.length === 0
      ? empty(v)
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
