import { dayOffsets, weekdayCounts } from '@luukku/shared';
import type { Queries } from '@luukku/db';
import type { ReportSection } from './section.js';

const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Visits by weekday and local hour (the heat map), and how many of each weekday the period has. */
export const arrivals: ReportSection<'arrivals', ReturnType<Queries['reportArrivals']>> = {
  read: (q, { scope, period, hub }) => q.reportArrivals(scope, dayOffsets(period, hub.timeZone)),
  view: (cells, { meta, period }) => ({
    meta,
    visits: cells.reduce((n, c) => n + c.visits, 0),
    cells,
    weekdays: weekdayCounts(period).map((count, i) => ({
      weekday: i + 1,
      days: count,
      visits: cells.filter((c) => c.weekday === i + 1).reduce((n, c) => n + c.visits, 0),
    })),
  }),
  table: (r) => [
    ['hour', ...weekdayKeys, 'total'],
    ...Array.from({ length: 24 }, (_, hour) => {
      const row = weekdayKeys.map((_, i) => r.cells.find((c) => c.hour === hour && c.weekday === i + 1)?.visits ?? 0);
      return [hour, ...row, row.reduce((a, b) => a + b, 0)];
    }),
  ],
};
