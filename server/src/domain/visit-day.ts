import { DomainError, localMoment } from '@luukku/shared';

/**
 * A visit belongs to its local day: numbering restarts at midnight and an unfinished visit is
 * closed then. Its phone link ends with it, so a photographed ticket or a forwarded link does
 * not keep telling anyone about the visit for the months the record is kept.
 */
export function visitExpired(visit: { day: string }, now: Date, timeZone: string): boolean {
  return visit.day < localMoment(now, timeZone).date;
}

/** Refuses a visit of an earlier day; the language lets the phone page say so in the visitor's words. */
export function assertVisitCurrent(visit: { day: string; language: string }, now: Date, timeZone: string): void {
  if (visitExpired(visit, now, timeZone)) {
    throw new DomainError('VISIT_EXPIRED', 'This queue number was for an earlier day and has ended', { language: visit.language });
  }
}
