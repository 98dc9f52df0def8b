import { ApiError } from '@luukku/shared/http';
import { languageInfo } from '@luukku/shared/i18n';
import type { CheckedIn, CheckInBody, IssuedVisit, IssueVisitBody, KioskMenu, Needs, VisitorLanguage } from '@luukku/shared';
import { renderTicketLines, ticketRasterLines, type TicketAppointment } from '../ticket-raster.js';
import { newIdempotencyKey, type KioskData } from './kiosk-data.js';

export type PrintState = 'printing' | 'printed' | 'failed' | 'none';

/** How an attempt to issue ended, in the words the screen needs. */
export type IssueOutcome =
  | { kind: 'ticket'; ticket: IssuedVisit; appointment?: CheckedIn['appointment'] }
  | { kind: 'offline' }
  | { kind: 'refused'; code: string }
  | { kind: 'busy' };

/**
 * Issuing a number and printing it: the part of the kiosk that talks to the server once the
 * visitor has chosen. The request is kept with its idempotency key until it succeeds or the
 * visitor starts over, so "try again" can never make a second visit.
 */
export class IssueFlow {
  private _request: { visit: IssueVisitBody } | { checkIn: CheckInBody } | null = null;
  private _busy = false;

  constructor(private readonly data: () => KioskData | null) {}

  /** There is a request waiting to be sent again (the network failed). */
  get pending(): boolean {
    return this._request !== null;
  }

  /** A double tap issues nothing twice: the second call finds the first one's request. */
  issue(choice: { services: number[] } | { guidance: true }, language: VisitorLanguage, needs: Needs, onRetry: (n: number) => void): Promise<IssueOutcome> {
    this._request ??= { visit: { ...choice, language, needs, idempotencyKey: newIdempotencyKey() } };
    return this.send(onRetry);
  }

  /** An appointment's check-in, kept with its key like an issue: a double tap is one visit. */
  checkIn(code: string, language: VisitorLanguage, onRetry: (n: number) => void): Promise<IssueOutcome> {
    this._request ??= { checkIn: { code, language, idempotencyKey: newIdempotencyKey() } };
    return this.send(onRetry);
  }

  async send(onRetry: (n: number) => void): Promise<IssueOutcome> {
    const data = this.data();
    if (this._busy || !data || !this._request) return { kind: 'busy' };
    this._busy = true;
    try {
      const request = this._request;
      if ('checkIn' in request) {
        const { appointment, ...ticket } = await data.checkIn(request.checkIn, onRetry);
        this._request = null;
        return { kind: 'ticket', ticket, appointment };
      }
      const ticket = await data.issue(request.visit, onRetry);
      this._request = null;
      return { kind: 'ticket', ticket };
    } catch (err) {
      if (err instanceof ApiError && err.isNetwork) return { kind: 'offline' };
      // the server answered: this request will not succeed by repeating it
      this._request = null;
      return { kind: 'refused', code: err instanceof ApiError ? err.code : 'UNKNOWN' };
    } finally {
      this._busy = false;
    }
  }

  forget(): void {
    this._request = null;
  }

  get busy(): boolean {
    return this._busy;
  }

  /**
   * Prints the ticket on the kiosk's printer. The visit exists whatever the printer does; the
   * state tells the screen what to say. `browserPrint` prints the screen for a browser printer.
   */
  async print(
    ticket: IssuedVisit,
    lang: VisitorLanguage,
    appointment: TicketAppointment | null,
    menu: KioskMenu | null,
    browserPrint: () => Promise<void>,
  ): Promise<PrintState> {
    const kind = menu?.printer ?? 'none';
    if (kind === 'none') return 'none';
    if (kind === 'browser') {
      await browserPrint();
      return 'printed';
    }
    try {
      const raster = languageInfo(lang).raster ? renderTicketLines(ticketRasterLines(ticket, lang, appointment), lang) : null;
      await this.data()!.print(ticket.token, raster);
      return 'printed';
    } catch {
      return 'failed';
    }
  }
}
