import iconv from 'iconv-lite';

/**
 * Code page PC858 (PC850 with the euro sign), the one the ticket selects with ESC t 19: every
 * Epson-compatible printer has it, and it holds every letter of Finnish, Swedish, Somali and
 * English, and of Estonian but š and ž (rare; printed without the caron). Text is checked
 * against it before it reaches the printer library, which would otherwise switch code pages
 * mid-ticket. The table is iconv-lite's, the one node-thermal-printer encodes with.
 */
const encoding = 'cp858';

/** Whether PC858 prints this one character (control characters print nothing, so they count as lacking). */
function inPc858(ch: string): boolean {
  if (ch === '?') return true;
  if (ch.length !== 1 || /\p{Cc}/u.test(ch)) return false;
  // iconv-lite writes "?" for a character the code page lacks
  return iconv.encode(ch, encoding)[0] !== 0x3f;
}

/** Typographic characters the catalogue may use that PC858 lacks, with their nearest look-alike. */
const lookAlike: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2026': '...', '\u2022': '\u00b7',
  // spaces of every kind print as a plain space; the soft hyphen prints as nothing
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\t': ' ', '\n': ' ', '\r': ' ', '\u00ad': '',
};

/**
 * The text with only characters the printer can print in PC858: look-alikes for typographic
 * marks, accents dropped where PC858 has only the base letter (š → s), and "?" for the rest.
 * A stray character outside PC858 must not reach node-thermal-printer, which would switch the
 * printer to another code page for the rest of the ticket.
 */
export function toPc858Text(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const alike = lookAlike[ch];
    if (alike !== undefined) out += alike;
    else if (inPc858(ch)) out += ch;
    else if (/[\p{Cc}\p{Cf}]/u.test(ch)) continue;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(inPc858) ? base : '?';
    }
  }
  return out;
}

/** Whether the text prints without any "?" standing in for a character PC858 lacks. */
export function fitsPc858(text: string): boolean {
  const questionMarks = (t: string) => [...t].filter((c) => c === '?').length;
  return questionMarks(toPc858Text(text)) === questionMarks(text);
}
