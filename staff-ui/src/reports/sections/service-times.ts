import type { TemplateResult } from 'lit';
import type { ServicesReport } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import { empty, figure, minuteBars, type ReportView } from '../report-view.js';

/** Service times per line, with the no-shows beside them. */
export function serviceTimesSection(v: ReportView, s: ServicesReport): TemplateResult {
  const t = v.t;
  const used = s.services.filter((x) => x.served > 0 || x.noShows > 0);
  const rows: BarRow[] = used.map((x) => ({
    label: v.name(x.name),
    value: x.medianMin,
    upTo: x.p90Min,
    color: v.agencyColor(x.agencyId),
    text: `${v.min(x.medianMin)} · ${t.services.noShows.toLowerCase()} ${v.num(x.noShows)}`,
  }));
  const served = used.reduce((n, x) => n + x.served, 0);
  const noShows = used.reduce((n, x) => n + x.noShows, 0);
  return figure(
    v,
    {
      heading: t.services.title,
      note: t.services.note,
      csv: 'services',
      columns: [t.waits.service, t.services.served, t.services.median, t.services.p90, t.services.mean, t.services.noShows],
      rows: used.map((x) => [v.name(x.name), x.served, v.min(x.medianMin), v.min(x.p90Min), v.min(x.meanMin), `${x.noShows} (${v.pct(x.noShowPct)})`]),
    },
    used.length === 0
      ? empty(v)
      : minuteBars(v, rows, t.services.summary(served, noShows)),
  );
}
