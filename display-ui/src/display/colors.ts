function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text colour on an agency's colour: white where it reads well (WCAG AA, 4.5:1), else near
 * black. The demo colours are all dark enough for white; a coordinator may pick a light one.
 */
export function inkOn(color: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return '#ffffff';
  return 1.05 / (luminance(color) + 0.05) >= 4.5 ? '#ffffff' : '#111827';
}
