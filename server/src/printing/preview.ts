import { PNG } from 'pngjs';
import { encode } from 'uqr';
import { glyphDot, fontHeight, fontWidth } from './bitmap-font.js';
import { pc858CodePage } from './cp858.js';
import { readEscPos } from './escpos-reader.js';
import { paperDots } from './paper-geometry.js';

/** The printer's default line spacing, 1/6 inch at 180 dpi as Epson counts it. */
const defaultLineSpacing = 30;
/** A preview never grows past this (about 1.2 m of paper): odd bytes must not eat the memory. */
const maxHeight = 10_000;

interface Glyph {
  byte: number;
  width: number;
  height: number;
  bold: boolean;
}

/**
 * A PNG picture, 576 dots wide, of what an 80 mm ESC/POS printer prints from these bytes. Drawn
 * from the bytes themselves rather than from the ticket, so the preview shows what the printer
 * got: code page mistakes and all.
 */
export function previewPng(bytes: Uint8Array): Buffer {
  const paper = new Paper();
  let align: 'left' | 'center' | 'right' = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let codePage = 0;
  let lineSpacing = defaultLineSpacing;
  let qrData: Buffer | null = null;
  let qrCell = 3;
  let qrLevel: 'L' | 'M' | 'Q' | 'H' = 'M';
  let line: Glyph[] = [];
  let lineDots = 0;

  const printLine = () => {
    if (line.length === 0) {
      paper.feed(lineSpacing);
      return;
    }
    const tallest = Math.max(...line.map((g) => g.height * fontHeight));
    let x = offset(align, lineDots);
    for (const g of line) {
      // characters of different heights stand on one baseline
      paper.glyph(g, x, paper.y + tallest - g.height * fontHeight);
      x += g.width * fontWidth;
    }
    paper.feed(Math.max(lineSpacing, tallest));
    line = [];
    lineDots = 0;
  };
  // images and codes start on a new line, as the printer does
  const flush = () => {
    if (line.length > 0) printLine();
  };

  for (const cmd of readEscPos(bytes)) {
    switch (cmd.op) {
      case 'text': {
        const glyphWidth = width * fontWidth;
        if (lineDots + glyphWidth > paperDots) printLine();
        // bytes above 0x7f mean PC858 letters only when PC858 is selected; other code pages show as blanks
        const byte = cmd.byte < 0x80 || codePage === pc858CodePage ? cmd.byte : 0x20;
        line.push({ byte, width, height, bold });
        lineDots += glyphWidth;
        break;
      }
      case 'lf':
        printLine();
        break;
      case 'init':
        flush();
        align = 'left';
        bold = false;
        width = height = 1;
        codePage = 0;
        lineSpacing = defaultLineSpacing;
        break;
      case 'codePage':
        codePage = cmd.page;
        break;
      case 'align':
        align = cmd.align;
        break;
      case 'bold':
        bold = cmd.on;
        break;
      case 'printMode':
        bold = cmd.bold;
        width = cmd.doubleWidth ? 2 : 1;
        height = cmd.doubleHeight ? 2 : 1;
        break;
      case 'size':
        width = cmd.width;
        height = cmd.height;
        break;
      case 'feedLines':
        flush();
        paper.feed(cmd.lines * lineSpacing);
        break;
      case 'feedDots':
        flush();
        paper.feed(cmd.dots);
        break;
      case 'lineSpacing':
        lineSpacing = cmd.dots ?? defaultLineSpacing;
        break;
      case 'qrCellSize':
        qrCell = Math.min(Math.max(cmd.dots, 1), 16);
        break;
      case 'qrCorrection':
        qrLevel = cmd.level;
        break;
      case 'qrStore':
        qrData = cmd.data;
        break;
      case 'qrPrint': {
        flush();
        if (!qrData || qrData.length === 0) break;
        let modules: boolean[][];
        try {
          modules = encode([...qrData], { ecc: qrLevel, border: 0 }).data;
        } catch {
          break; // too much data for any QR version: a real printer prints nothing either
        }
        const size = modules.length * qrCell;
        const left = offset(align, size);
        modules.forEach((row, my) =>
          row.forEach((dark, mx) => {
            if (dark) paper.fill(left + mx * qrCell, paper.y + my * qrCell, qrCell, qrCell);
          }),
        );
        paper.feed(size);
        break;
      }
      case 'raster': {
        flush();
        const left = offset(align, cmd.widthBytes * 8 * cmd.scaleX);
        for (let ry = 0; ry < cmd.height; ry++) {
          for (let rx = 0; rx < cmd.widthBytes * 8; rx++) {
            const byte = cmd.data[ry * cmd.widthBytes + (rx >> 3)] ?? 0;
            if (byte & (0x80 >> (rx & 7))) {
              paper.fill(left + rx * cmd.scaleX, paper.y + ry * cmd.scaleY, cmd.scaleX, cmd.scaleY);
            }
          }
        }
        paper.feed(cmd.height * cmd.scaleY);
        break;
      }
      case 'cut':
        flush();
        paper.cutLine();
        break;
    }
  }
  flush();
  return paper.png();
}

function offset(align: 'left' | 'center' | 'right', dots: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperDots - dots) / 2));
  if (align === 'right') return Math.max(0, paperDots - dots);
  return 0;
}

/** A strip of paper that grows as the printer feeds it; 1 is a black dot. */
class Paper {
  y = 0;
  private rows: Uint8Array[] = [];

  feed(dots: number): void {
    this.y = Math.min(this.y + Math.max(0, dots), maxHeight);
  }

  fill(x: number, y: number, w: number, h: number): void {
    for (let yy = Math.max(0, y); yy < Math.min(y + h, maxHeight); yy++) {
      const row = this.row(yy);
      for (let xx = Math.max(0, x); xx < Math.min(x + w, paperDots); xx++) row[xx] = 1;
    }
  }

  /** One character cell, scaled; bold is struck twice, one (scaled) dot apart, as the printer does. */
  glyph(g: Glyph, x: number, y: number): void {
    for (let gy = 0; gy < fontHeight; gy++) {
      for (let gx = 0; gx < fontWidth; gx++) {
        if (!glyphDot(g.byte, gx, gy)) continue;
        this.fill(x + gx * g.width, y + gy * g.height, g.width + (g.bold ? g.width : 0), g.height);
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
