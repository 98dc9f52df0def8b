import { createHash } from 'node:crypto';
import {
  bookingIdPattern, checkLength, defaultLengthMin, duplicateProblems, maxImportRows, noNeeds, parseLanguage, parseNeeds,
  type ImportRow, type LineProblem, type Parsed,
} from './import-row.js';
import { isTimeZone, isValidWallTime, wallTimeToInstant } from './zoned-time.js';

/**
 * An iCalendar (RFC 5545) export of a booking system, read for its VEVENTs: UID, DTSTART,
 * DTEND or DURATION, STATUS, and our own X-LUUKKU-SERVICE, X-LUUKKU-LANGUAGE, X-LUUKKU-NEEDS.
 * Everything else (SUMMARY, DESCRIPTION, ATTENDEE, ORGANIZER, LOCATION…) is skipped unread:
 * those hold the visitor's name, and an appointment holds none.
 */

interface Property {
  line: number;
  name: string;
  params: Map<string, string>;
  value: string;
}

/** Unfolds folded lines (CRLF or LF, then one space or tab); each keeps the line it began on. */
function contentLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const last = out.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ line: i + 1, text: raw });
  });
  return out;
}

/** `NAME;PARAM=a;PARAM="b:c":value`: a parameter value may be quoted and hold : and ;. */
function property(line: number, text: string): Property | null {
  const m = /^([A-Za-z0-9-]+)/.exec(text);
  if (!m) return null;
  const params = new Map<string, string>();
  let i = m[1]!.length;
  while (text[i] === ';') {
    const p = /^;([A-Za-z0-9-]+)=("[^"]*"|[^;:,"]*(?:,[^;:,"]*)*)/.exec(text.slice(i));
    if (!p) return null;
    params.set(p[1]!.toUpperCase(), p[2]!.replace(/^"(.*)"$/, '$1'));
    i += p[0].length;
  }
  if (text[i] !== ':') return null;
  return { line, name: m[1]!.toUpperCase(), params, value: text.slice(i + 1) };
}

/** Outlook names zones its own way; the one a Finnish hub meets, and UTC. */
const windowsZones: Record<string, string> = { 'FLE Standard Time': 'Europe/Helsinki', UTC: 'UTC', GMT: 'UTC' };

/** DTSTART/DTEND: UTC (Z), TZID=zone, or floating (the hub's zone). A date alone is an all-day event. */
function instant(p: Property, hubZone: string): number | string {
  if (p.params.get('VALUE') === 'DATE' || /^\d{8}$/.test(p.value)) return `${p.name}: an all-day event has no time; only timed appointments are imported`;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(p.value.trim());
  if (!m) return `${p.name}: "${p.value}" is not a date and time like 20261124T103000`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wall = { year, month, day, hour, minute, second };
  if (!isValidWallTime(wall)) return `${p.name}: "${p.value}" is not a real date and time`;
  if (m[7] === 'Z') return Date.UTC(year, month - 1, day, hour, minute, second);
  const tzid = p.params.get('TZID');
  const zone = tzid === undefined ? hubZone : (windowsZones[tzid] ?? tzid);
  if (!isTimeZone(zone)) return `${p.name}: unknown time zone "${tzid}" (use an IANA name such as Europe/Helsinki)`;
  return wallTimeToInstant(wall, zone);
}

/** DURATION: P1DT2H30M or PT45M, in minutes (weeks and days count 24 hours). */
function durationMin(p: Property): number | string {
  const m = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(p.value.trim());
  if (!m || p.value.trim() === 'P' || p.value.trim().endsWith('T')) return `DURATION: "${p.value}" is not a duration like PT30M`;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return (((w * 7 + d) * 24 + h) * 60 + min) + s / 60;
}

/**
 * The UID is the booking id. One that is not a booking id as the API spells it (most hold an
 * `@domain`, and some an address) is kept only as its hash, `ics-…`: the same on every import.
 */
function bookingIdOf(uid: string): string {
  return bookingIdPattern.test(uid) ? uid : `ics-${createHash('sha256').update(uid).digest('base64url').slice(0, 32)}`;
}

function eventRow(begin: number, props: readonly Property[], hubZone: string, problems: LineProblem[]): ImportRow | null {
  const one = (name: string) => props.find((p) => p.name === name);
  const problem = (line: number, message: string) => problems.push({ line, message });
  const before = problems.length;
  for (const p of props) {
    if (p.name === 'RRULE' || p.name === 'RDATE' || p.name === 'RECURRENCE-ID') {
      problem(p.line, `${p.name}: repeating events are not imported; export each appointment as its own event`);
    }
  }
  const uid = one('UID')?.value.trim();
  if (!uid) problem(begin, 'VEVENT: no UID (the booking id)');
  const dtstart = one('DTSTART');
  const start = dtstart ? instant(dtstart, hubZone) : 'VEVENT: no DTSTART';
  if (typeof start === 'string') problem(dtstart?.line ?? begin, start);
  let lengthMin = defaultLengthMin;
  const dtend = one('DTEND');
  const duration = one('DURATION');
  if (dtend) {
    const end = instant(dtend, hubZone);
    if (typeof end === 'string') problem(dtend.line, end);
    else if (typeof start === 'number') lengthMin = (end - start) / 60_000;
  } else if (duration) {
    const d = durationMin(duration);
    if (typeof d === 'string') problem(duration.line, d);
    else lengthMin = d;
  }
  const lengthLine = (dtend ?? duration ?? dtstart)?.line ?? begin;
  if (problems.length === before) {
    const bad = checkLength(lengthMin);
    if (bad) problem(lengthLine, bad);
  }
  const lang = one('X-LUUKKU-LANGUAGE');
  const language = lang ? parseLanguage(lang.value) : { language: null };
  if ('problem' in language) problem(lang!.line, language.problem);
  const needsProp = one('X-LUUKKU-NEEDS');
  const needs = needsProp ? parseNeeds(needsProp.value) : noNeeds;
  if (typeof needs === 'string') problem(needsProp!.line, needs);
  const status = one('STATUS')?.value.trim().toUpperCase();
  if (problems.length > before) return null;
  return {
    line: begin,
    bookingId: bookingIdOf(uid!),
    serviceCode: one('X-LUUKKU-SERVICE')?.value.trim() || null,
    startsAt: start as number,
    lengthMin,
    language: 'language' in language ? language.language : null,
    needs: needs as ImportRow['needs'],
    cancelled: status === 'CANCELLED',
  };
}

/** Reads an .ics file: its events as rows, or every problem found, by line. */
export function parseIcs(text: string, hubZone: string): Parsed {
  const problems: LineProblem[] = [];
  const rows: ImportRow[] = [];
  const lines = contentLines(text);
  const stack: Array<{ name: string; line: number }> = [];
  let event: { begin: number; props: Property[] } | null = null;
  let ended = false;
  if (lines.length === 0 || lines[0]!.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return { ok: false, problems: [{ line: lines[0]?.line ?? 1, message: 'the file does not begin with BEGIN:VCALENDAR: is it an .ics file?' }] };
  }
  for (const { line, text: t } of lines) {
    if (ended) {
      problems.push({ line, message: 'text after END:VCALENDAR' });
      break;
    }
    const p = property(line, t);
    if (!p) {
      problems.push({ line, message: `not an iCalendar line: "${t.slice(0, 40)}"` });
      continue;
    }
    if (p.name === 'BEGIN') {
      const name = p.value.trim().toUpperCase();
      stack.push({ name, line });
      if (name === 'VEVENT') event = { begin: line, props: [] };
    } else if (p.name === 'END') {
      const name = p.value.trim().toUpperCase();
      const open = stack.pop();
      if (!open || open.name !== name) {
        problems.push({ line, message: `END:${name} does not close ${open ? `BEGIN:${open.name} of line ${open.line}` : 'anything'}` });
        if (open) stack.push(open);
        continue;
      }
      if (name === 'VEVENT' && event) {
        const row = eventRow(event.begin, event.props, hubZone, problems);
        if (row) rows.push(row);
        event = null;
      }
      if (stack.length === 0) ended = true;
    } else if (event && stack.at(-1)?.name === 'VEVENT') {
      // only the event's own properties: an alarm's inside it is not the appointment
      event.props.push(p);
    }
  }
  for (const open of stack.reverse()) problems.push({ line: open.line, message: `BEGIN:${open.name} has no END:${open.name}` });
  if (rows.length > maxImportRows) problems.push({ line: 1, message: `more than ${maxImportRows} events; import a day or a week at a time` });
  problems.push(...duplicateProblems(rows));
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
