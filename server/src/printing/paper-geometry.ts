/** 80 mm paper at 203 dpi: 576 printable dots across. */
export const paperDots = 576;

/** The printer's font A cell: 12×24 dots, so 48 characters fill a line. */
export const fontWidth = 12;
export const fontHeight = 24;
export const paperColumns = paperDots / fontWidth;
/** The printer's default line spacing, 1/6 inch at 180 dpi as Epson counts it. */
export const lineSpacing = 30;
