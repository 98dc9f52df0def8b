/**
 * Where a visitor in a wheelchair can reach (EN 301 549 §8.3 / ISO 21542: operable parts
 * between 380 mm and 1,220 mm from the floor), as a band of the kiosk's screen in CSS pixels.
 *
 * The model. A kiosk does not know how it is mounted, so we model the two kinds hubs buy:
 * - A floor-standing 43" kiosk (the shorter side of its picture is 1,000 px or more): a
 *   16:9 panel of 0.496 mm a pixel (535 mm for 1080 px), its picture's lower edge 700 mm from
 *   the floor. Portrait 1080×1920: the picture spans 700–1,652 mm, so a control must lie in
 *   the lower 1,048 px (top ≥ 872 px, the lower 55 %). Landscape 1920×1080: 700–1,236 mm, so
 *   all but the top 32 px.
 * - A 10" tablet on a stand (shorter side under 1,000 px): a 16:10 panel of 0.170 mm a pixel
 *   (217 mm for 1280 px), its lower edge 900 mm from the floor. Portrait 800×1280 spans
 *   900–1,117 mm and landscape 1280×800 900–1,036 mm: the whole picture is in reach.
 * No modelled picture reaches below 380 mm, so the band's lower edge is the screen's.
 */
export const reach = { lowMm: 380, highMm: 1220 } as const;

export interface Mount {
  /** Millimetres a CSS pixel spans on the panel. */
  mmPerPx: number;
  /** Height of the picture's lower edge above the floor. */
  bottomMm: number;
}

export function mountFor(width: number, height: number): Mount {
  return Math.min(width, height) >= 1000 ? { mmPerPx: 0.496, bottomMm: 700 } : { mmPerPx: 0.17, bottomMm: 900 };
}

/** The band of the viewport, in CSS pixels from its top, whose controls a seated visitor reaches. */
export function reachBand(width: number, height: number): { top: number; bottom: number } {
  const { mmPerPx, bottomMm } = mountFor(width, height);
  const pxFromBottom = (mm: number) => (mm - bottomMm) / mmPerPx;
  const top = Math.max(0, height - pxFromBottom(reach.highMm));
  const bottom = Math.min(height, height - pxFromBottom(reach.lowMm));
  return { top: Math.ceil(top), bottom: Math.floor(bottom) };
}
