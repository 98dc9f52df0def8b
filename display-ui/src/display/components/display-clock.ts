import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from '../styles.js';

const time = new Intl.DateTimeFormat('fi-FI', { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat('fi-FI', { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' });

/** The time, large, and today's date beneath it (Finnish: 14.05, tiistai 3.6.2025). */
@customElement('display-clock')
export class DisplayClock extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        color: inherit;
      }
      time {
        font-size: 3.4em;
        font-weight: 700;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }
      p {
        font-size: 1.2em;
        color: var(--night-muted);
        margin-top: 0.2em;
      }
    `,
  ];

  @property({ attribute: false }) now = new Date();

  override render() {
    return html`<time datetime=${this.now.toISOString()}>${time.format(this.now)}</time>
      <p>${day.format(this.now)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-clock': DisplayClock;
  }
}
