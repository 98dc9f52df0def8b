import { PNG } from 'pngjs';
import { encode } from 'uqr';
import { fontHeight, fontWidth, lineSpacing, paperDots } from './paper-geometry.js';
import { glyphDots } from './ticket-font.js';
import { imageDotIsBlack, qrCellDots, ticketLayout, type TicketBlock } from './ticket-layout.js';
import type { TicketModel } from './ticket-model.js';

/** node-thermal-printer's cut feeds ESC d 4 twice before it cuts. */
const cutFeedLines = 8;

/**
 * A PNG picture, 576 dots wide, of what an 80 mm ESC/POS printer prints for this ticket. Drawn
 * from the same layout the printer bytes are made from (ticket-layout.ts), with the printer's
 * geometry: 12×24-dot characters in PC858, 30-dot lines, the scaled number, the QR code and the
 * kiosk's image as the printer's dots.
 */
export function previewPng(ticket: TicketModel): Buffer {
  const paper = new Paper();
  for (const block of ticketLayout(ticket)) draw(paper, block);
  paper.feed(cutFeedLines * lineSpacing);
  paper.cutLine();
  return paper.png();
}

function draw(paper: Paper, block: TicketBlock): void {
  switch (block.kind) {
    case 'text':
      drawText(paper, block.text, block.bold, block.scale);
      return;
    case 'blank':
      paper.feed(lineSpacing);
      return;
    case 'image': {
      const { image } = block;
      // the printer gets whole bytes of dots across, centred
      const left = centred(Math.ceil(image.width / 8) * 8);
      for (let y = 0; y < image.height; y++) {
        for (let x = 0; x < image.width; x++) if (imageDotIsBlack(image, x, y)) paper.fill(left + x, paper.y + y, 1, 1);
      }
      paper.feed(image.height);
      return;
    }
    case 'qr': {
      const modules = encode(block.data, { ecc: 'M', border: 0 }).data;
      const size = modules.length * qrCellDots;
      const left = centred(size);
      modules.forEach((row, my) =>
        row.forEach((dark, mx) => {
          if (dark) paper.fill(left + mx * qrCellDots, paper.y + my * qrCellDots, qrCellDots, qrCellDots);
        }),
      );
      paper.feed(size);
      return;
    }
  }
}

/** A line of text as the printer prints it: wrapped where the paper ends, each printed line centred. */
function drawText(paper: Paper, text: string, bold: boolean, scale: number): void {
  const perLine = Math.floor(paperDots / (fontWidth * scale));
  const chars = [...text];
  for (let start = 0; start < chars.length; start += perLine) {
    const row = chars.slice(start, start + perLine);
    let x = centred(row.length * fontWidth * scale);
    for (const ch of row) {
      paper.glyph(glyphDots(ch), x, paper.y, scale, bold);
      x += fontWidth * scale;
    }
    paper.feed(Math.max(lineSpacing, fontHeight * scale));
  }
}

function centred(dots: number): number {
  return Math.max(0, Math.floor((paperDots - dots) / 2));
}

/** A strip of paper that grows as the printer feeds it; 1 is a black dot. */
class Paper {
  y = 0;
  private rows: Uint8Array[] = [];

  feed(dots: number): void {
    this.y += Math.max(0, dots);
  }

  fill(x: number, y: number, w: number, h: number): void {
    for (let yy = Math.max(0, y); yy < y + h; yy++) {
      const row = this.row(yy);
      for (let xx = Math.max(0, x); xx < Math.min(x + w, paperDots); xx++) row[xx] = 1;
    }
  }

  /** One character cell, scaled; bold is struck twice, one (scaled) dot apart, as the printer does. */
  glyph(dots: boolean[], x: number, y: number, scale: number, bold: boolean): void {
    for (let gy = 0; gy < fontHeight; gy++) {
      for (let gx = 0; gx < fontWidth; gx++) {
        if (dots[gy * fontWidth + gx]) this.fill(x + gx * scale, y + gy * scale, scale * (bold ? 2 : 1), scale);
      }
    }
  }

  /** A dashed line where the cutter cuts. */
  cutLine(): void {
    this.feed(6);
    for (let x = 0; x < paperDots; x += 12) this.fill(x, this.y, 6, 2);
    this.feed(8);
  }

  png(): Buffer {
    const height = Math.max(1, this.y, this.rows.length);
    const png = new PNG({ width: paperDots, height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
    png.data = Buffer.alloc(paperDots * height, 0xff);
    this.rows.forEach((row, y) => {
      row.forEach((dot, x) => {
        if (dot) png.data[y * paperDots + x] = 0;
      });
    });
    return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  }

  private row(y: number): Uint8Array {
    while (this.rows.length <= y) this.rows.push(new Uint8Array(paperDots));
    return this.rows[y]!;
  }
}
