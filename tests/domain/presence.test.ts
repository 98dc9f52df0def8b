import { describe, expect, it } from 'vitest';
import { mergeHours, nextVisit } from '../../server/src/domain/presence.js';

const tue = (from: string, to: string) => ({ weekly: { tue: [{ from, to }] }, dates: [], closed: [] as string[] });

describe("an absent agency's next day in the hub", () => {
  it("joins its services' overlapping hours that day into the agency's hours", () => {
    expect(nextVisit([tue('09:00', '12:00'), tue('11:00', '14:00'), tue('15:00', '16:00')], '2026-11-25')).toEqual({
      date: '2026-12-01', weekday: 'tue', hours: [{ from: '09:00', to: '14:00' }, { from: '15:00', to: '16:00' }],
    });
    expect(mergeHours([{ from: '12:00', to: '13:00' }, { from: '09:00', to: '12:00' }])).toEqual([{ from: '09:00', to: '13:00' }]);
  });

  it('skips a closed date, takes a one-off date, and looks 60 days ahead at most', () => {
    expect(nextVisit([{ ...tue('09:00', '12:00'), closed: ['2026-12-01'] }], '2026-11-25')?.date).toBe('2026-12-08');
    const once = (date: string) => ({ weekly: {}, dates: [{ date, hours: [{ from: '10:00', to: '11:00' }] }], closed: [] });
    expect(nextVisit([once('2026-11-28')], '2026-11-25')).toEqual({ date: '2026-11-28', weekday: 'sat', hours: [{ from: '10:00', to: '11:00' }] });
    expect(nextVisit([once('2027-01-24')], '2026-11-25')?.date).toBe('2027-01-24');
    expect(nextVisit([once('2027-01-25')], '2026-11-25')).toBeNull();
  });

  it('crosses the end of the year', () => {
    expect(nextVisit([{ weekly: { mon: [{ from: '08:00', to: '10:00' }] }, dates: [], closed: [] }], '2026-12-29')?.date).toBe('2027-01-04');
  });
});
