/** 80 mm paper at 203 dpi: 576 printable dots across. */
export const paperDots = 576;

/**
 * The printer's font A cell: 12×24 dots, so 48 characters fill a line. The preview's bitmap
 * font (font-12x24.ts) has one glyph of this size per byte from fontFirstByte on.
 */
export const fontWidth = 12;
export const fontHeight = 24;
export const fontFirstByte = 0x20;
export const paperColumns = paperDots / fontWidth;
