import { css } from 'lit';
import { token } from '@luukku/shared/tokens';

/** Small helpers the charts share: numbers, scales, colours. No chart library: plain SVG. */

const formats = new Map<string, Intl.NumberFormat>();
/** A number with at most one decimal, in the page's language (11,5 in Finnish). */
export function num(n: number, locale: string): string {
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return f.format(n);
}

/** Ticks at 1, 2 or 5 × 10ⁿ covering 0…max, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

/** Cuts a label to fit a column; the full text goes into the row's <title>. */
export function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`;
}

const hex = (c: string): [number, number, number] => {
  const m = /^#?([0-9a-f]{6})$/i.exec(c);
  const n = m ? parseInt(m[1]!, 16) : 0x555555;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** A colour between `from` and `to` (0…1). */
export function mix(from: string, to: string, t: number): string {
  const a = hex(from);
  const b = hex(to);
  const c = a.map((x, i) => Math.round(x + (b[i]! - x) * Math.min(1, Math.max(0, t))));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Ink that reads on the given fill: paper on dark, ink on light (WCAG relative luminance). */
export function inkOn(fill: string, c: Pick<ChartColors, 'ink' | 'paper'> = chartColors()): string {
  const [r, g, b] = hex(fill).map((x) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return l > 0.22 ? c.ink : c.paper;
}

/**
 * The charts' colours, read from the design tokens on :root when a chart draws (SVG attributes
 * and colour mixing need the values, not var()). One sheet, so a chart and the page around it
 * cannot drift apart.
 */
export function chartColors() {
  return {
    ink: token('--ink'),
    muted: token('--muted'),
    paper: token('--paper'),
    grid: token('--line'),
    bar: token('--accent'),
    barLight: token('--chart-light'),
    warn: token('--chart-warn'),
    empty: token('--wash'),
    cool: token('--chart-cool'),
    hot: token('--chart-hot'),
  };
}
export type ChartColors = ReturnType<typeof chartColors>;

/** What every chart element shares: full width, scalable SVG, a readable legend. */
export const chartStyles = css`
  :host {
    display: block;
    color: var(--ink);
    font-family: var(--font);
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-width: 100%;
    font-size: 13px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    display: inline-block;
    width: 14px;
    height: 14px;
    border-radius: 3px;
    border: 1px solid var(--ink);
  }
`;
