import { LitElement, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { encode } from 'uqr';

/** A QR code as one SVG path: crisp at any size, and labelled for screen readers. */
@customElement('kiosk-qr')
export class KioskQr extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      background: #fff;
      padding: 12px;
      border-radius: 8px;
    }
    svg {
      display: block;
      width: var(--qr-size, 220px);
      height: var(--qr-size, 220px);
    }
  `;

  @property() value = '';
  @property() label = '';

  override render() {
    const { data } = encode(this.value, { ecc: 'M', border: 1 });
    let d = '';
    data.forEach((row, y) => row.forEach((on, x) => (d += on ? `M${x} ${y}h1v1h-1z` : '')));
    const n = data.length;
    return svg`<svg viewBox="0 0 ${n} ${n}" role="img" aria-label=${this.label} shape-rendering="crispEdges">
      <rect width=${n} height=${n} fill="#fff"/><path d=${d} fill="#000"/></svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-qr': KioskQr;
  }
}
