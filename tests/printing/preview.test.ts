import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { previewPng } from '../../server/src/printing/preview.js';
import { finnishTicket } from './support/tickets.js';

function read(png: Buffer) {
  const image = PNG.sync.read(png);
  const black = (x: number, y: number) => image.data[(y * image.width + x) * 4]! < 128;
  const blackIn = (top: number, bottom: number, left = 0, right = image.width) => {
    let n = 0;
    for (let y = top; y < Math.min(bottom, image.height); y++) for (let x = left; x < right; x++) if (black(x, y)) n++;
    return n;
  };
  return { image, black, blackIn };
}

/** An opaque PNG, white but for its left `black` columns. */
function leftBlackPng(width: number, height: number, black: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (let i = 0; i < width * height; i++) if (i % width < black) png.data.fill(0, i * 4, i * 4 + 3);
  return PNG.sync.write(png);
}

describe('the ticket preview', () => {
  it('is as wide as the paper, with the number four lines tall under the hub name and "Vuoronumero"', () => {
    const { image, blackIn } = read(previewPng(finnishTicket()));
    expect(image.width).toBe(576);
    // hub name, a blank line and "Vuoronumero" take three 30-dot lines, each with some ink
    expect(blackIn(0, 30)).toBeGreaterThan(300);
    expect(blackIn(30, 60)).toBe(0);
    expect(blackIn(60, 90)).toBeGreaterThan(300);
    // then "K023", four times the 24-dot font: far more ink than any line of normal text
    const number = blackIn(90, 186);
    expect(number).toBeGreaterThan(4000);
    expect(number).toBeGreaterThan(4 * blackIn(0, 30));
    // the number is centred: as much ink left of the middle as right of it, give or take
    const left = blackIn(90, 186, 0, 288);
    expect(Math.abs(left - (number - left))).toBeLessThan(number / 5);
  });

  it('draws the phone link as a QR code about 25 mm across, with its finder squares', () => {
    const { image, black } = read(previewPng(finnishTicket()));
    // the top-left finder square: a solid bar of 7 modules of 6 dots, the first one from the top
    // below the text lines
    let top = -1;
    let left = -1;
    for (let y = 400; y < image.height && top < 0; y++) {
      for (let x = 0; x + 42 <= image.width; x++) {
        if (black(x, y) && [...Array(42).keys()].every((i) => black(x + i, y)) && !black(x + 42, y) && (x === 0 || !black(x - 1, y))) {
          top = y;
          left = x;
          break;
        }
      }
    }
    expect(top).toBeGreaterThan(0);
    // the right edge of the code: the top-right finder square's bar on the same row
    let right = image.width - 1;
    while (!black(right, top)) right--;
    const size = right - left + 1;
    expect(size).toBeGreaterThanOrEqual(150); // 25 mm at 203 dpi is 200 dots
    expect(size % 6).toBe(0);
    expect(left + size / 2).toBeCloseTo(288, -1);
    // the bottom-left finder square, a code's width further down
    expect([...Array(42).keys()].every((i) => black(left + i, top + size - 1))).toBe(true);
  });

  it('shows the characters the printer prints: "?" for letters PC858 lacks, ä with its dots', () => {
    const preview = (label: string) => previewPng(finnishTicket({ services: [label] }));
    expect(preview('Жильё')).toEqual(preview('?????'));
    expect(preview('Mäntsälä')).not.toEqual(preview('Mantsala'));
    expect(preview('Kela – asumistuki')).toEqual(preview('Kela - asumistuki'));
  });

  it('wraps a line longer than the paper onto the next line, as the printer does', () => {
    const short = read(previewPng(finnishTicket({ hubName: 'Mäntsälä' })));
    const long = read(previewPng(finnishTicket({ hubName: 'Mäntsälän palvelutori – Servicetorget i Mäntsälä kommun' })));
    expect(short.blackIn(30, 60)).toBe(0);
    expect(long.blackIn(30, 60)).toBeGreaterThan(300);
    expect(long.image.height).toBe(short.image.height + 30);
  });

  it('draws the kiosk\'s image of an Arabic ticket\'s lines with the dots the printer gets', () => {
    const withImage = read(previewPng(finnishTicket({ language: 'ar', raster: leftBlackPng(300, 40, 100) })));
    const without = read(previewPng(finnishTicket({ language: 'ar' })));
    // a blank line and the 40-dot image more; its 100 black columns black, the white rest white
    expect(withImage.image.height).toBe(without.image.height + 30 + 40);
    const rowsOfHundred: number[] = [];
    for (let y = 0; y < withImage.image.height; y++) {
      const row = withImage.blackIn(y, y + 1);
      // the image is 38 bytes (304 dots) wide, centred
      if (row === 100 && withImage.blackIn(y, y + 1, 136, 236) === 100) rowsOfHundred.push(y);
    }
    expect(rowsOfHundred).toHaveLength(40);
  });
});
