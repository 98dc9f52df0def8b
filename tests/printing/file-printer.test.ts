import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketBytes } from '../../server/src/printing/escpos-ticket.js';
import { printTicket } from '../../server/src/printing/print-ticket.js';
import { finnishTicket } from './support/tickets.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'luukku-prints-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const now = new Date('2026-11-24T08:05:00.123Z');

describe('the file printer', () => {
  it('writes the printer bytes and a PNG preview of them under prints/<day>/', async () => {
    const ticket = finnishTicket();
    const { previewPath } = await printTicket({ kind: 'file' }, ticket, { dataDir, now });
    expect(previewPath).toBe('prints/2026-11-24/K023-20261124T080500123Z.png');
    expect((await readdir(join(dataDir, 'prints/2026-11-24'))).sort()).toEqual([
      'K023-20261124T080500123Z.bin',
      'K023-20261124T080500123Z.png',
    ]);
    expect(await readFile(join(dataDir, 'prints/2026-11-24/K023-20261124T080500123Z.bin'))).toEqual(ticketBytes(ticket));

    const png = PNG.sync.read(await readFile(join(dataDir, previewPath!)));
    expect(png.width).toBe(576);
    expect(png.height).toBeGreaterThan(400);
    const black = (x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;
    const blackIn = (top: number, bottom: number) => {
      let n = 0;
      for (let y = top; y < bottom; y++) for (let x = 0; x < png.width; x++) if (black(x, y)) n++;
      return n;
    };
    // Hub name, a blank line and "Vuoronumero" take three 30-dot lines; then the number, four
    // times the 24-dot font: far more ink in that band than any line of normal text has.
    expect(blackIn(90, 90 + 96)).toBeGreaterThan(4000);
    expect(blackIn(0, 30)).toBeGreaterThan(300);
    expect(blackIn(0, 30)).toBeLessThan(4000);
  });

  it('does not overwrite an earlier ticket printed at the same moment', async () => {
    await printTicket({ kind: 'file' }, finnishTicket(), { dataDir, now });
    await expect(printTicket({ kind: 'file' }, finnishTicket(), { dataDir, now })).rejects.toThrow(/could not write/);
  });

  it('keeps a slash in the number out of the path', async () => {
    const { previewPath } = await printTicket({ kind: 'file' }, finnishTicket({ number: '../K1' }), { dataDir, now });
    expect(previewPath).toBe('prints/2026-11-24/___K1-20261124T080500123Z.png');
  });
});

describe('browser and no printer', () => {
  it('leave printing to the kiosk page and write nothing', async () => {
    expect(await printTicket({ kind: 'browser' }, finnishTicket(), { dataDir, now })).toEqual({ previewPath: null });
    expect(await printTicket({ kind: 'none' }, finnishTicket(), { dataDir, now })).toEqual({ previewPath: null });
    expect(await readdir(dataDir)).toEqual([]);
  });
});
