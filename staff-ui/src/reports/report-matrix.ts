import { LitElement, html, svg } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { customElement, property } from 'lit/decorators.js';
import { chartColors, chartStyles, clip, inkOn, mix, num } from './chart-utils.js';

export interface FlowNode {
  id: number;
  name: string;
  color: string;
}

export interface FlowPair {
  fromAgencyId: number;
  toAgencyId: number;
  referrals: number;
}

const left = 190;
const cell = 58;
const headerHeight = 130;

/** Referrals as a from → to matrix: sending agencies down, receiving agencies across. */
@customElement('report-matrix')
export class ReportMatrix extends LitElement {
  static override styles = chartStyles;

  @property({ attribute: false }) agencies: FlowNode[] = [];
  @property({ attribute: false }) pairs: FlowPair[] = [];
  @property() label = '';
  @property() fromLabel = '';
  @property() toLabel = '';
  @property() locale = 'fi-FI';

  override render() {
    const c = chartColors();
    const froms = this.agencies.filter((a) => this.pairs.some((p) => p.fromAgencyId === a.id));
    const tos = this.agencies.filter((a) => this.pairs.some((p) => p.toAgencyId === a.id));
    const max = Math.max(1, ...this.pairs.map((p) => p.referrals));
    const count = (f: number, t: number) => this.pairs.find((p) => p.fromAgencyId === f && p.toAgencyId === t)?.referrals ?? 0;
    // room on the right for the last slanted column name
    const width = left + tos.length * cell + 110;
    const height = headerHeight + froms.length * cell + 10;
    return html`<svg viewBox="0 0 ${width} ${height}" style=${cssProps({ 'max-width': `${width}px` })} role="img" aria-label=${this.label}>
      <text x=${left - 10} y=${headerHeight - 8} text-anchor="end" fill=${c.muted}>${this.fromLabel} ↓ · ${this.toLabel} →</text>
      ${tos.map((a, i) => {
        const x = left + i * cell + cell / 2;
        return svg`<text transform="translate(${x + 4} ${headerHeight - 8}) rotate(-50)" fill=${c.ink}>${clip(a.name, 18)}<title>${a.name}</title></text>`;
      })}
      ${froms.map((f, row) => {
        const y = headerHeight + row * cell;
        return svg`<rect x=${left - 6} y=${y + 4} width="4" height=${cell - 8} fill=${f.color} />
          <text x=${left - 12} y=${y + cell / 2 + 4} text-anchor="end" fill=${c.ink}>${clip(f.name, 24)}<title>${f.name}</title></text>
          ${tos.map((t, col) => {
            const n = count(f.id, t.id);
            // the diagonal: referrals between two services of one agency; white when there are none
            const fill = n > 0 ? mix(c.cool, c.hot, Math.sqrt(n / max)) : f.id === t.id ? c.paper : c.empty;
            const x = left + col * cell;
            return svg`<g>
              <title>${f.name} → ${t.name}: ${n}</title>
              <rect x=${x + 2} y=${y + 2} width=${cell - 4} height=${cell - 4} rx="4" fill=${fill} stroke=${f.id === t.id && n === 0 ? c.grid : 'none'} />
              ${n > 0 ? svg`<text x=${x + cell / 2} y=${y + cell / 2 + 5} text-anchor="middle" font-size="15" font-weight="700" fill=${inkOn(fill, c)}>${num(n, this.locale)}</text>` : ''}
            </g>`;
          })}`;
      })}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-matrix': ReportMatrix;
  }
}
