import { ApiError, createApi, type Api } from '@luukku/shared/http';
import { connectRealtime } from '@luukku/shared/realtime';
import { deviceToken } from './device-token.js';
import type { CheckedIn, CheckInBody, IssuedVisit, IssueVisitBody, KioskMenu, PrintResult, QueueLine, VisitorLanguage } from '@luukku/shared';

/** Random enough for an idempotency key, and available on plain-http LAN pages too. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'k-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const kioskToken = deviceToken('luukku.kiosk.device');
export const deviceTokenFromPage = kioskToken.fromPage;
export const rememberToken = kioskToken.remember;
export const forgetToken = kioskToken.forget;

const retryDelaysMs = [700, 1500, 3000, 5000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The kiosk's only door to the server. Components never fetch; the app asks this. */
export class KioskData {
  readonly api: Api;
  private live: ReturnType<typeof connectRealtime> | null = null;
  constructor(private readonly token: string) {
    this.api = createApi({ token, timeoutMs: 6000 });
  }

  /**
   * Follows the hub: a `queues` event carries every line's waits, which the kiosk shows in
   * place (`onLines`); a change to the hub's setup (a pop-up service opens, a question is
   * edited) means loading the menu again (`onCatalog`). `seq` is the menu's, where events take over.
   */
  watch(handlers: { onLines: (lines: QueueLine[]) => void; onCatalog: () => void; onState?: (online: boolean) => void }, seq: () => number): void {
    this.live?.close();
    this.live = connectRealtime({
      auth: { token: this.token },
      snapshot: async () => seq(),
      onEvent: (e) => {
        if (e.type === 'queues') handlers.onLines(e.data.queues);
        else if (e.type === 'catalog') handlers.onCatalog();
      },
      onState: (s) => handlers.onState?.(s === 'online'),
    });
  }

  close(): void {
    this.live?.close();
    this.live = null;
  }

  menu(lang: VisitorLanguage): Promise<KioskMenu> {
    return this.api.kioskMenu(lang);
  }

  /**
   * Issues with retries on network failure, always with the same idempotency key: however
   * many times the request reaches the server, there is one visit.
   */
  issue(body: IssueVisitBody, onRetry: (attempt: number) => void): Promise<IssuedVisit> {
    return this.retried(() => this.api.issueVisit(body), onRetry);
  }

  /** Checks an appointment in, retried like an issue: the idempotency key makes it one visit. */
  checkIn(body: CheckInBody, onRetry: (attempt: number) => void): Promise<CheckedIn> {
    return this.retried(() => this.api.checkIn(body), onRetry);
  }

  private async retried<T>(send: () => Promise<T>, onRetry: (attempt: number) => void): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (err) {
        const delay = retryDelaysMs[attempt];
        if (!(err instanceof ApiError) || !err.isNetwork || delay === undefined) throw err;
        onRetry(attempt + 1);
        await sleep(delay);
      }
    }
  }

  print(token: string, raster: string | null): Promise<PrintResult> {
    return this.api.printTicket(raster ? { token, raster } : { token });
  }
}
