import { DomainError } from '@luukku/shared';

/**
 * Visits per kiosk per minute, as a sliding window in memory: enough to stop a stuck key or a
 * prankster from emptying the number range, and it forgets on restart, which is harmless.
 */
export function createKioskLimiter(
  perMinute: number,
  now: () => Date,
  message = (n: number) => `This kiosk issued ${n} numbers in the last minute; wait a moment`,
) {
  const hits = new Map<number, number[]>();
  return (deviceId: number): void => {
    if (perMinute <= 0) return;
    const t = now().getTime();
    const recent = (hits.get(deviceId) ?? []).filter((h) => t - h < 60_000);
    if (recent.length >= perMinute) {
      hits.set(deviceId, recent);
      throw new DomainError('RATE_LIMITED', message(perMinute));
    }
    recent.push(t);
    hits.set(deviceId, recent);
  };
}
