import { DomainError } from '@luukku/shared';
import type { FeedbackPath } from '@luukku/db';

export interface PathStep {
  position: number;
  agencyId: number;
  isGuidance: boolean;
  /** A desk called this step: the visitor met the agency. */
  called: boolean;
}

/**
 * A visit's path as its answer keeps it: the agencies whose desks called it, sorted and in the
 * order met; referred or not; Guidance or not; and whether it began as "I don't know what I
 * need" (its first step is Guidance), whose outcome the route then tells (Guidance alone:
 * sorted there; otherwise the agency it went on to).
 */
export function feedbackPath(steps: readonly PathStep[], referrals: number): FeedbackPath {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const route: number[] = [];
  for (const s of ordered) if (s.called && route.at(-1) !== s.agencyId) route.push(s.agencyId);
  return {
    agencies: [...new Set(route)].sort((a, b) => a - b),
    route,
    referred: referrals > 0,
    guidance: ordered.some((s) => s.called && s.isGuidance),
    guidanceFirst: ordered[0]?.isGuidance ?? false,
  };
}

/**
 * Only a finished visit answers, once. A visit that ended as a no-show or was cancelled (at
 * closing, or by staff before a call) did not go through the hub's service to its end: it is
 * not asked, so the share answers for visits that were served.
 */
export function assertMayAnswer(visit: { status: string; feedbackGiven: boolean }): void {
  if (visit.feedbackGiven) throw new DomainError('FEEDBACK_ALREADY_GIVEN', 'This visit has already answered');
  if (visit.status !== 'done') throw new DomainError('VISIT_NOT_ENDED', 'The question is asked when the visit has ended');
}
