import { createApi, ApiError } from '@luukku/shared/http';
import { connectRealtime, type ConnectionState } from '@luukku/shared/realtime';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PublicVisit } from '@luukku/shared';

/** The visit's token is the last part of /v/<token>. */
export function tokenFromPath(path = location.pathname): string {
  return decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '');
}

/**
 * Keeps the phone page's visit fresh: loads it, then reloads it whenever the socket says the
 * visit or the lines changed. Set up on connect, torn down on disconnect.
 */
export class VisitController implements ReactiveController {
  visit: PublicVisit | null = null;
  state: ConnectionState = 'connecting';
  notFound = false;
  private _api = createApi();
  private _rt: ReturnType<typeof connectRealtime> | null = null;
  private _reloading: Promise<void> | null = null;
  private _again = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly token: string,
    private readonly onCalled: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._rt = connectRealtime({
      auth: { visit: this.token },
      snapshot: async () => {
        await this._reload();
        return this.visit?.seq ?? 0;
      },
      onEvent: () => void this._reload(),
      onState: (s) => {
        this.state = s;
        this.host.requestUpdate();
      },
    });
  }

  hostDisconnected(): void {
    this._rt?.close();
    this._rt = null;
  }

  /** One reload at a time; events during a reload cause one more, not one each. */
  private async _reload(): Promise<void> {
    if (this._reloading) {
      this._again = true;
      return this._reloading;
    }
    this._reloading = (async () => {
      do {
        this._again = false;
        try {
          const before = this.visit?.current?.status;
          this.visit = await this._api.visit(this.token);
          if (this.visit.current?.status === 'called' && before !== 'called') this.onCalled();
        } catch (err) {
          if (err instanceof ApiError && (err.code === 'VISIT_NOT_FOUND' || err.code === 'VALIDATION_FAILED')) this.notFound = true;
        }
        this.host.requestUpdate();
      } while (this._again);
    })();
    try {
      await this._reloading;
    } finally {
      this._reloading = null;
    }
  }
}
