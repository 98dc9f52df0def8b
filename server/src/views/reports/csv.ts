import type { Cell } from './section.js';

/**
 * RFC 4180 CSV with a byte-order mark, so spreadsheet programs read ä and ö right. A text cell
 * that a spreadsheet would run as a formula gets a leading apostrophe.
 */
export function toCsv(rows: readonly Cell[][]): string {
  const cell = (c: Cell): string => {
    if (c === null) return '';
    if (typeof c === 'number') return String(c);
    const safe = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
