import { mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { PrinterSettings } from '@luukku/shared';
import { ticketBytes } from './escpos-ticket.js';
import { previewPng } from './preview.js';
import { sendToTcpPrinter } from './tcp-printer.js';
import { PrintError, type TicketModel } from './ticket-model.js';

export interface PrintOptions {
  /** The server's data folder; the file printer writes under its prints/ folder. */
  dataDir: string;
  now: Date;
}

/**
 * Prints a ticket on the kiosk's printer. Throws PrintError when the printer cannot take it;
 * the visit stays as it is, the caller logs and reports the failure. For the file printer,
 * returns the preview PNG's path relative to the data folder.
 */
export async function printTicket(
  settings: PrinterSettings,
  ticket: TicketModel,
  opts: PrintOptions,
): Promise<{ previewPath: string | null }> {
  switch (settings.kind) {
    case 'network':
      await sendToTcpPrinter(settings.host, settings.port, ticketBytes(ticket), settings.timeoutMs);
      return { previewPath: null };
    case 'file':
      return { previewPath: await printToFile(ticket, opts) };
    case 'browser':
    case 'none':
      // the kiosk page prints itself (80 mm print CSS), or nothing prints
      return { previewPath: null };
  }
}

/** Writes prints/YYYY-MM-DD/<number>-<time>.bin (the printer's bytes) and a .png preview beside it. */
async function printToFile(ticket: TicketModel, { dataDir, now }: PrintOptions): Promise<string> {
  const bytes = ticketBytes(ticket);
  // UTC, so the names do not depend on the server's time zone; milliseconds keep a reprint apart
  const iso = now.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(0, 23).replace(/[-:.]/g, '') + 'Z';
  // the number comes from the queue, but a file name is no place for a slash either way
  const base = `${ticket.number.replace(/[^A-Za-z0-9_-]/g, '_')}-${time}`;
  const relDir = posix.join('prints', day);
  try {
    // a ticket carries the phone link's token: the server's user alone reads the previews
    await mkdir(join(dataDir, relDir), { recursive: true, mode: 0o700 });
    // 'wx': never overwrite an earlier ticket's file
    await writeFile(join(dataDir, relDir, `${base}.bin`), bytes, { flag: 'wx', mode: 0o600 });
    await writeFile(join(dataDir, relDir, `${base}.png`), previewPng(ticket), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    throw new PrintError(`The file printer could not write ${posix.join(relDir, base)}: ${(err as Error).message}`);
  }
  return posix.join(relDir, `${base}.png`);
}
