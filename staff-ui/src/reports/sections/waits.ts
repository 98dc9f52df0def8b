import type { TemplateResult } from 'lit';
import type { WaitsReport } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import { empty, figure, minuteBars, type ReportView } from '../report-view.js';

/** Waits per line: median, 90th percentile and the target, for the lines that had visitors. */
export function waitsSection(v: ReportView, w: WaitsReport): TemplateResult {
  const t = v.t;
  const used = w.services.filter((s) => s.queued > 0);
  const worst = [...used].sort((a, b) => (b.medianMin ?? 0) - (a.medianMin ?? 0))[0];
  const called = used.reduce((n, s) => n + s.called, 0);
  const within = used.reduce((n, s) => n + s.withinTarget, 0);
  const rows: BarRow[] = used.map((s) => ({
    label: v.name(s.name),
    value: s.medianMin,
    upTo: s.p90Min,
    marker: s.targetMin,
    color: v.agencyColor(s.agencyId),
    text: `${v.min(s.medianMin)} · ${v.pct(s.withinTargetPct)}`,
  }));
  return figure(
    v,
    {
      heading: t.waits.title,
      note: t.waits.note,
      csv: 'waits',
      columns: [t.waits.service, t.waits.median, t.waits.p90, t.waits.target, t.waits.within, t.waits.called, t.waits.left],
      rows: used.map((s) => [v.name(s.name), v.min(s.medianMin), v.min(s.p90Min), v.min(s.targetMin), v.pct(s.withinTargetPct), s.called, s.leftWaiting]),
    },
    used.length === 0
      ? empty(v)
      : minuteBars(
          v,
          rows,
          t.waits.summary(worst ? `${v.name(worst.name)} ${v.min(worst.medianMin)}` : '–', v.pct(called ? Math.round((within * 1000) / called) / 10 : null)),
          true,
        ),
  );
}
