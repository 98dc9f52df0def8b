import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { cssProps } from '@luukku/shared/css-props';
import type { LocalizedText, RecentCall } from '@luukku/shared';
import { inkOn } from '../colors.js';
import { column, tokens } from '../styles.js';
import { words } from '../words.js';
import { trilingual } from './display-trilingual.js';

/** The call the lobby should look at now, very large: number → desk, in its agency's colour. */
@customElement('display-featured-call')
export class DisplayFeaturedCall extends LitElement {
  static override styles = [
    tokens,
    column,
    css`
      .live {
        flex: 1;
        display: flex;
        min-height: 0;
      }
      .panel {
        flex: 1;
        display: grid;
        grid-template-columns: auto auto auto;
        grid-template-rows: 1fr auto;
        justify-content: space-evenly;
        align-items: center;
        border-radius: var(--radius-l);
        padding: 1.6em 2.4em;
        box-shadow: 0 0.2em 1.2em rgb(20 33 61 / 0.18);
      }
      .panel.new {
        animation: arrive 1.2s ease-out 2;
      }
      @keyframes arrive {
        0% {
          box-shadow: 0 0 0 0 rgb(20 33 61 / 0.45);
        }
        100% {
          box-shadow: 0 0 0 1.6em rgb(20 33 61 / 0);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .panel.new {
          animation: none;
        }
      }
      .part {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.3em;
        min-width: 0;
      }
      .caption {
        font-size: 1.5em;
        font-weight: 700;
        text-align: center;
        line-height: 1.25;
      }
      .caption .sub {
        font-size: 0.8em;
      }
      .big {
        font-size: 10.5em;
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.02em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .big.long {
        font-size: 6em;
      }
      .arrow {
        font-size: 6em;
        font-weight: 700;
        line-height: 1;
        /* level with the digits, below the captions */
        padding-top: 0.55em;
      }
      .foot {
        grid-column: 1 / -1;
        display: flex;
        justify-content: space-between;
        align-items: center;
        font-size: 1.6em;
        font-weight: 700;
        min-height: 1.6em;
      }
      .recall {
        border: 0.12em solid currentColor;
        border-radius: 0.4em;
        padding: 0.1em 0.6em;
        white-space: nowrap;
      }
      /* on the agency's colour, the quieter languages keep the panel's own text colour */
      .panel .sub {
        color: inherit;
        font-weight: 500;
        font-size: 0.75em;
      }
      /* portrait: the number above the desk, each as wide as the screen allows */
      @media (orientation: portrait) {
        .panel {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto auto auto;
          justify-content: stretch;
          padding: 1.2em 2em;
          gap: 0.4em;
        }
        .big.number {
          font-size: 16em;
        }
        .big.desk {
          font-size: 9em;
        }
        .big.desk.long {
          font-size: 6em;
        }
        .arrow {
          display: none;
        }
        .foot {
          grid-column: 1;
        }
      }
      .idle {
        background: var(--paper);
        color: var(--ink);
        grid-template-columns: 1fr;
        text-align: center;
      }
      .idle p {
        font-size: 3em;
        font-weight: 700;
        line-height: 1.3;
      }
      .idle .sub {
        display: block;
        color: var(--muted);
        font-size: 0.6em;
        line-height: 1.4;
        margin-top: 0.5em;
      }
    `,
  ];

  @property({ attribute: false }) call: RecentCall | null = null;
  @property({ attribute: false }) agencyName: LocalizedText | null = null;
  /** The call is being announced now (it pulses). */
  @property({ type: Boolean }) announcing = false;

  override render() {
    return html`<h2 id="now">${trilingual(words.nowServing)}</h2>
      <div class="live" role="status" aria-live="polite" aria-atomic="true" aria-labelledby="now">
        ${this.call ? keyed(`${this.call.stepId}@${this.call.at}`, this._panel(this.call)) : this._idle()}
      </div>`;
  }

  private _panel(call: RecentCall) {
    const colors = cssProps({ background: call.color, color: inkOn(call.color) });
    return html`<div class="panel ${this.announcing ? 'new' : ''}" style=${colors} data-number=${call.number}>
      <div class="part">
        <p class="caption">${trilingual(words.queueNumber, 'stacked')}</p>
        <p class="big number">${call.number}</p>
      </div>
      <div class="arrow" aria-hidden="true">→</div>
      <div class="part">
        <p class="caption">${trilingual(words.desk, 'stacked')}</p>
        <p class="big desk ${call.deskName.length > 3 ? 'long' : ''}">${call.deskName}</p>
      </div>
      <div class="foot">
        <span>${this.agencyName?.fi ?? ''}</span>
        ${call.recall ? html`<span class="recall">${trilingual(words.calledAgain)}</span>` : nothing}
      </div>
    </div>`;
  }

  private _idle() {
    return html`<div class="panel idle"><p>${trilingual(words.idle, 'stacked')}</p></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-featured-call': DisplayFeaturedCall;
  }
}
