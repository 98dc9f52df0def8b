import { LitElement, html, nothing, svg } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { customElement, property } from 'lit/decorators.js';
import { chartColors, chartStyles, clip, niceTicks, num } from './chart-utils.js';

export interface BarRow {
  label: string;
  /** The main bar (a median, a count). */
  value: number | null;
  /** A lighter extension after the main bar up to this value (a 90th percentile). */
  upTo?: number | null;
  /** A second segment stacked after the main bar, in the warning colour (no-shows). */
  stacked?: number;
  /** A target line across this row. */
  marker?: number | null;
  /** What the row says after its bar. */
  text: string;
  /** A stripe before the bar in this colour (the agency's). */
  color?: string;
}

export interface LegendItem {
  label: string;
  kind: 'bar' | 'light' | 'warn' | 'marker';
}

const width = 680;
const labelWidth = 200;
const textWidth = 180;
const axisHeight = 24;
const rowHeight = 30;
const x0 = labelWidth + 12;
const barWidth = width - x0 - textWidth - 10;

/** Horizontal bars, one row per thing, with an optional lighter extension and target line. */
@customElement('report-bars')
export class ReportBars extends LitElement {
  static override styles = chartStyles;

  @property({ attribute: false }) rows: BarRow[] = [];
  /** The chart's text alternative: what it shows, in one or two sentences. */
  @property() label = '';
  @property({ attribute: false }) legend: LegendItem[] = [];
  /** Appended to the axis numbers, e.g. "min". */
  @property() unit = '';
  @property() locale = 'fi-FI';

  override render() {
    const c = chartColors();
    const rows = this.rows;
    const max = Math.max(1, ...rows.map((r) => Math.max((r.value ?? 0) + (r.stacked ?? 0), r.upTo ?? 0, r.marker ?? 0)));
    const ticks = niceTicks(max);
    const top = ticks.at(-1)!;
    const x = (v: number) => x0 + (v / top) * barWidth;
    const height = axisHeight + rows.length * rowHeight + 6;
    return html`<svg viewBox="0 0 ${width} ${height}" style=${cssProps({ 'max-width': `${width}px` })} role="img" aria-label=${this.label}>
        ${ticks.map(
          (t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${axisHeight - 4} y2=${height} stroke=${c.grid} />
            <text x=${x(t)} y=${axisHeight - 9} text-anchor="middle" fill=${c.muted}>${num(t, this.locale)}${this.unit ? ` ${this.unit}` : ''}</text>`,
        )}
        ${rows.map((r, i) => {
          const y = axisHeight + i * rowHeight;
          const mid = y + rowHeight / 2;
          const value = r.value ?? 0;
          return svg`<g>
            <title>${r.label}: ${r.text}</title>
            <text x=${labelWidth} y=${mid + 4} text-anchor="end" fill=${c.ink}>${clip(r.label, 28)}</text>
            ${r.upTo ? svg`<rect x=${x0} y=${y + 7} width=${Math.max(0, x(r.upTo) - x0)} height=${rowHeight - 14} rx="2" fill=${c.barLight} />` : nothing}
            ${r.color ? svg`<rect x=${labelWidth + 4} y=${y + 5} width="4" height=${rowHeight - 10} fill=${r.color} />` : nothing}
            <rect x=${x0} y=${y + 7} width=${Math.max(0, x(value) - x0)} height=${rowHeight - 14} rx="2" fill=${c.bar} />
            ${r.stacked ? svg`<rect x=${x(value)} y=${y + 7} width=${Math.max(0, x(value + r.stacked) - x(value))} height=${rowHeight - 14} fill=${c.warn} />` : nothing}
            ${r.marker ? svg`<line x1=${x(r.marker)} x2=${x(r.marker)} y1=${y + 2} y2=${y + rowHeight - 2} stroke=${c.ink} stroke-width="2.5" stroke-dasharray="4 3" />` : nothing}
            <text x=${x0 + barWidth + 10} y=${mid + 4} fill=${c.ink}>${r.text}</text>
          </g>`;
        })}
      </svg>
      ${this.legend.length
        ? html`<ul class="legend" aria-hidden="true">
            ${this.legend.map((l) => html`<li>${this._swatch(l.kind)}${l.label}</li>`)}
          </ul>`
        : nothing}`;
  }

  private _swatch(kind: LegendItem['kind']) {
    const c = chartColors();
    if (kind === 'marker') {
      return html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><line x1="7" x2="7" y1="0" y2="14" stroke=${c.ink} stroke-width="2.5" stroke-dasharray="4 3" /></svg>`;
    }
    const fill = kind === 'bar' ? c.bar : kind === 'light' ? c.barLight : c.warn;
    return html`<span class="swatch" style=${cssProps({ background: fill })}></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-bars': ReportBars;
  }
}
