import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '@luukku/shared/css-props';
import type { RecentCall } from '@luukku/shared';
import { inkOn } from '../colors.js';
import { column, tokens } from '../styles.js';
import { words } from '../words.js';
import { trilingual } from './display-trilingual.js';

/** The calls before the one shown large, newest first: number → desk, one row per number. */
@customElement('display-call-history')
export class DisplayCallHistory extends LitElement {
  static override styles = [
    tokens,
    column,
    css`
      h2 {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .card {
        flex: 1;
        background: var(--paper);
        border-radius: var(--radius-l);
        box-shadow: 0 0.1em 0.6em rgb(20 33 61 / 0.1);
        padding: 0.6em 1.6em;
        overflow: hidden;
      }
      .row {
        display: grid;
        grid-template-columns: 1fr auto 1fr;
        align-items: center;
        border-bottom: 0.1em solid var(--line);
      }
      .head {
        font-size: 1.1em;
        font-weight: 600;
        color: var(--muted);
        padding: 0.5em 0 0.4em;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.15em 0;
        font-size: 3em;
        font-weight: 800;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      li:last-child {
        border-bottom: 0;
      }
      .desk {
        text-align: end;
      }
      .badge {
        display: inline-block;
        min-width: 3.3em;
        text-align: center;
        border-radius: 0.22em;
        padding: 0 0.25em;
      }
      .arrow {
        color: var(--muted);
        font-weight: 600;
        text-align: center;
      }
      .empty {
        font-size: 1.6em;
        color: var(--muted);
        padding: 1em 0;
      }
    `,
  ];

  @property({ attribute: false }) calls: readonly RecentCall[] = [];

  override render() {
    return html`<h2 id="recent">${trilingual(words.recentCalls)}</h2>
      <div class="card">
        ${this.calls.length === 0
          ? html`<p class="empty">${trilingual(words.noCallsYet, 'stacked')}</p>`
          : html`<div class="row head" aria-hidden="true">
                <span>${words.queueNumber.fi}</span><span></span><span class="desk">${words.desk.fi}</span>
              </div>
              <ol aria-labelledby="recent">
                ${repeat(
                  this.calls,
                  (c) => c.number,
                  (c) => html`<li class="row" data-number=${c.number}>
                    <span><span class="badge" style=${cssProps({ background: c.color, color: inkOn(c.color) })}>${c.number}</span></span>
                    <span class="arrow" aria-hidden="true">→</span>
                    <span class="desk"><span class="sr-only">${words.desk.fi} </span>${c.deskName}</span>
                  </li>`,
                )}
              </ol>`}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-call-history': DisplayCallHistory;
  }
}
