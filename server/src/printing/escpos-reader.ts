/**
 * Reads ESC/POS bytes into the commands the preview draws. Covers what ticketBytes emits plus
 * the parameter lengths of common commands it does not draw, so that they are skipped whole.
 * Anything unknown is skipped a byte at a time and a command cut short ends the reading: the
 * preview of odd bytes is odd, never an exception.
 */

export type EscPosCommand =
  | { op: 'text'; byte: number }
  | { op: 'lf' }
  | { op: 'init' }
  | { op: 'codePage'; page: number }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'bold'; on: boolean }
  /** ESC !: font, bold, double height and width at once. */
  | { op: 'printMode'; bold: boolean; doubleHeight: boolean; doubleWidth: boolean }
  /** GS !: 1–8 times the normal width and height. */
  | { op: 'size'; width: number; height: number }
  | { op: 'feedLines'; lines: number }
  | { op: 'feedDots'; dots: number }
  | { op: 'lineSpacing'; dots: number | null }
  | { op: 'qrCellSize'; dots: number }
  | { op: 'qrCorrection'; level: 'L' | 'M' | 'Q' | 'H' }
  | { op: 'qrStore'; data: Buffer }
  | { op: 'qrPrint' }
  /** GS v 0: rows of widthBytes bytes, most significant bit leftmost, 1 = black. */
  | { op: 'raster'; widthBytes: number; height: number; scaleX: number; scaleY: number; data: Buffer }
  | { op: 'cut' };

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** ESC commands that take this many parameter bytes and that the preview does not draw. */
const escSkip: Record<number, number> = {
  0x20: 1, // ESC SP: right-side character spacing
  0x24: 2, // ESC $: absolute position
  0x25: 1, // ESC %: user-defined characters on/off
  0x2d: 1, // ESC -: underline
  0x3d: 1, // ESC =: peripheral device
  0x3f: 1, // ESC ?: cancel user-defined character
  0x42: 2, // ESC B: beep
  0x47: 1, // ESC G: double strike
  0x4d: 1, // ESC M: font
  0x52: 1, // ESC R: international character set
  0x53: 0, // ESC S: standard mode
  0x54: 1, // ESC T: print direction
  0x56: 1, // ESC V: 90° rotation
  0x5c: 2, // ESC \: relative position
  0x63: 2, // ESC c 3/4/5: panel and sensor settings
  0x70: 3, // ESC p: cash drawer pulse
  0x72: 1, // ESC r: colour
  0x7b: 1, // ESC {: upside down
};

/** GS commands that take this many parameter bytes and that the preview does not draw. */
const gsSkip: Record<number, number> = {
  0x42: 1, // GS B: reverse
  0x48: 1, // GS H: barcode text position
  0x49: 1, // GS I: printer ID
  0x4c: 2, // GS L: left margin
  0x50: 2, // GS P: motion units
  0x57: 2, // GS W: print area width
  0x61: 1, // GS a: automatic status back
  0x62: 1, // GS b: smoothing
  0x66: 1, // GS f: barcode text font
  0x68: 1, // GS h: barcode height
  0x72: 1, // GS r: status
  0x77: 1, // GS w: barcode module width
};

const qrLevels = ['L', 'M', 'Q', 'H'] as const;

export function* readEscPos(bytes: Uint8Array): Generator<EscPosCommand> {
  let i = 0;
  const at = (k: number): number | undefined => bytes[k];
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === LF) {
      yield { op: 'lf' };
      i += 1;
    } else if (b === ESC) {
      const c = at(i + 1);
      const n = at(i + 2);
      if (c === undefined) return;
      if (c === 0x40) {
        yield { op: 'init' };
        i += 2;
      } else if (c === 0x32) {
        yield { op: 'lineSpacing', dots: null };
        i += 2;
      } else if (c === 0x74 || c === 0x61 || c === 0x45 || c === 0x21 || c === 0x64 || c === 0x4a || c === 0x33) {
        if (n === undefined) return;
        if (c === 0x74) yield { op: 'codePage', page: n };
        else if (c === 0x61) yield { op: 'align', align: n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left' };
        else if (c === 0x45) yield { op: 'bold', on: (n & 1) === 1 };
        else if (c === 0x21) yield { op: 'printMode', bold: (n & 0x08) !== 0, doubleHeight: (n & 0x10) !== 0, doubleWidth: (n & 0x20) !== 0 };
        else if (c === 0x64) yield { op: 'feedLines', lines: n };
        else if (c === 0x4a) yield { op: 'feedDots', dots: n };
        else yield { op: 'lineSpacing', dots: n };
        i += 3;
      } else {
        i += 2 + (escSkip[c] ?? 0);
      }
    } else if (b === GS) {
      const c = at(i + 1);
      if (c === undefined) return;
      if (c === 0x21) {
        const n = at(i + 2);
        if (n === undefined) return;
        yield { op: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 };
        i += 3;
      } else if (c === 0x28) {
        // GS ( <fn> pL pH <pL + 256·pH bytes>: every GS ( function has this shape
        const fn = at(i + 2);
        const pL = at(i + 3);
        const pH = at(i + 4);
        if (fn === undefined || pL === undefined || pH === undefined) return;
        const start = i + 5;
        const end = start + pL + pH * 256;
        if (end > bytes.length) return;
        if (fn === 0x6b && at(start) === 0x31) yield* qrFunction(bytes.subarray(start, end));
        i = end;
      } else if (c === 0x76) {
        // GS v 0 m xL xH yL yH <xBytes·y bytes>
        const m = at(i + 3);
        const xL = at(i + 4);
        const xH = at(i + 5);
        const yL = at(i + 6);
        const yH = at(i + 7);
        if (at(i + 2) !== 0x30 || m === undefined || xL === undefined || xH === undefined || yL === undefined || yH === undefined) return;
        const widthBytes = xL + xH * 256;
        const height = yL + yH * 256;
        const start = i + 8;
        const end = start + widthBytes * height;
        if (end > bytes.length) return;
        yield {
          op: 'raster',
          widthBytes,
          height,
          scaleX: m % 48 === 1 || m % 48 === 3 ? 2 : 1,
          scaleY: m % 48 === 2 || m % 48 === 3 ? 2 : 1,
          data: Buffer.from(bytes.subarray(start, end)),
        };
        i = end;
      } else if (c === 0x56) {
        // GS V m, and GS V m n for the cut-after-feed forms
        const m = at(i + 2);
        if (m === undefined) return;
        yield { op: 'cut' };
        i += m >= 65 ? 4 : 3;
      } else if (c === 0x6b) {
        // GS k m: a barcode, NUL-terminated (m ≤ 6) or with a length byte
        const m = at(i + 2);
        if (m === undefined) return;
        if (m <= 6) {
          const nul = bytes.indexOf(0, i + 3);
          if (nul < 0) return;
          i = nul + 1;
        } else {
          i += 4 + (at(i + 3) ?? 0);
        }
      } else {
        i += 2 + (gsSkip[c] ?? 0);
      }
    } else if (b >= 0x20 && b !== 0x7f) {
      yield { op: 'text', byte: b };
      i += 1;
    } else {
      // CR, HT and other control bytes have no ink
      i += 1;
    }
  }
}

/** GS ( k with cn = 49 (QR code): the body is cn fn parameters. */
function* qrFunction(body: Uint8Array): Generator<EscPosCommand> {
  const fn = body[1];
  const p = body[2];
  if (fn === 0x43 && p !== undefined) yield { op: 'qrCellSize', dots: p };
  else if (fn === 0x45 && p !== undefined) yield { op: 'qrCorrection', level: qrLevels[(p - 48) & 3] ?? 'M' };
  else if (fn === 0x50) yield { op: 'qrStore', data: Buffer.from(body.subarray(3)) };
  else if (fn === 0x51) yield { op: 'qrPrint' };
}
