import { html, type TemplateResult } from 'lit';
import type { HubsReport } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import { empty, figure, minuteBars, type ReportView } from '../report-view.js';
import type { HubsReportMessages } from '../hubs-i18n.js';
import '../report-bars.js';

/**
 * Hubs side by side (issue 12 §1), for admins of more than one hub: each hub's own figures, and
 * each service's median wait in every hub. The server computes every figure within its hub.
 */
export function hubsSection(v: ReportView, h: HubsReportMessages, r: HubsReport): TemplateResult {
  const bars: BarRow[] = r.hubs.map((x) => ({ label: v.name(x.name), value: x.withinTargetPct, text: v.pct(x.withinTargetPct) }));
  const names = r.hubs.map((x) => v.name(x.name));
  // a bar per service and hub that called someone: "Kela · Mäntsälän palvelutori"
  const waits: BarRow[] = r.services.flatMap((s) =>
    s.hubs.flatMap((x, i) => (x && x.medianMin !== null ? [{ label: `${v.name(s.name)} · ${names[i]}`, value: x.medianMin, text: v.min(x.medianMin) }] : [])),
  );
  return html`${figure(
      v,
      {
        heading: h.title,
        note: h.note,
        wide: true,
        columns: [h.hub, h.visits, h.called, h.within, h.referrals, h.completed, h.answered, h.sorted],
        rows: r.hubs.map((x) => [v.name(x.name), x.visits, x.called, v.pct(x.withinTargetPct), x.referrals, v.pct(x.referralsCompletedPct), x.answered, v.pct(x.sortedPct)]),
      },
      r.hubs.every((x) => x.visits === 0) ? empty(v) : html`<report-bars .rows=${bars} .locale=${v.t.locale} .label=${h.summary}></report-bars>`,
    )}
    ${figure(
      v,
      {
        heading: h.servicesTitle,
        note: h.servicesNote,
        wide: true,
        columns: [h.service, ...names.map((n) => h.medianIn(n))],
        rows: r.services.map((s) => [v.name(s.name), ...s.hubs.map((x) => v.min(x?.medianMin ?? null))]),
      },
      waits.length === 0 ? empty(v) : minuteBars(v, waits, h.servicesTitle),
    )}`;
}
