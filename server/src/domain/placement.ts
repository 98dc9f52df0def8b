import type { ReferralPlacement } from '@luukku/shared';

export interface PlaceInLine {
  queueTime: number;
  priority: number;
}

/**
 * Where a referred (or next planned) step goes in its new line.
 * - keep: the visit's original arrival, so a visitor sent down the corridor at 9:40 who came
 *   at 9:00 goes before someone who came at 9:10. The default: they queued once already.
 * - back: as if they arrived now.
 * - front: ahead of everyone waiting (priority 1), in the order such referrals were made.
 */
export function placeInLine(placement: ReferralPlacement, arrivedAt: number, now: number): PlaceInLine {
  switch (placement) {
    case 'keep':
      return { queueTime: arrivedAt, priority: 0 };
    case 'back':
      return { queueTime: now, priority: 0 };
    case 'front':
      return { queueTime: now, priority: 1 };
  }
}
