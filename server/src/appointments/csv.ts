import {
  bookingIdPattern, checkLength, defaultLengthMin, duplicateProblems, maxImportRows, parseLanguage, parseNeeds,
  type ImportRow, type LineProblem, type Parsed,
} from './import-row.js';
import { isValidWallTime, wallTimeToInstant } from './zoned-time.js';

/**
 * A CSV export of a booking system: a header row naming the columns (any order, any case),
 * then one booking a row. Separated by "," or ";" (what a Finnish or Swedish spreadsheet
 * writes, as our own report CSV does), RFC 4180 quotes, an optional byte-order mark.
 */
export const csvColumns = ['bookingId', 'service', 'start', 'lengthMin', 'language', 'needs', 'status'] as const;
type Column = (typeof csvColumns)[number];
const required: readonly Column[] = ['bookingId', 'service', 'start'];

/** Records with the line each begins on; a quoted cell may span lines. */
function records(text: string, sep: string): Array<{ line: number; cells: string[] }> {
  const out: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return out;
}

/** The separator is the one the header row uses. */
function separatorOf(header: string): ';' | ',' {
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** `2026-11-24T10:30:00+02:00` (with an offset or Z), or `2026-11-24 10:30` in the hub's zone. */
function startOf(text: string, hubZone: string): number | string {
  const t = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (local) {
    const [year, month, day, hour, minute] = local.slice(1, 6).map(Number) as [number, number, number, number, number];
    const wall = { year, month, day, hour, minute, second: Number(local[6] ?? 0) };
    if (!isValidWallTime(wall)) return `start: "${t}" is not a real date and time`;
    return wallTimeToInstant(wall, hubZone);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t) && !Number.isNaN(Date.parse(t))) return Date.parse(t);
  return `start: "${t}" is not a time like 2026-11-24 10:30 or 2026-11-24T10:30:00+02:00`;
}

/** Reads a CSV file: its rows, or every problem found, by line. */
export function parseCsv(text: string, hubZone: string): Parsed {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const recs = records(body, separatorOf(firstLine));
  const header = recs.shift();
  if (!header) return { ok: false, problems: [{ line: 1, message: 'the file is empty: the first row names the columns' }] };
  const problems: LineProblem[] = [];
  const index = new Map<Column, number>();
  header.cells.forEach((name, i) => {
    const col = csvColumns.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    // an unknown column is refused, not skipped: a typo would lose data silently, and a name column has no place here
    if (!col) problems.push({ line: header.line, message: `unknown column "${name.trim()}": the columns are ${csvColumns.join(', ')}` });
    else index.set(col, i);
  });
  for (const col of required) if (!index.has(col)) problems.push({ line: header.line, message: `no column "${col}"` });
  if (problems.length > 0) return { ok: false, problems };
  if (recs.length > maxImportRows) return { ok: false, problems: [{ line: 1, message: `more than ${maxImportRows} rows; import a day or a week at a time` }] };

  const rows: ImportRow[] = [];
  for (const { line, cells } of recs) {
    const cell = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
    const before = problems.length;
    const problem = (message: string) => problems.push({ line, message });
    if (cells.length !== header.cells.length) problem(`${cells.length} cells, but the header has ${header.cells.length}`);
    const bookingId = cell('bookingId');
    if (!bookingIdPattern.test(bookingId)) problem(`bookingId: "${bookingId}" is not 1–100 of A–Z, a–z, 0–9, . _ : -`);
    const service = cell('service');
    if (service === '') problem('service: empty (the service code, e.g. kela)');
    const start = startOf(cell('start'), hubZone);
    if (typeof start === 'string') problem(start);
    const lengthText = cell('lengthMin');
    const lengthMin = lengthText === '' ? defaultLengthMin : Number(lengthText);
    const badLength = checkLength(lengthMin);
    if (badLength) problem(badLength);
    const language = parseLanguage(cell('language'));
    if ('problem' in language) problem(language.problem);
    const needs = parseNeeds(cell('needs'));
    if (typeof needs === 'string') problem(needs);
    const status = cell('status').toLowerCase();
    if (!['', 'booked', 'cancelled'].includes(status)) problem(`status: "${cell('status')}" is not booked or cancelled`);
    if (problems.length > before) continue;
    rows.push({
      line, bookingId, serviceCode: service, startsAt: start as number, lengthMin,
      language: 'language' in language ? language.language : null, needs: needs as ImportRow['needs'], cancelled: status === 'cancelled',
    });
  }
  problems.push(...duplicateProblems(rows));
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
