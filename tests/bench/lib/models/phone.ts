/**
 * A visitor's phone page (/v/<token>). Mirrors display-ui/src/phone/phone-data.ts
 * (VisitController): a socket with the visit token (it hears the hub's queue counts and
 * catalog changes and its own visit's news), whose snapshot is GET /api/visits/:token; then
 * a `visit` event replaces the visit and a `queues` event moves its place in line (the shared
 * `followLine`), with no request.
 */
import { followLine, type PublicVisit } from '@luukku/shared';
import { ModelApi, type ModelEnv } from './net.js';
import { connectLive, type Live } from './realtime.js';

export class PhonePage {
  visit: PublicVisit | null = null;
  private readonly api: ModelApi;
  private live: Live | null = null;
  private reloading: Promise<void> | null = null;
  private again = false;
  private closed = false;

  private constructor(
    env: ModelEnv,
    private readonly token: string,
  ) {
    this.api = new ModelApi(env, 'phone', {}, 1);
  }

  static async open(env: ModelEnv, token: string): Promise<PhonePage> {
    const p = new PhonePage(env, token);
    p.live = await connectLive(env, {
      kind: 'phone',
      auth: { visit: token },
      snapshot: async () => {
        await p.reload();
        return p.visit?.seq ?? 0;
      },
      onEvent: (e) => {
        if (!p.visit) return;
        if (e.type === 'visit') p.visit = { ...p.visit, ...e.data };
        else if (e.type === 'queues') p.visit = { ...p.visit, current: followLine(p.visit.current, e.data, Date.parse(e.at)) };
      },
    });
    return p;
  }

  private async reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.again = false;
        if (this.closed) return;
        try {
          this.visit = await this.api.request<PublicVisit>('GET', `/api/visits/${encodeURIComponent(this.token)}`);
        } catch {
          // the page shows "not found" or keeps what it had; the next event tries again
        }
      } while (this.again);
    })();
    try {
      await this.reloading;
    } finally {
      this.reloading = null;
    }
  }

  close(): void {
    this.closed = true;
    this.live?.close();
    this.api.close();
  }
}
