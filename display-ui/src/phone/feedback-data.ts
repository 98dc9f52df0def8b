import { ApiError, createApi } from '@luukku/shared/http';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedbackAnswer } from '@luukku/shared';

export type FeedbackState = 'asking' | 'sending' | 'thanks' | 'failed';

/**
 * The phone page's answer to the end-of-visit question: sent once; an answer the server
 * already has (another tab, a double tap) is thanked for like a new one.
 */
export class FeedbackController implements ReactiveController {
  state: FeedbackState = 'asking';
  private _api = createApi({ timeoutMs: 8000 });

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  async answer(token: string, answer: FeedbackAnswer): Promise<void> {
    if (this.state === 'sending' || this.state === 'thanks') return;
    this._set('sending');
    try {
      await this._api.request('POST', `/api/visits/${encodeURIComponent(token)}/feedback`, { answer });
      this._set('thanks');
    } catch (err) {
      this._set(err instanceof ApiError && err.code === 'FEEDBACK_ALREADY_GIVEN' ? 'thanks' : 'failed');
    }
  }

  private _set(state: FeedbackState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
