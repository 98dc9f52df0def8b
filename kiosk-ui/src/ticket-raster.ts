import { languageInfo } from '@luukku/shared/i18n';

/**
 * Draws the visitor-language lines of the ticket as a black-on-white PNG, 576 dots wide (80 mm
 * paper), for scripts thermal printers have no code page for. The browser shapes Arabic and
 * Persian right to left correctly, which a printer's font cannot.
 */
export function renderTicketLines(lines: readonly string[], lang: string): string | null {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const width = 576;
  const lineHeight = 40;
  canvas.width = width;
  canvas.height = lines.length * lineHeight + 16;
  const rtl = languageInfo(lang).dir === 'rtl';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = '28px "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, width / 2, 8 + i * lineHeight, width - 16));
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
