/**
 * A kiosk, as its network sees it. Mirrors kiosk-ui/src/data/kiosk-data.ts (KioskData) and the
 * parts of kiosk-ui/src/kiosk-app.ts that make requests: GET /api/kiosk/menu on start; a socket
 * (device token) whose snapshot is only the menu's seq; a `queues` event puts its waits in the
 * menu in place (kiosk-ui's `menuWithLines`), and loads the menu again only when a service
 * opened or closed; a `catalog` event loads it again; either only while the start screen shows
 * and nobody is choosing; every 30 s only while the socket is down (never, here); a visitor
 * who picks another language reloads the
 * menu in it; POST /api/visits for the ticket; back on the start screen (visitor done or the
 * ticket screen's timeout) the menu again, in the hub's first language. The bench's devices
 * have no printer, so no POST /api/kiosk/print (as a kiosk with printer `none`).
 */
import type { IssuedVisit, IssueVisitBody, KioskMenu, VisitorLanguage } from '@luukku/shared';
import { ApiFailure, ModelApi, type ModelEnv } from './net.js';
import { connectLive, type Live } from './realtime.js';
import { menuWithLines } from '../../../../kiosk-ui/src/data/menu-lines.js';

const defaultLanguage: VisitorLanguage = 'fi';
/** KioskData.issue: retries on network failure, always with the same idempotency key. */
const retryDelaysMs = [700, 1500, 3000, 5000];

export interface KioskVisitor {
  body: IssueVisitBody;
  /** Time at the screen before the ticket is taken, and on the ticket screen after. */
  chooseMs: number;
  ticketMs: number;
  /** Told as soon as the ticket is issued (the visitor may be called before leaving the kiosk). */
  onTicket: (ticket: IssuedVisit) => void;
}

export class KioskScreen {
  menu: KioskMenu | null = null;
  /** start: waiting for a visitor (the only screen on which a change reloads the menu). */
  screen: 'start' | 'visitor' = 'start';
  private lang: VisitorLanguage = defaultLanguage;
  private readonly api: ModelApi;
  private live: Live | null = null;
  private closed = false;

  private constructor(env: ModelEnv, token: string) {
    // a menu reload and a ticket may overlap; a browser would open a second connection
    this.api = new ModelApi(env, 'kiosk', { token }, 2, 6000);
  }

  static async open(env: ModelEnv, token: string): Promise<KioskScreen> {
    const k = new KioskScreen(env, token);
    await k.loadMenu();
    k.live = await connectLive(env, {
      kind: 'kiosk',
      auth: { token },
      snapshot: async () => k.menu?.seq ?? 0,
      onEvent: (e) => {
        const reloadWhenFree = () => {
          if (k.screen === 'start') void k.loadMenu();
        };
        if (e.type === 'catalog') reloadWhenFree();
        if (e.type !== 'queues' || !k.menu) return;
        const next = menuWithLines(k.menu, e.data.queues);
        if (next) k.menu = next;
        else reloadWhenFree();
      },
    });
    return k;
  }

  private async loadMenu(): Promise<void> {
    if (this.closed) return;
    try {
      this.menu = await this.api.request<KioskMenu>('GET', `/api/kiosk/menu?lang=${encodeURIComponent(this.lang)}`);
    } catch {
      // the kiosk shows "offline" and tries again on the next change or timer
    }
  }

  /** One visitor at this kiosk: choose (in their language), take the ticket, leave. */
  async serve(v: KioskVisitor, sleep: (ms: number) => Promise<void>): Promise<IssuedVisit | null> {
    this.screen = 'visitor';
    try {
      if (v.body.language !== this.lang) {
        this.lang = v.body.language;
        await this.loadMenu();
      }
      await sleep(v.chooseMs);
      if (this.closed) return null;
      const ticket = await this.issue(v.body, sleep);
      if (!ticket) return null;
      v.onTicket(ticket);
      await sleep(v.ticketMs);
      return ticket;
    } finally {
      // _reset: the hub's first language, the start screen, the menu
      this.lang = defaultLanguage;
      this.screen = 'start';
      void this.loadMenu();
    }
  }

  /** Null when every retry failed (the kiosk shows "offline"; the visitor gets no ticket). */
  private async issue(body: IssueVisitBody, sleep: (ms: number) => Promise<void>): Promise<IssuedVisit | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.api.request<IssuedVisit>('POST', '/api/visits', body);
      } catch (err) {
        const delay = retryDelaysMs[attempt];
        if (!(err instanceof ApiFailure) || err.code !== 'NETWORK' || delay === undefined || this.closed) return null;
        await sleep(delay);
      }
    }
  }

  close(): void {
    this.closed = true;
    this.live?.close();
    this.api.close();
  }
}
