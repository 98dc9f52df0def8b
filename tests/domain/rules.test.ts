import { describe, expect, it } from 'vitest';
import { isOpenAt, localMoment, Schedule } from '@luukku/shared';
import { estimateWaitMinutes, typicalServiceMinutes } from '../../shared/src/estimates.js';
import { formatNumber } from '../../server/src/domain/numbering.js';
import { placeInLine } from '../../server/src/domain/placement.js';
import { mayReadNote, mayServe } from '../../server/src/domain/access.js';

const tz = 'Europe/Helsinki';

describe('numbers', () => {
  it('pads to three digits and grows past 999 instead of repeating', () => {
    expect(formatNumber('K', 1)).toBe('K001');
    expect(formatNumber('A', 23)).toBe('A023');
    expect(formatNumber('K', 999)).toBe('K999');
    expect(formatNumber('K', 1000)).toBe('K1000');
  });
});

describe('the local day', () => {
  it('changes at midnight in Helsinki, not at midnight UTC', () => {
    expect(localMoment(new Date('2026-11-24T21:59:00Z'), tz).date).toBe('2026-11-24');
    expect(localMoment(new Date('2026-11-24T22:00:00Z'), tz).date).toBe('2026-11-25');
    // summer time: UTC+3
    expect(localMoment(new Date('2026-06-30T20:59:00Z'), tz).date).toBe('2026-06-30');
    expect(localMoment(new Date('2026-06-30T21:00:00Z'), tz).date).toBe('2026-07-01');
  });
});

describe('opening hours', () => {
  const popup = Schedule.parse({ weekly: { tue: [{ from: '09:00', to: '15:00' }] }, closed: ['2026-12-22'], dates: [{ date: '2026-12-19', hours: [{ from: '10:00', to: '12:00' }] }] });
  it('opens a Tuesday pop-up on Tuesdays only, within its hours', () => {
    expect(isOpenAt(popup, new Date('2026-11-24T10:00:00+02:00'), tz)).toBe(true);
    expect(isOpenAt(popup, new Date('2026-11-24T15:00:00+02:00'), tz)).toBe(false);
    expect(isOpenAt(popup, new Date('2026-11-25T10:00:00+02:00'), tz)).toBe(false);
  });
  it('honours closed days and one-off extra days', () => {
    expect(isOpenAt(popup, new Date('2026-12-22T10:00:00+02:00'), tz)).toBe(false);
    expect(isOpenAt(popup, new Date('2026-12-19T11:00:00+02:00'), tz)).toBe(true);
  });
  it('treats 24:00 as the end of the day', () => {
    const allDay = Schedule.parse({ weekly: { wed: [{ from: '00:00', to: '24:00' }] } });
    expect(isOpenAt(allDay, new Date('2026-11-25T23:59:30+02:00'), tz)).toBe(true);
  });
  it('refuses hours that end before they start', () => {
    expect(Schedule.safeParse({ weekly: { mon: [{ from: '15:00', to: '09:00' }] } }).success).toBe(false);
  });
});

describe('place in line after a referral', () => {
  const arrived = Date.parse('2026-11-24T09:00:00+02:00');
  const now = Date.parse('2026-11-24T09:40:00+02:00');
  it('keeps the original arrival by default', () => {
    expect(placeInLine('keep', arrived, now)).toEqual({ queueTime: arrived, priority: 0 });
  });
  it('goes to the back or to the front when the hub says so', () => {
    expect(placeInLine('back', arrived, now)).toEqual({ queueTime: now, priority: 0 });
    expect(placeInLine('front', arrived, now)).toEqual({ queueTime: now, priority: 1 });
  });
});

describe('estimates', () => {
  it('uses the median of recent service times, not the mean', () => {
    const min = 60_000;
    expect(typicalServiceMinutes([5 * min, 6 * min, 7 * min, 60 * min], 10)).toBe(6.5);
  });
  it('falls back to the service default with too little history', () => {
    expect(typicalServiceMinutes([3 * 60_000], 12)).toBe(12);
  });
  it('shares the line between open desks and never promises zero to someone waiting behind others', () => {
    expect(estimateWaitMinutes(0, 10, 2)).toBe(0);
    expect(estimateWaitMinutes(4, 10, 2)).toBe(20);
    expect(estimateWaitMinutes(3, 10, 0)).toBe(30);
    expect(estimateWaitMinutes(1, 0.5, 3)).toBe(1);
  });
});

describe('who may do what', () => {
  const kela = { id: 10, role: 'staff' as const, agencyIds: [2] };
  const service = (id: number, agencyId: number, isGuidance = false) => ({ id, agencyId, isGuidance });
  it('lets staff serve their own agency and Guidance, not another agency', () => {
    expect(mayServe(kela, { agencyId: 2, isGuidance: false })).toBe(true);
    expect(mayServe(kela, { agencyId: 1, isGuidance: true })).toBe(true);
    expect(mayServe(kela, { agencyId: 5, isGuidance: false })).toBe(false);
    expect(mayServe({ id: 1, role: 'admin', agencyIds: [] }, { agencyId: 5, isGuidance: false })).toBe(true);
  });
  it('shows a note to its addressee agency and its writer only; an admin only while holding a step of that agency', () => {
    const note = { forAgencyId: 4, byUserId: 10 };
    const steps = [{ status: 'called' as const, userId: 1, service: service(7, 4) }];
    expect(mayReadNote(kela, note, [])).toBe(true);
    expect(mayReadNote({ id: 11, role: 'staff', agencyIds: [4] }, note, [])).toBe(true);
    expect(mayReadNote({ id: 12, role: 'staff', agencyIds: [6] }, note, [])).toBe(false);
    expect(mayReadNote({ id: 13, role: 'guide', agencyIds: [1] }, note, [])).toBe(false);
    expect(mayReadNote({ id: 2, role: 'admin', agencyIds: [] }, note, steps)).toBe(false);
    expect(mayReadNote({ id: 1, role: 'admin', agencyIds: [] }, note, steps)).toBe(true);
  });
});
