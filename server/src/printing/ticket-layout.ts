import { PNG } from 'pngjs';
import { languageInfo, ticketWords } from '@luukku/shared';
import { fitsPc858, toPc858Text } from './cp858.js';
import { paperDots } from './paper-geometry.js';
import { PrintError, type TicketModel } from './ticket-model.js';

/** The number is printed four times the normal width and height: readable at arm's length. */
export const numberScale = 4;
/** 6-dot QR modules: about 25 mm for a phone URL, easy for any phone camera. */
export const qrCellDots = 6;

/** One piece of the ticket, top to bottom; every piece is centred on the paper. */
export type TicketBlock =
  /** A line of text, already in the characters PC858 prints; scale multiplies width and height. */
  | { kind: 'text'; text: string; bold: boolean; scale: number }
  /** An empty line. */
  | { kind: 'blank' }
  /** The kiosk's picture of the visitor-language lines, checked to be a PNG that fits the paper. */
  | { kind: 'image'; png: Buffer; image: PNG }
  | { kind: 'qr'; data: string };

/**
 * What a ticket prints, in order. The printer bytes (escpos-ticket.ts) and the preview
 * (preview.ts) are both made from this list, so the preview cannot show a ticket the printer
 * would not print. Languages no printer code page can show (Arabic, Persian, Cyrillic) get their
 * words in English, and the kiosk's picture of the visitor-language lines as an image.
 */
export function ticketLayout(ticket: TicketModel): TicketBlock[] {
  const info = languageInfo(ticket.language);
  const words = info.raster ? ticketWords.en : ticketWords[info.code];
  // Every text goes through toPc858Text: a character outside PC858 would make the printer
  // library switch the printer to another code page, silently, for the rest of the ticket.
  const text = (t: string, bold = false, scale = 1): TicketBlock => ({ kind: 'text', text: toPc858Text(t), bold, scale });
  const blank: TicketBlock = { kind: 'blank' };

  const blocks: TicketBlock[] = [text(ticket.hubName, true), blank, text(words.queueNumber), text(ticket.number, true, numberScale), blank];
  // right under the number: the time is what the visitor with an appointment looks for
  if (ticket.appointment) {
    blocks.push(text(words.appointmentAt(ticket.appointment.time), true));
    if (ticket.appointment.late) blocks.push(text(words.lateJoined));
  }
  // a label in the visitor's script is in the image; "???" on paper helps nobody
  for (const label of ticket.services) if (!(info.raster && !fitsPc858(label))) blocks.push(text(label));
  blocks.push(
    blank,
    text(ticket.issuedAt),
    text(`${words.peopleAhead}: ${ticket.peopleAhead}`),
    text(`${words.estimatedWait}: ${words.minutes(ticket.estimateMin)}`),
  );
  if (info.raster && ticket.raster) blocks.push(blank, { kind: 'image', png: ticket.raster, image: readImage(ticket.raster) });
  blocks.push(blank, { kind: 'qr', data: qrText(ticket.phoneUrl) }, blank, text(words.followOnPhone));
  return blocks;
}

/** The printer library counts the QR data in UTF-16 units and sends it as UTF-8: keep it ASCII. */
function qrText(url: string): string {
  return /^[\x20-\x7e]*$/.test(url) ? url : encodeURI(url);
}

function readImage(raster: Buffer): PNG {
  let png: PNG;
  try {
    png = PNG.sync.read(raster);
  } catch (err) {
    throw new PrintError(`The ticket's text image is not a readable PNG (${(err as Error).message})`);
  }
  if (png.width > paperDots) {
    throw new PrintError(`The ticket's text image is ${png.width} dots wide; the paper takes ${paperDots}`);
  }
  return png;
}

/**
 * Whether a pixel of the image prints black: node-thermal-printer's rule (Epson driver's
 * printImageBuffer), so that the preview shows the dots the printer gets.
 */
export function imageDotIsBlack(png: PNG, x: number, y: number): boolean {
  const i = (y * png.width + x) * 4;
  const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
  return a > 126 && Math.trunc(0.2126 * r + 0.7152 * g + 0.0722 * b) < 128;
}
