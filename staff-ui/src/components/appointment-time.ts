/**
 * Appointment times on the hub's clock, for the console. (Not `@luukku/shared`'s time module:
 * that one reaches zod, which the console's CSP cannot run.)
 */
import type { StaffLang } from '../i18n/index.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function parts(at: number, timeZone: string): Record<string, string> {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(at))) out[p.type] = p.value;
  return out;
}

/** The hub's local date (YYYY-MM-DD) of a moment: the day an appointment belongs to. */
export function hubDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * "10.30" in Finnish and Swedish, "10:30" in English and Arabic, on the hub's clock. Always Latin
 * digits, as the kiosk and the displays write times (their formats are en-GB in every language).
 */
export function clockTime(iso: string, timeZone: string, lang: StaffLang): string {
  const p = parts(Date.parse(iso), timeZone);
  return `${p.hour}${lang === 'en' || lang === 'ar' ? ':' : '.'}${p.minute}`;
}

/** The moment a wall-clock date and time (YYYY-MM-DD, HH:MM) is in the hub's zone, as ISO. */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // the zone's offset at that moment, found by reading the guess back; twice covers a DST edge
  let at = wall;
  for (let i = 0; i < 2; i++) {
    const p = parts(at, timeZone);
    const seen = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    at += wall - seen;
  }
  return new Date(at).toISOString();
}
