import type { VisitorLanguage } from '@luukku/shared';

/**
 * Every string of the kiosk. One catalogue file per language implements this interface, so a
 * translator works on one file and the compiler says what is missing.
 */
export interface KioskMessages {
  takeNumber: string;
  welcome: string;
  language: string;
  dontKnow: string;
  dontKnowHint: string;
  services: string;
  severalHint: string;
  selected: (n: number) => string;
  waiting: (people: number, minutes: number) => string;
  needsTitle: string;
  needInterpreter: string;
  needAccessible: string;
  needCompanion: string;
  accessibleMode: string;
  accessibleModeOff: string;
  guidedTitle: string;
  guidedHint: string;
  needsQuestion: string;
  noneOfThese: string;
  next: string;
  back: string;
  startOver: string;
  suggestionTitle: string;
  suggestionHint: string;
  guidanceSuggestion: string;
  confirmTicket: string;
  justHelpMe: string;
  issuing: string;
  ticketTitle: string;
  ticketPrinting: string;
  ticketPrintingBrowser: string;
  printFailed: string;
  noPrinter: string;
  scanQr: string;
  returningIn: (seconds: number) => string;
  moreTime: string;
  done: string;
  offlineTitle: string;
  offlineBody: string;
  retrying: string;
  tryAgain: string;
  noServicesOpen: string;
  notPaired: string;
  rateLimited: string;
  /** On a service tile served by appointment only (issue 11 §1). */
  byAppointmentOnly: string;
  /** Heading of the booking info shown instead of a ticket. */
  howToBook: string;
  noTicketHere: string;
  /** Closes the booking info. */
  gotIt: string;
  serviceClosed: string;
  genericError: string;
  /** Check-in of an appointment (issue 11 §1): the start screen's button and its screen. */
  haveAppointment: string;
  checkInTitle: string;
  checkInHint: string;
  /** The typed code's field, for screen readers. */
  codeLabel: string;
  deleteChar: string;
  checkIn: string;
  /** Checked in past the late limit: the visitor joins the line in arrival order. */
  lateNotice: string;
  codeUnknown: string;
  codeOtherDay: string;
  codeUsed: string;
  codeCancelled: string;
}

export type Catalogues = Record<VisitorLanguage, KioskMessages>;
