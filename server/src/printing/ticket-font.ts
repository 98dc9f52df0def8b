import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import { fontHeight, fontWidth } from './paper-geometry.js';

/**
 * The preview's stand-in for the printer's font A: DejaVu Sans Mono (from the dejavu-fonts-ttf
 * package), rasterised to the 12×24-dot cell. At 20 px its advance is 12.04 px and its ascent
 * plus descent 23.3 px: one cell.
 */
const fontSize = 20;
const baseline = 19;
/** Samples per dot along each axis; a dot is black when enough of it is covered. */
const oversample = 4;
const blackCoverage = 0.42;

type Point = [number, number];

let font: opentype.Font | undefined;
const glyphs = new Map<string, boolean[]>();

/** The 12×24 dots of one character, row after row; true is black. */
export function glyphDots(ch: string): boolean[] {
  let dots = glyphs.get(ch);
  if (!dots) {
    dots = ch.trim() === '' ? new Array<boolean>(fontWidth * fontHeight).fill(false) : rasterise(ch);
    glyphs.set(ch, dots);
  }
  return dots;
}

function loadFont(): opentype.Font {
  if (!font) {
    const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf');
    const buf = readFileSync(path);
    font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  }
  return font;
}

/** The glyph's coverage of each dot of the cell (non-zero winding), thresholded. */
function rasterise(ch: string): boolean[] {
  const polygons = outline(loadFont().charToGlyph(ch).getPath(0, baseline, fontSize));
  const covered = new Array<number>(fontWidth * fontHeight).fill(0);
  for (let sy = 0; sy < fontHeight * oversample; sy++) {
    const y = (sy + 0.5) / oversample;
    const crossings: { x: number; dir: number }[] = [];
    for (const poly of polygons) {
      for (let i = 0; i < poly.length; i++) {
        const [x0, y0] = poly[i]!;
        const [x1, y1] = poly[(i + 1) % poly.length]!;
        if (y0 <= y && y1 > y) crossings.push({ x: x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), dir: 1 });
        else if (y1 <= y && y0 > y) crossings.push({ x: x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), dir: -1 });
      }
    }
    crossings.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]!.dir;
      if (winding === 0) continue;
      const from = crossings[i]!.x;
      const to = crossings[i + 1]!.x;
      for (let sx = Math.max(0, Math.ceil(from * oversample - 0.5)); sx < fontWidth * oversample; sx++) {
        const x = (sx + 0.5) / oversample;
        if (x >= to) break;
        covered[Math.floor(sy / oversample) * fontWidth + Math.floor(sx / oversample)]!++;
      }
    }
  }
  return covered.map((n) => n / (oversample * oversample) >= blackCoverage);
}

/** The glyph's outline as closed polygons, its curves cut into short straight pieces. */
function outline(path: opentype.Path): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let at: Point = [0, 0];
  const close = () => {
    if (current.length > 1) polygons.push(current);
    current = [];
  };
  for (const c of path.commands) {
    if (c.type === 'M') {
      close();
      current = [[c.x, c.y]];
    } else if (c.type === 'L') {
      current.push([c.x, c.y]);
    } else if (c.type === 'Q') {
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        current.push([u * u * at[0] + 2 * u * t * c.x1 + t * t * c.x, u * u * at[1] + 2 * u * t * c.y1 + t * t * c.y]);
      }
    } else if (c.type === 'C') {
      for (let i = 1; i <= 12; i++) {
        const t = i / 12;
        const u = 1 - t;
        current.push([
          u * u * u * at[0] + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
          u * u * u * at[1] + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
        ]);
      }
    } else if (c.type === 'Z') {
      close();
      continue;
    }
    at = [c.x, c.y];
  }
  close();
  return polygons;
}
