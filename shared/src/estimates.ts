/**
 * People ahead and minutes of wait. The service time is the median of the recent finished
 * steps of that service (robust against one long case), or the service's default when there
 * is too little history. Open desks share the line; a closed line is estimated as if one desk
 * served it, so the kiosk never shows "0 minutes" for a line nobody is working.
 */
export const recentSampleSize = 20;
const minSamples = 3;

export function typicalServiceMinutes(durationsMs: readonly number[], defaultMin: number): number {
  const usable = durationsMs.filter((d) => d > 0);
  if (usable.length < minSamples) return defaultMin;
  const sorted = [...usable].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return median / 60_000;
}

export function estimateWaitMinutes(peopleAhead: number, serviceMinutes: number, openDesks: number): number {
  if (peopleAhead <= 0) return 0;
  return Math.ceil((peopleAhead * serviceMinutes) / Math.max(1, openDesks));
}

/**
 * The wait of someone with `peopleAhead` before them, counting also the appointments that come
 * due (at `dueTimes`, ms) before their turn: an appointment due before the estimated call goes
 * ahead, which pushes the call later, which may let the next appointment in too.
 */
export function estimateWithAppointments(
  peopleAhead: number,
  serviceMinutes: number,
  openDesks: number,
  now: number,
  dueTimes: readonly number[],
): number {
  const due = [...dueTimes].sort((a, b) => a - b);
  let counted = 0;
  let estimate = estimateWaitMinutes(peopleAhead, serviceMinutes, openDesks);
  while (counted < due.length && due[counted]! <= now + estimate * 60_000) {
    counted++;
    estimate = estimateWaitMinutes(peopleAhead + counted, serviceMinutes, openDesks);
  }
  return estimate;
}
