import { afterEach, describe, expect, it } from 'vitest';
import { printTicket } from '../../server/src/printing/print-ticket.js';
import { sendToTcpPrinter } from '../../server/src/printing/tcp-printer.js';
import { PrintError } from '../../server/src/printing/ticket-model.js';
import { cuts, ESC, indexesOf, pc858, qrPrint, qrStoredData } from './support/escpos-bytes.js';
import { closedPort, startFakePrinter, type FakePrinter } from './support/fake-printer.js';
import { finnishTicket, phoneUrl } from './support/tickets.js';

const opts = { dataDir: '/nonexistent', now: new Date('2026-11-24T08:05:00Z') };
let printer: FakePrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

const network = (p: { host: string; port: number }, timeoutMs = 2000) => ({ kind: 'network' as const, host: p.host, port: p.port, timeoutMs });

describe('a ticket over TCP to the printer', () => {
  it('arrives as ESC/POS in code page PC858 with the number, a QR code of the phone page and a cut', async () => {
    printer = await startFakePrinter();
    const result = await printTicket(network(printer), finnishTicket(), opts);
    expect(result).toEqual({ previewPath: null });
    const bytes = await printer.nextJob();

    // ESC t 19 selects PC858 before any text
    const codePage = indexesOf(bytes, [ESC, 0x74, 19]);
    expect(codePage.length).toBeGreaterThan(0);
    const number = indexesOf(bytes, 'K023');
    expect(number).toHaveLength(1);
    expect(codePage[0]!).toBeLessThan(number[0]!);
    // no other code page is ever selected
    expect(indexesOf(bytes, [ESC, 0x74]).every((at) => bytes[at + 2] === 19)).toBe(true);

    // ä in PC858 (0x84), never as UTF-8
    expect(indexesOf(bytes, pc858('Mäntsälän palvelutori'))).toHaveLength(1);
    expect(indexesOf(bytes, pc858('Edelläsi jonossa: 3'))).toHaveLength(1);
    expect(indexesOf(bytes, Buffer.from('ä', 'utf8'))).toEqual([]);
    expect(indexesOf(bytes, 'Vuokra-asunnot')).toHaveLength(1);
    expect(indexesOf(bytes, 'Arvioitu odotusaika: 15 min')).toHaveLength(1);

    // the QR code: GS ( k store with the URL, then GS ( k print
    expect(qrStoredData(bytes)).toEqual([phoneUrl]);
    const printAt = indexesOf(bytes, qrPrint);
    expect(printAt).toHaveLength(1);
    expect(printAt[0]!).toBeGreaterThan(number[0]!);

    // a cut after everything else, then the printer reset for the next job
    const cutAt = cuts(bytes);
    expect(cutAt).toHaveLength(1);
    expect(cutAt[0]!).toBeGreaterThan(printAt[0]!);
    expect(bytes.subarray(-2)).toEqual(Buffer.from([ESC, 0x40]));
  });

  it('prints a Swedish ticket with ö, å and ä in PC858', async () => {
    printer = await startFakePrinter();
    const ticket = finnishTicket({
      language: 'sv',
      hubName: 'Mäntsälä servicetorg',
      services: ['Arbets- och näringsbyrån', 'FPA'],
    });
    await printTicket(network(printer), ticket, opts);
    const bytes = await printer.nextJob();
    expect(indexesOf(bytes, pc858('Könummer'))).toHaveLength(1);
    expect(indexesOf(bytes, pc858('Arbets- och näringsbyrån'))).toHaveLength(1);
    expect(indexesOf(bytes, pc858('Före dig i kön: 3'))).toHaveLength(1);
    expect(indexesOf(bytes, pc858('Följ din tur i telefonen'))).toHaveLength(1);
    for (const letter of ['ä', 'ö', 'å']) expect(indexesOf(bytes, Buffer.from(letter, 'utf8'))).toEqual([]);
  });
});

describe('a printer that cannot take the ticket', () => {
  it('refusing the connection is a PrintError that names the printer, at once', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await printTicket(network({ host: '127.0.0.1', port }, 3000), finnishTicket(), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as PrintError).message).toBe(`Printer 127.0.0.1:${port} refused the connection`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('taking the connection and never reading does not hold the kiosk past the timeout', async () => {
    printer = await startFakePrinter('silent');
    const started = Date.now();
    // a ticket fits in the network buffers, so this may succeed; what matters is that it ends
    await printTicket(network(printer, 500), finnishTicket(), opts).catch((e: unknown) => {
      expect(e).toBeInstanceOf(PrintError);
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(printer.connections()).toBe(1);
  });

  it('more bytes than a silent printer takes end in a PrintError at the timeout', async () => {
    printer = await startFakePrinter('silent');
    const started = Date.now();
    // far more than the kernel buffers of both ends hold
    const error = await sendToTcpPrinter(printer.host, printer.port, Buffer.alloc(64 * 1024 * 1024, 0x20), 500).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(PrintError);
    expect((error as PrintError).message).toBe(`Printer 127.0.0.1:${printer.port} did not take the ticket within 0.5 s`);
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500);
  });

  it('a printer that closes the connection mid-ticket is a PrintError', async () => {
    const { createServer } = await import('node:net');
    const rude = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    const port = (rude.address() as { port: number }).port;
    try {
      const error = await sendToTcpPrinter('127.0.0.1', port, Buffer.alloc(16 * 1024 * 1024, 0x20), 2000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrintError);
      expect((error as PrintError).message).toMatch(new RegExp(`^Printer 127\\.0\\.0\\.1:${port} (closed the connection|did not take)`));
    } finally {
      await new Promise<void>((resolve) => rude.close(() => resolve()));
    }
  });
});
