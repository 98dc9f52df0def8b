import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// prints/YYYY-MM-DD/<number>-YYYYMMDDTHHMMSSmmmZ.(bin|png), as print-ticket.ts names them
const dayFolder = /^\d{4}-\d{2}-\d{2}$/;
const printFile = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.(bin|png)$/;

function printedAt(name: string): number | null {
  const m = printFile.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
}

/**
 * Deletes the file printer's tickets and previews printed before `before` (UTC ms), and the day
 * folders they leave empty. A ticket shows the number and the phone link's QR code, so it follows
 * the notes' retention. The time comes from the name the server gave the file, so a copied or
 * touched file goes when its ticket's day does. Returns how many files were deleted.
 */
export function deletePrintsBefore(dataDir: string, before: number): number {
  const prints = join(dataDir, 'prints');
  let days: string[];
  try {
    days = readdirSync(prints).filter((d) => dayFolder.test(d));
  } catch {
    return 0; // no file printer has printed here
  }
  let deleted = 0;
  for (const day of days) {
    const dir = join(prints, day);
    for (const name of readdirSync(dir)) {
      const at = printedAt(name);
      if (at === null || at >= before) continue;
      rmSync(join(dir, name), { force: true });
      deleted++;
    }
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return deleted;
}
