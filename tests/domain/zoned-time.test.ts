import { describe, expect, it } from 'vitest';
import { isTimeZone, isValidWallTime, wallTimeToInstant } from '../../server/src/appointments/zoned-time.js';

const at = (s: string) => {
  const [date, time] = s.split(' ') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute, second: 0 };
};

describe('wall-clock times of an imported file', () => {
  it('reads Helsinki times in winter and summer with their own offsets', () => {
    expect(new Date(wallTimeToInstant(at('2026-11-24 10:30'), 'Europe/Helsinki')).toISOString()).toBe('2026-11-24T08:30:00.000Z');
    expect(new Date(wallTimeToInstant(at('2026-06-15 10:30'), 'Europe/Helsinki')).toISOString()).toBe('2026-06-15T07:30:00.000Z');
  });

  it('reads the hours next to a daylight-saving change on the right side of it', () => {
    // clocks go forward at 03:00 on 29 March 2026 and back at 04:00 on 25 October 2026
    expect(new Date(wallTimeToInstant(at('2026-03-29 02:30'), 'Europe/Helsinki')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(new Date(wallTimeToInstant(at('2026-03-29 04:30'), 'Europe/Helsinki')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(wallTimeToInstant(at('2026-10-25 05:00'), 'Europe/Helsinki')).toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('knows real dates and zone names from made-up ones', () => {
    expect(isValidWallTime(at('2026-11-31 10:00'))).toBe(false);
    expect(isValidWallTime(at('2026-11-30 24:00'))).toBe(false);
    expect(isValidWallTime(at('2028-02-29 10:00'))).toBe(true);
    expect(isTimeZone('Europe/Helsinki')).toBe(true);
    expect(isTimeZone('Europe/Mantsala')).toBe(false);
  });
});
