import { createApi, ApiError } from '@luukku/shared/http';
import { connectRealtime, type ConnectionState } from '@luukku/shared/realtime';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HubEvent, PublicVisit, VisitorLanguage } from '@luukku/shared';
import { followLine } from '@luukku/shared/lines';
import { ticketWords } from '@luukku/shared/i18n';

/** The visit's token is the last part of /v/<token>. */
export function tokenFromPath(path = location.pathname): string {
  return decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '');
}

/**
 * Keeps the phone page's visit fresh: loads it once, then follows the socket. A `visit` event
 * carries the whole visit as the page shows it; a `queues` event says who joined or left the
 * lines, from which the page counts the people ahead of it. It loads again only when the
 * server cannot replay what it missed. Set up on connect, torn down on disconnect.
 */
export class VisitController implements ReactiveController {
  visit: PublicVisit | null = null;
  state: ConnectionState = 'connecting';
  notFound = false;
  /** Set when the number was for an earlier day: the visit's language, to say so in it. */
  expired: VisitorLanguage | null = null;
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
      onEvent: (e) => this._apply(e),
      onState: (s) => {
        this.state = s;
        this.host.requestUpdate();
      },
    });
    // the server refuses the socket of an earlier day's visit; the HTTP answer says so in words
    this._rt.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (err.data?.code === 'VISIT_EXPIRED') void this._reload();
    });
  }

  hostDisconnected(): void {
    this._rt?.close();
    this._rt = null;
  }

  private _apply(e: HubEvent): void {
    const visit = this.visit;
    if (!visit) return;
    if (e.type === 'visit' && e.data.expired) {
      this._expire({ language: e.data.language });
    } else if (e.type === 'visit') {
      const before = visit.current?.status;
      this.visit = { ...visit, ...e.data };
      if (e.data.current?.status === 'called' && before !== 'called') this.onCalled();
    } else if (e.type === 'queues') {
      this.visit = { ...visit, current: followLine(visit.current, e.data, Date.parse(e.at)) };
    } else return;
    this.host.requestUpdate();
  }

  /** The number has ended: stop listening, and remember the language to say so in. */
  private _expire(details: unknown): void {
    const language = (details as { language?: string } | undefined)?.language;
    this.expired = language !== undefined && Object.hasOwn(ticketWords, language) ? (language as VisitorLanguage) : 'en';
    this.visit = null;
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
          if (err instanceof ApiError && err.code === 'VISIT_EXPIRED') this._expire(err.details);
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
