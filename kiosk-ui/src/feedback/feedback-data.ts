import { ApiError, createApi, type Api } from '@luukku/shared/http';
import type { FeedbackAnswer, FeedbackSetup } from '@luukku/shared';
import { deviceToken } from '../data/device-token.js';

/** The tablet's device token, kept like the kiosk's under its own key. */
const tabletToken = deviceToken('luukku.feedback.device');
export const feedbackTokenFromPage = tabletToken.fromPage;
export const rememberFeedbackToken = tabletToken.remember;
export const forgetFeedbackToken = tabletToken.forget;

/** How an answer ended: counted (with the ticket's path or without), the ticket had answered, or not sent. */
export type SendOutcome = 'counted' | 'already' | 'failed';

/** The tablet's only door to the server. */
export class FeedbackData {
  private readonly api: Api;
  constructor(token: string) {
    this.api = createApi({ token, timeoutMs: 8000 });
  }

  setup(): Promise<FeedbackSetup> {
    return this.api.request<FeedbackSetup>('GET', '/api/feedback/setup');
  }

  /**
   * Sends an answer. A scanned ticket the server cannot place (not this hub's, not ended, an
   * earlier day's) does not lose the answer: it counts without a path. A ticket whose visit has
   * answered already is not counted twice.
   */
  async send(answer: FeedbackAnswer, ticket: string | null): Promise<SendOutcome> {
    try {
      await this.api.request('POST', '/api/feedback', ticket ? { answer, ticket } : { answer });
      return 'counted';
    } catch (err) {
      if (!(err instanceof ApiError)) return 'failed';
      if (err.code === 'FEEDBACK_ALREADY_GIVEN') return 'already';
      // a child tapping on: thanked like anyone, the server just did not count it
      if (err.code === 'RATE_LIMITED') return 'counted';
      if (ticket && ['VISIT_NOT_FOUND', 'VISIT_NOT_ENDED', 'VISIT_EXPIRED', 'VALIDATION_FAILED'].includes(err.code)) return this.send(answer, null);
      return 'failed';
    }
  }

  static isUnauthorised(err: unknown): boolean {
    return err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN');
  }
}
