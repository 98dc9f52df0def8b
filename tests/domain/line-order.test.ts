import { describe, expect, it } from 'vitest';
import { compareLinePlaces, followLine, placeEntry, type QueueSummary, type WaitingEntry } from '@luukku/shared';
import { nextInLine } from '../../staff-ui/src/components/hub-day.js';

/** The screens' side of the line order with appointments (the server's side: tests/db/appointment-order.test.ts). */
const at = (hhmm: string) => `2026-11-24T${hhmm}:00.000Z`;
const now = Date.parse(at('08:00'));

function entry(stepId: number, priority: number, queueTime: string, appointment: string | null = null): WaitingEntry {
  return {
    stepId, visitId: stepId, number: `K${stepId}`, arrivedAt: at('07:00'), queueTime, priority, language: 'fi',
    needs: { interpreter: false, accessible: false, accompanied: false }, referredFrom: null,
    appointment: appointment === null ? null : { startsAt: appointment },
  };
}

describe('the line order on screens', () => {
  const walkIn = entry(1, 0, at('07:30'));
  const dueAppointment = entry(2, 2, at('07:50'), at('08:00'));
  const earlyAppointment = entry(3, 2, at('08:20'), at('08:30'));
  const front = entry(4, 1, at('07:55'));

  it('puts everyone due first (appointments, then front referrals, then walk-ins), and an early appointment after them', () => {
    const sorted = [walkIn, earlyAppointment, front, dueAppointment].sort((a, b) => compareLinePlaces(a, b, now));
    expect(sorted.map((e) => e.stepId)).toEqual([2, 4, 1, 3]);
    // at 08:20 the early appointment is due too, and goes first of all but the earlier appointment
    const later = [walkIn, earlyAppointment, front, dueAppointment].sort((a, b) => compareLinePlaces(a, b, Date.parse(at('08:20'))));
    expect(later.map((e) => e.stepId)).toEqual([2, 3, 4, 1]);
  });

  it('places an early appointment from an event behind the walk-ins who are due', () => {
    expect(placeEntry([dueAppointment, walkIn], 3, earlyAppointment, now).map((e) => e.stepId)).toEqual([2, 1, 3]);
  });

  it("shows as next at a desk the visitor the server would call at the console's clock", () => {
    const line = { serviceId: 9, entries: [walkIn, earlyAppointment] } as unknown as QueueSummary;
    expect(nextInLine([line], [9], undefined, now)?.stepId).toBe(1);
    // no event came, but the appointment's time did
    expect(nextInLine([line], [9], undefined, Date.parse(at('08:21')))?.stepId).toBe(3);
  });

  it("does not count an early appointment that joins as ahead of a phone page's walk-in", () => {
    const current = {
      serviceId: 9, label: { fi: 'Kela' }, status: 'waiting' as const, desk: null, peopleAhead: 0, estimateMin: 0,
      place: { stepId: 1, priority: 0, queueTime: at('07:30') },
    };
    const line = { serviceId: 9, agencyId: 1, openNow: true, waiting: 2, openDesks: 1, estimateMin: 0, typicalMin: 10, oldestAt: null, longestWaitMin: 0, appointmentsDue: [at('08:20')] };
    const moved = followLine(current, { queues: [line], moves: [{ serviceId: 9, stepId: 3, priority: 2, queueTime: at('08:20'), delta: 1 }] }, now);
    expect(moved).toEqual(expect.objectContaining({ peopleAhead: 0, estimateMin: 0 }));
    const due = followLine(current, { queues: [line], moves: [{ serviceId: 9, stepId: 2, priority: 2, queueTime: at('07:50'), delta: 1 }] }, now);
    expect(due).toEqual(expect.objectContaining({ peopleAhead: 1, estimateMin: 10 }));
  });
});
