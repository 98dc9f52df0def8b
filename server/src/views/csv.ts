import type { StaffLanguage } from '@luukku/shared';

export type CsvCell = string | number | null;

export interface CsvStyle {
  separator: ',' | ';';
  /** 1,5 rather than 1.5: the decimal mark of the languages whose spreadsheets split at ";". */
  decimalComma: boolean;
}

/**
 * How a CSV file is written for a spreadsheet in this language. Excel reads a CSV with the
 * list separator of the user's locale: ";" (and a decimal comma) in Finnish and Swedish, ","
 * in English. `sep` overrides the separator, and the decimal mark follows it, since a decimal
 * comma in a comma-separated file would split every number.
 */
export function csvStyle(lang: StaffLanguage, sep?: 'comma' | 'semicolon'): CsvStyle {
  const semicolon = sep === undefined ? lang === 'fi' || lang === 'sv' : sep === 'semicolon';
  return semicolon ? { separator: ';', decimalComma: true } : { separator: ',', decimalComma: false };
}

/**
 * RFC 4180 CSV (with the given separator) and a byte-order mark, so spreadsheet programs read
 * ä and ö right without an import wizard. A text cell that a spreadsheet would run as a formula
 * gets a leading apostrophe.
 */
export function toCsv(rows: readonly CsvCell[][], style: CsvStyle = { separator: ',', decimalComma: false }): string {
  const needsQuotes = style.separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  const cell = (c: CsvCell): string => {
    if (c === null) return '';
    if (typeof c === 'number') return style.decimalComma ? String(c).replace('.', ',') : String(c);
    const safe = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
    return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(style.separator)).join('\r\n') + '\r\n';
}
