import { html, type TemplateResult } from 'lit';
import type { GuidanceReport } from '@luukku/shared';
import type { BarRow } from '../report-bars.js';
import type { TableCell } from '../report-figure.js';
import { empty, figure, type ReportView } from '../report-view.js';
import '../report-bars.js';

/** Where the "I don't know" visitors went after Guidance. */
export function guidanceSection(v: ReportView, g: GuidanceReport): TemplateResult {
  const t = v.t;
  const rows: BarRow[] = [
    ...g.destinations.map((x) => ({
      label: t.guidance.sentTo(v.name(x.name)),
      value: x.visits,
      color: v.agencyColor(x.agencyId),
      text: `${v.num(x.visits)} (${t.guidance.served.toLowerCase()} ${v.num(x.served)})`,
    })),
    { label: t.guidance.resolved, value: g.resolvedAtGuidance, text: v.num(g.resolvedAtGuidance) },
    { label: t.guidance.noShow, value: g.noShows, text: v.num(g.noShows) },
    { label: t.guidance.other, value: g.other, text: v.num(g.other) },
  ];
  return figure(
    v,
    {
      heading: t.guidance.title,
      note: t.guidance.note,
      csv: 'guidance',
      columns: [t.guidance.outcome, t.guidance.visits, t.guidance.served],
      rows: [
        ...g.destinations.map((x): TableCell[] => [t.guidance.sentTo(v.name(x.name)), x.visits, x.served]),
        [t.guidance.resolved, g.resolvedAtGuidance, null],
        [t.guidance.noShow, g.noShows, null],
        [t.guidance.other, g.other, null],
      ],
    },
    g.visits === 0 ? empty(v) : html`<report-bars .rows=${rows} .locale=${t.locale} .label=${t.guidance.summary(g.visits, g.sentOn)}></report-bars>`,
  );
}
