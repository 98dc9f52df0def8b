import { html, type TemplateResult } from 'lit';
import type { ArrivalsReport } from '@luukku/shared';
import { empty, figure, type ReportView } from '../report-view.js';
import '../report-heatmap.js';

/** Arrivals per weekday and hour, as a heat map; weekends only when someone came. */
export function arrivalsSection(v: ReportView, a: ArrivalsReport): TemplateResult {
  const t = v.t;
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
  return figure(
    v,
    {
      heading: t.arrivals.title,
      note: t.arrivals.note,
      csv: 'arrivals',
      wide: true,
      columns: [t.arrivals.weekday, ...hourList.map((h) => String(h).padStart(2, '0')), t.arrivals.visits],
      rows: weekdays.map((w) => [t.weekdays[w - 1]!, ...hourList.map((h) => value(w, h)), a.weekdays[w - 1]?.visits ?? 0]),
    },
    a.visits === 0
      ? empty(v)
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
