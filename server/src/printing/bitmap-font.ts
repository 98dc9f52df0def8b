import { fontBits } from './font-12x24.js';
import { fontFirstByte, fontHeight, fontWidth } from './paper-geometry.js';

export { fontHeight, fontWidth };

const glyphBits = fontWidth * fontHeight;
let bits: Buffer | undefined;

/**
 * Whether dot (x, y) of the glyph of a PC858 byte is black. Bytes without a glyph (control
 * bytes) are blank.
 */
export function glyphDot(byte: number, x: number, y: number): boolean {
  if (byte < fontFirstByte || byte > 0xff || x < 0 || x >= fontWidth || y < 0 || y >= fontHeight) return false;
  bits ??= Buffer.from(fontBits, 'base64');
  const i = (byte - fontFirstByte) * glyphBits + y * fontWidth + x;
  return ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0;
}
