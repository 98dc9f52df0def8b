import type { VisitorLanguage } from '@luukku/shared';

/** Everything a printed ticket shows, already in the visitor's language. */
export interface TicketModel {
  hubName: string;
  number: string;
  /** Neutral public labels of the visit's services, in order. */
  services: string[];
  /** e.g. "24.11.2026 10:05", local time of the hub. */
  issuedAt: string;
  peopleAhead: number;
  estimateMin: number;
  /** The phone page, for the QR code. */
  phoneUrl: string;
  language: VisitorLanguage;
  /**
   * A checked-in appointment's start (HH:MM on the hub's clock), and whether it checked in past
   * the late limit and so joined the line at its check-in time; null for a walk-in.
   */
  appointment: { time: string; late: boolean } | null;
  /**
   * The visitor-language lines as a 1-bit-ready PNG, for scripts the printer has no code page
   * for (Cyrillic, Arabic, Persian). The kiosk renders it with the browser's text shaping.
   */
  raster: Buffer | null;
}

export class PrintError extends Error {
  override readonly name = 'PrintError';
}
