import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ticketBytes } from '../../server/src/printing/escpos-ticket.js';
import { PrintError } from '../../server/src/printing/ticket-model.js';
import { ESC, indexesOf, pc858, qrStoredData, rasterImages } from './support/escpos-bytes.js';
import { finnishTicket, phoneUrl } from './support/tickets.js';

/** A PNG of the given size: black on the left `black` columns, transparent on the rest. */
function stripePng(width: number, height: number, black: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      png.data[i + 3] = x < black ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}

describe('ticket bytes', () => {
  it('has every Finnish and Swedish letter at its PC858 byte', () => {
    const bytes = ticketBytes(finnishTicket({ services: ['Åbo', 'Öja', 'Ähtäri', 'Föglö'] }));
    expect(indexesOf(bytes, [0x8f, ...Buffer.from('bo')])).toHaveLength(1); // Å
    expect(indexesOf(bytes, [0x99, ...Buffer.from('ja')])).toHaveLength(1); // Ö
    expect(indexesOf(bytes, [0x8e, ...Buffer.from('ht'), 0x84, ...Buffer.from('ri')])).toHaveLength(1); // Ä, ä
    expect(indexesOf(bytes, [...Buffer.from('F'), 0x94, ...Buffer.from('gl'), 0x94])).toHaveLength(1); // ö
  });

  it('keeps code page PC858 when a label has a character PC858 lacks', () => {
    const bytes = ticketBytes(finnishTicket({ hubName: 'Mäntsälän “palvelutori”', services: ['Kela – Жильё', 'Kela'] }));
    expect(indexesOf(bytes, [ESC, 0x74]).map((at) => bytes[at + 2])).toEqual([19, 19]);
    expect(indexesOf(bytes, pc858('Mäntsälän "palvelutori"'))).toHaveLength(1);
    expect(indexesOf(bytes, 'Kela - ?????')).toHaveLength(1);
  });

  it('prints an Arabic ticket in English words plus the kiosk\'s image of the Arabic lines', () => {
    const raster = stripePng(300, 40, 100);
    const bytes = ticketBytes(finnishTicket({ language: 'ar', services: ['Kela', 'كيلا'], raster }));
    const images = rasterImages(bytes);
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image!.widthBytes).toBe(Math.ceil(300 / 8));
    expect(image!.height).toBe(40);
    // 100 black columns: 12 full bytes and the high half of the 13th, the rest (transparent) white
    expect([...image!.data.subarray(0, image!.widthBytes)]).toEqual([...new Array(12).fill(0xff), 0xf0, ...new Array(25).fill(0)]);

    expect(indexesOf(bytes, 'Queue number')).toHaveLength(1);
    expect(indexesOf(bytes, 'People ahead of you: 3')).toHaveLength(1);
    expect(indexesOf(bytes, 'Follow your turn on your phone')).toHaveLength(1);
    expect(indexesOf(bytes, 'Kela')).toHaveLength(1);
    // the Arabic label is in the image, not as "????" nor as UTF-8
    expect(indexesOf(bytes, '????')).toEqual([]);
    expect(qrStoredData(bytes)).toEqual([phoneUrl]);
  });

  it('prints an Arabic ticket without an image when the kiosk sent none, and a Finnish one never with one', () => {
    expect(rasterImages(ticketBytes(finnishTicket({ language: 'fa' })))).toEqual([]);
    const finnish = ticketBytes(finnishTicket({ raster: stripePng(16, 16, 8) }));
    expect(rasterImages(finnish)).toEqual([]);
  });

  it('refuses an image that is not a PNG or is wider than the paper', () => {
    expect(() => ticketBytes(finnishTicket({ language: 'ru', raster: Buffer.from('not a png') }))).toThrow(PrintError);
    expect(() => ticketBytes(finnishTicket({ language: 'uk', raster: stripePng(600, 10, 10) }))).toThrow(/600 dots wide/);
  });
});
