/**
 * Byte-level look-ups in ESC/POS output, written from the Epson command reference and on purpose
 * independent of the server's own code, so that the tests check the bytes and not our idea of
 * them.
 */

export const ESC = 0x1b;
export const GS = 0x1d;

/** Every index where needle starts in haystack. */
export function indexesOf(haystack: Buffer, needle: Buffer | number[] | string): number[] {
  const n = typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle);
  const found: number[] = [];
  for (let at = haystack.indexOf(n); at >= 0; at = haystack.indexOf(n, at + 1)) found.push(at);
  return found;
}

/** The text as PC858 bytes, for the few non-ASCII letters the tests use. */
export function pc858(text: string): Buffer {
  const table: Record<string, number> = { ä: 0x84, ö: 0x94, å: 0x86, Ä: 0x8e, Ö: 0x99, Å: 0x8f };
  return Buffer.from(
    [...text].map((ch) => {
      const byte = table[ch] ?? ch.charCodeAt(0);
      if (byte > 0x7f && table[ch] === undefined) throw new Error(`no PC858 byte for ${ch} in this table`);
      return byte;
    }),
  );
}

/** GS ( k pL pH 49 80 48 d…: the data stored for the QR code symbol. */
export function qrStoredData(bytes: Buffer): string[] {
  return indexesOf(bytes, [GS, 0x28, 0x6b]).flatMap((at) => {
    const pL = bytes[at + 3]!;
    const pH = bytes[at + 4]!;
    const [cn, fn, m] = [bytes[at + 5], bytes[at + 6], bytes[at + 7]];
    if (cn !== 49 || fn !== 80 || m !== 48) return [];
    const length = pL + pH * 256 - 3;
    return [bytes.subarray(at + 8, at + 8 + length).toString('latin1')];
  });
}

/** GS ( k 03 00 49 81 48: print the stored QR code symbol. */
export const qrPrint = [GS, 0x28, 0x6b, 0x03, 0x00, 49, 81, 48];

/** GS v 0 m xL xH yL yH d…: raster images, with their size and first bytes. */
export function rasterImages(bytes: Buffer): { widthBytes: number; height: number; data: Buffer }[] {
  return indexesOf(bytes, [GS, 0x76, 0x30]).map((at) => {
    const widthBytes = bytes[at + 4]! + bytes[at + 5]! * 256;
    const height = bytes[at + 6]! + bytes[at + 7]! * 256;
    return { widthBytes, height, data: bytes.subarray(at + 8, at + 8 + widthBytes * height) };
  });
}

/** GS V m: a paper cut (m 0/48 full, 1/49 partial, 65/66 after a feed). */
export function cuts(bytes: Buffer): number[] {
  return indexesOf(bytes, [GS, 0x56]).filter((at) => [0, 1, 48, 49, 65, 66].includes(bytes[at + 2] ?? -1));
}
