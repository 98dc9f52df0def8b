import { LitElement, html, svg } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { customElement, property } from 'lit/decorators.js';
import { chartColors, chartStyles, clip, num } from './chart-utils.js';
import type { FlowNode, FlowPair } from './report-matrix.js';

const width = 640;
const nodeWidth = 14;
const leftX = 200;
const rightX = width - 200 - nodeWidth;
const gap = 12;
const pad = 10;

interface Placed {
  node: FlowNode;
  y: number;
  height: number;
  total: number;
}

/**
 * Referrals as a flow diagram: sending agencies on the left, receiving on the right, a band
 * for each pair as thick as its count (e.g. Kela → rental housing: 37).
 */
@customElement('report-flow')
export class ReportFlow extends LitElement {
  static override styles = chartStyles;

  @property({ attribute: false }) agencies: FlowNode[] = [];
  @property({ attribute: false }) pairs: FlowPair[] = [];
  @property() label = '';
  @property() locale = 'fi-FI';

  override render() {
    const c = chartColors();
    const pairs = this.pairs.filter((p) => p.referrals > 0);
    const total = pairs.reduce((n, p) => n + p.referrals, 0);
    const side = (key: 'fromAgencyId' | 'toAgencyId') =>
      this.agencies
        .map((node) => ({ node, total: pairs.filter((p) => p[key] === node.id).reduce((n, p) => n + p.referrals, 0) }))
        .filter((x) => x.total > 0)
        .sort((a, b) => b.total - a.total);
    const lefts = side('fromAgencyId');
    const rights = side('toAgencyId');
    const rows = Math.max(lefts.length, rights.length);
    const height = Math.max(220, rows * 46);
    // one scale for both sides, so a band is as thick at both ends
    const scale = (height - 2 * pad - gap * (rows - 1)) / Math.max(1, total);
    const place = (list: { node: FlowNode; total: number }[]): Placed[] => {
      const used = list.reduce((n, x) => n + x.total * scale, 0) + gap * (list.length - 1);
      let y = pad + (height - 2 * pad - used) / 2;
      return list.map((x) => {
        const p = { ...x, y, height: x.total * scale };
        y += p.height + gap;
        return p;
      });
    };
    const L = place(lefts);
    const R = place(rights);
    const outUsed = new Map<number, number>();
    const inUsed = new Map<number, number>();
    const order = (id: number, list: Placed[]) => list.findIndex((p) => p.node.id === id);
    const bands = [...pairs]
      .sort((a, b) => order(a.fromAgencyId, L) - order(b.fromAgencyId, L) || order(a.toAgencyId, R) - order(b.toAgencyId, R))
      .map((p) => {
        const from = L.find((x) => x.node.id === p.fromAgencyId)!;
        const to = R.find((x) => x.node.id === p.toAgencyId)!;
        const h = p.referrals * scale;
        const y0 = from.y + (outUsed.get(from.node.id) ?? 0);
        outUsed.set(from.node.id, (outUsed.get(from.node.id) ?? 0) + h);
        return { p, from, to, h, y0, y1: 0 };
      });
    // incoming ends are stacked in the order of the senders, so bands do not cross at the node
    for (const b of [...bands].sort((a, b2) => order(a.p.fromAgencyId, L) - order(b2.p.fromAgencyId, L))) {
      b.y1 = b.to.y + (inUsed.get(b.to.node.id) ?? 0);
      inUsed.set(b.to.node.id, (inUsed.get(b.to.node.id) ?? 0) + b.h);
    }
    const xa = leftX + nodeWidth;
    const xb = rightX;
    const xm = (xa + xb) / 2;
    return html`<svg viewBox="0 0 ${width} ${height}" style=${cssProps({ 'max-width': `${width}px` })} role="img" aria-label=${this.label}>
      ${bands.map(
        (b) => svg`<g>
          <title>${b.from.node.name} → ${b.to.node.name}: ${b.p.referrals}</title>
          <path d="M${xa},${b.y0} C${xm},${b.y0} ${xm},${b.y1} ${xb},${b.y1} L${xb},${b.y1 + b.h} C${xm},${b.y1 + b.h} ${xm},${b.y0 + b.h} ${xa},${b.y0 + b.h} Z"
            fill=${b.from.node.color} fill-opacity="0.42" stroke=${b.from.node.color} stroke-opacity="0.7" stroke-width="0.6" />
          ${b.h >= 14 ? svg`<text x=${xa + 6} y=${b.y0 + b.h / 2 + 4} font-weight="700" fill=${c.ink} paint-order="stroke" stroke=${c.paper} stroke-width="3">${num(b.p.referrals, this.locale)}</text>` : ''}
        </g>`,
      )}
      ${L.map(
        (n) => svg`<rect x=${leftX} y=${n.y} width=${nodeWidth} height=${Math.max(2, n.height)} fill=${n.node.color} />
          <text x=${leftX - 8} y=${n.y + n.height / 2 + 4} text-anchor="end" fill=${c.ink}>${clip(n.node.name, 20)} (${num(n.total, this.locale)})</text>`,
      )}
      ${R.map(
        (n) => svg`<rect x=${rightX} y=${n.y} width=${nodeWidth} height=${Math.max(2, n.height)} fill=${n.node.color} />
          <text x=${rightX + nodeWidth + 8} y=${n.y + n.height / 2 + 4} fill=${c.ink}>${clip(n.node.name, 20)} (${num(n.total, this.locale)})</text>`,
      )}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-flow': ReportFlow;
  }
}
