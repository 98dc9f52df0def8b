import { languageInfo, pickText, ticketWords } from '@luukku/shared/i18n';
import type { IssuedVisit, VisitorLanguage } from '@luukku/shared';

/** A checked-in appointment's time (HH:MM) and whether it came past the late limit. */
export interface TicketAppointment {
  time: string;
  late: boolean;
}

/**
 * The ticket's lines for scripts the printer's code page lacks, drawn as an image: the same
 * lines, in the same order, as the printer's text lines (server/src/printing/ticket-layout.ts).
 */
export function ticketRasterLines(ticket: IssuedVisit, lang: VisitorLanguage, appointment: TicketAppointment | null): string[] {
  const w = ticketWords[lang];
  return [
    `${w.queueNumber}: ${ticket.number}`,
    ...(appointment ? [w.appointmentAt(appointment.time), ...(appointment.late ? [w.lateJoined] : [])] : []),
    ...ticket.steps.map((s) => pickText(s.label, lang)),
    `${w.peopleAhead}: ${ticket.current?.peopleAhead ?? 0}`,
    `${w.estimatedWait}: ${w.minutes(ticket.current?.estimateMin ?? 0)}`,
    w.followOnPhone,
  ];
}

/**
 * Draws the visitor-language lines of the ticket as a black-on-white PNG, 576 dots wide (80 mm
 * paper), for scripts thermal printers have no code page for. The browser shapes Arabic and
 * Persian right to left correctly, which a printer's font cannot.
 */
export function renderTicketLines(lines: readonly string[], lang: string): string | null {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const width = 576;
  const lineHeight = 40;
  canvas.width = width;
  canvas.height = lines.length * lineHeight + 16;
  const rtl = languageInfo(lang).dir === 'rtl';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = '28px "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, width / 2, 8 + i * lineHeight, width - 16));
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
