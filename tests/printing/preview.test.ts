import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { previewPng } from '../../server/src/printing/preview.js';

const ESC = 0x1b;
const GS = 0x1d;

function inkRows(png: PNG): number[] {
  const rows: number[] = [];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (png.data[(y * png.width + x) * 4]! < 128) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

describe('the ticket preview', () => {
  it('draws PC858 text, a raster image and a cut', () => {
    const bytes = Buffer.from([
      ESC, 0x40, ESC, 0x74, 19, ESC, 0x61, 1, 0x4b, 0x84, 0x0a, // "Kä", centred
      GS, 0x76, 0x30, 48, 1, 0, 2, 0, 0xff, 0xff, // an 8×2 black block
      GS, 0x56, 0,
    ]);
    const png = PNG.sync.read(previewPng(bytes));
    expect(png.width).toBe(576);
    const rows = inkRows(png);
    expect(rows.some((y) => y < 24)).toBe(true); // the letters
    expect(rows).toContain(30); // the raster image, right under the 30-dot text line
    expect(rows).toContain(31);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(PNG.sync.read(previewPng(bytes)).width).toBe(576);
      }),
      { numRuns: 150 },
    );
    // commands cut short, at the end of the bytes
    for (const tail of [[ESC], [GS], [GS, 0x28, 0x6b, 200, 0], [GS, 0x76, 0x30, 48, 10, 0, 10, 0, 1], [ESC, 0x74]]) {
      expect(() => previewPng(Buffer.from([0x41, ...tail]))).not.toThrow();
    }
  });
});
