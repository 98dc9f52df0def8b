import { html, type TemplateResult } from 'lit';
import type { ArrivalsReport, GuidanceReport, ReferralsReport, StayReport, WaitsReport } from '@luukku/shared';
import type { ReportView } from '../report-view.js';

/** The six numbers at the top of the page. */
export function keyFigures(v: ReportView, a: ArrivalsReport, w: WaitsReport, r: ReferralsReport, g: GuidanceReport, s: StayReport): TemplateResult {
  const t = v.t;
  const called = w.services.reduce((n, x) => n + x.called, 0);
  const within = w.services.reduce((n, x) => n + x.withinTarget, 0);
  const figures: [string, string][] = [
    [v.num(a.visits), t.kf.visits],
    [v.pct(called ? Math.round((within * 1000) / called) / 10 : null), t.kf.withinTarget],
    [v.num(r.referredVisits), t.kf.referred],
    [v.num(g.visits), t.kf.guidance],
    [v.min(s.medianMin), t.kf.stay],
    [v.pct(s.multiAgencyPct), t.kf.multiAgency],
  ];
  return html`<section aria-label=${t.keyFigures}>
    <dl class="kf">${figures.map(([value, key]) => html`<div><dt>${key}</dt><dd>${value}</dd></div>`)}</dl>
  </section>`;
}
