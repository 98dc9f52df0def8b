import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { paperColumns } from './paper-geometry.js';
import { PrintError, type TicketModel } from './ticket-model.js';
import { qrCellDots, ticketLayout, type TicketBlock } from './ticket-layout.js';

const ESC_INIT = Buffer.from([0x1b, 0x40]);

/** The ESC/POS bytes of a ticket for an Epson-compatible printer, in code page PC858. */
export function ticketBytes(ticket: TicketModel): Buffer {
  const blocks = ticketLayout(ticket);
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // never connected: printTicket sends the bytes itself (see tcp-printer.ts)
    interface: 'tcp://127.0.0.1',
    characterSet: CharacterSet.PC858_EURO,
    removeSpecialCharacters: false,
    width: paperColumns,
  });

  printer.clear();
  // Reset whatever an interrupted earlier job left (a size, bold); the reset also forgets the
  // code page, so it is selected again after it.
  printer.add(ESC_INIT);
  printer.setCharacterSet(CharacterSet.PC858_EURO);
  printer.alignCenter();
  for (const block of blocks) addBlock(printer, block);
  // feeds past the cutter, cuts, and resets the printer (ESC @) for the next job
  printer.cut();
  return printer.getBuffer();
}

function addBlock(printer: ThermalPrinter, block: TicketBlock): void {
  switch (block.kind) {
    case 'text':
      // setTextSize(height, width) puts its first argument in GS !'s high nibble, which printers
      // read as the width: equal factors keep that mix-up harmless
      if (block.scale > 1) printer.setTextSize(block.scale - 1, block.scale - 1);
      if (block.bold) printer.bold(true);
      printer.println(block.text);
      if (block.bold) printer.bold(false);
      if (block.scale > 1) printer.setTextSize(0, 0);
      return;
    case 'blank':
      printer.newLine();
      return;
    case 'image':
      addImage(printer, block.png);
      return;
    case 'qr':
      printer.printQR(block.data, { cellSize: qrCellDots, correction: 'M', model: 2 });
      return;
  }
}

function addImage(printer: ThermalPrinter, png: Buffer): void {
  const before = printer.getBuffer().length;
  // printImageBuffer is declared async but appends the GS v 0 image before it first yields
  // (PNG decoding is synchronous); the length check guards that assumption
  printer.printImageBuffer(png).catch(() => undefined);
  if (printer.getBuffer().length <= before) {
    throw new PrintError('node-thermal-printer did not add the ticket image');
  }
}
