import { LitElement, html, svg } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { customElement, property } from 'lit/decorators.js';
import { chartColors, chartStyles, inkOn, mix, num } from './chart-utils.js';

export interface HeatCell {
  weekday: number;
  hour: number;
  visits: number;
}

const left = 110;
const top = 26;
const cellWidth = 54;
const cellHeight = 34;

/** Arrivals as a heat map: weekdays down, hours across, darker = more visits. */
@customElement('report-heatmap')
export class ReportHeatmap extends LitElement {
  static override styles = chartStyles;

  @property({ attribute: false }) cells: HeatCell[] = [];
  /** Rows to draw, 1 = Monday. */
  @property({ attribute: false }) weekdays: number[] = [1, 2, 3, 4, 5];
  /** Names of Monday … Sunday. */
  @property({ attribute: false }) weekdayNames: string[] = [];
  @property({ type: Number }) firstHour = 8;
  @property({ type: Number }) lastHour = 16;
  @property() label = '';
  @property() fewer = '';
  @property() more = '';
  @property() locale = 'fi-FI';

  override render() {
    const c = chartColors();
    const hours = Array.from({ length: this.lastHour - this.firstHour + 1 }, (_, i) => this.firstHour + i);
    const max = Math.max(1, ...this.cells.map((x) => x.visits));
    const value = (w: number, h: number) => this.cells.find((x) => x.weekday === w && x.hour === h)?.visits ?? 0;
    const fill = (v: number) => (v === 0 ? c.empty : mix(c.cool, c.hot, Math.sqrt(v / max)));
    const width = left + hours.length * cellWidth + 4;
    const height = top + this.weekdays.length * cellHeight + 4;
    return html`<svg viewBox="0 0 ${width} ${height}" style=${cssProps({ 'max-width': `${width}px` })} role="img" aria-label=${this.label}>
        ${hours.map((h, i) => svg`<text x=${left + i * cellWidth + cellWidth / 2} y=${top - 9} text-anchor="middle" fill=${c.muted}>${String(h).padStart(2, '0')}</text>`)}
        ${this.weekdays.map((w, row) => {
          const y = top + row * cellHeight;
          return svg`<text x=${left - 10} y=${y + cellHeight / 2 + 4} text-anchor="end" fill=${c.ink}>${this.weekdayNames[w - 1] ?? w}</text>
            ${hours.map((h, i) => {
              const v = value(w, h);
              const f = fill(v);
              return svg`<g>
                <title>${this.weekdayNames[w - 1] ?? w} ${String(h).padStart(2, '0')}–${String(h + 1).padStart(2, '0')}: ${v}</title>
                <rect x=${left + i * cellWidth + 1} y=${y + 1} width=${cellWidth - 2} height=${cellHeight - 2} rx="3" fill=${f} />
                ${v > 0 ? svg`<text x=${left + i * cellWidth + cellWidth / 2} y=${y + cellHeight / 2 + 4} text-anchor="middle" fill=${inkOn(f, c)}>${num(v, this.locale)}</text>` : ''}
              </g>`;
            })}`;
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>${this.fewer}</li>
        ${[0.05, 0.3, 0.6, 1].map((t) => html`<li><span class="swatch" style=${cssProps({ background: mix(c.cool, c.hot, Math.sqrt(t)) })}></span></li>`)}
        <li>${this.more}</li>
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-heatmap': ReportHeatmap;
  }
}
