import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PNG } from 'pngjs';
import { languageInfo, ticketWords } from '@luukku/shared';
import { fitsPc858, toPc858Text } from './cp858.js';
import { paperColumns, paperDots } from './paper-geometry.js';
import { PrintError, type TicketModel } from './ticket-model.js';

/** The number is printed four times the normal width and height: readable at arm's length. */
const numberScale = 4;
/** 6-dot QR modules: about 25 mm for a phone URL, easy for any phone camera. */
const qrCellDots = 6;

const ESC_INIT = Buffer.from([0x1b, 0x40]);

/**
 * The ESC/POS bytes of a ticket for an Epson-compatible printer, in code page PC858.
 * Languages no printer code page can show (Arabic, Persian, Cyrillic) get their words in
 * English, and the kiosk's picture of the visitor-language lines (ticket.raster) as a raster
 * image.
 */
export function ticketBytes(ticket: TicketModel): Buffer {
  const info = languageInfo(ticket.language);
  const words = info.raster ? ticketWords.en : ticketWords[info.code];
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // never connected: printTicket sends the bytes itself (see tcp-printer.ts)
    interface: 'tcp://127.0.0.1',
    characterSet: CharacterSet.PC858_EURO,
    removeSpecialCharacters: false,
    width: paperColumns,
  });
  // Every text goes through toPc858Text: a character outside PC858 would make the library
  // switch the printer to another code page, silently, for the rest of the ticket.
  const line = (text: string) => printer.println(toPc858Text(text));

  printer.clear();
  // Reset whatever an interrupted earlier job left (a size, bold); the reset also forgets the
  // code page, so it is selected again after it.
  printer.add(ESC_INIT);
  printer.setCharacterSet(CharacterSet.PC858_EURO);
  printer.alignCenter();

  printer.bold(true);
  line(ticket.hubName);
  printer.bold(false);
  printer.newLine();
  line(words.queueNumber);
  // setTextSize(height, width) puts its first argument in GS !'s high nibble, which printers
  // read as the width: equal factors keep that mix-up harmless
  printer.setTextSize(numberScale - 1, numberScale - 1);
  printer.bold(true);
  line(ticket.number);
  printer.bold(false);
  printer.setTextSize(0, 0);
  printer.newLine();

  for (const label of ticket.services) {
    // a label in the visitor's script is in the raster image; "???" on paper helps nobody
    if (info.raster && !fitsPc858(label)) continue;
    line(label);
  }
  printer.newLine();
  line(ticket.issuedAt);
  line(`${words.peopleAhead}: ${ticket.peopleAhead}`);
  line(`${words.estimatedWait}: ${words.minutes(ticket.estimateMin)}`);

  if (info.raster && ticket.raster) {
    printer.newLine();
    addRaster(printer, ticket.raster);
  }

  printer.newLine();
  printer.printQR(qrText(ticket.phoneUrl), { cellSize: qrCellDots, correction: 'M', model: 2 });
  printer.newLine();
  line(words.followOnPhone);
  // feeds past the cutter, cuts, and resets the printer (ESC @) for the next job
  printer.cut();
  return printer.getBuffer();
}

/** The library counts the QR data in UTF-16 units and sends it as UTF-8: keep it ASCII. */
function qrText(url: string): string {
  return /^[\x20-\x7e]*$/.test(url) ? url : encodeURI(url);
}

function addRaster(printer: ThermalPrinter, raster: Buffer): void {
  let png: PNG;
  try {
    png = PNG.sync.read(raster);
  } catch (err) {
    throw new PrintError(`The ticket's text image is not a readable PNG (${(err as Error).message})`);
  }
  if (png.width > paperDots) {
    throw new PrintError(`The ticket's text image is ${png.width} dots wide; the paper takes ${paperDots}`);
  }
  const before = printer.getBuffer().length;
  // printImageBuffer is declared async but appends the GS v 0 image before it first yields
  // (PNG decoding is synchronous); the length check guards that assumption
  printer.printImageBuffer(raster).catch(() => undefined);
  if (printer.getBuffer().length <= before) {
    throw new PrintError('node-thermal-printer did not add the ticket image');
  }
}
