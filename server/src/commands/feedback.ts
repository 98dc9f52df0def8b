import { DomainError, type FeedbackAnswer } from '@luukku/shared';
import type { VisitRecord } from '@luukku/db';
import type { CommandContext } from './context.js';
import { assertMayAnswer, feedbackPath } from '../domain/feedback.js';

/**
 * Counts one answer to "did you get your matter sorted today?". With a visit (the phone page,
 * or a tablet given the ticket) the answer keeps the visit's path and the visit is marked as
 * having answered, in one transaction, so two answers at once count once. The answer is
 * stored without the visit: only its hub, day and path.
 */
export function giveFeedback(
  ctx: CommandContext,
  input: { hubId: number; answer: FeedbackAnswer; source: 'phone' | 'tablet'; visit: VisitRecord | null; day: string },
): { withPath: boolean } {
  const { q } = ctx;
  return q.transaction(() => {
    let path = null;
    if (input.visit) {
      const visit = q.visit(input.visit.id)!;
      assertMayAnswer(visit);
      if (!q.markFeedbackGiven(visit.id)) throw new DomainError('FEEDBACK_ALREADY_GIVEN', 'This visit has already answered');
      path = feedbackPath(q.feedbackPathSteps(visit.id), q.visitReferrals(visit.id));
    }
    // the visit's own day when there is one: a visit is the day's, even if answered after midnight
    q.addFeedback({ hubId: input.hubId, day: input.visit?.day ?? input.day, answer: input.answer, source: input.source, path });
    return { withPath: path !== null };
  });
}
