import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '@luukku/shared/css-props';
import type { AgencyLine } from '../data/call-history.js';
import { tokens } from '../styles.js';
import { words } from '../words.js';
import { trilingual } from './display-trilingual.js';

/** How many wait for each agency, and about how long: agency names only, never services. */
@customElement('display-queue-summary')
export class DisplayQueueSummary extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.6em;
      }
      h2 {
        font-size: 1.25em;
        font-weight: 700;
      }
      h2 .sub {
        font-size: 0.8em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: minmax(0, 1fr);
        gap: 0.8em;
      }
      /* portrait: two rows of agencies instead of one row too narrow to read */
      @media (orientation: portrait) {
        ul {
          grid-auto-flow: row;
          grid-template-columns: repeat(4, minmax(0, 1fr));
        }
      }
      li {
        background: var(--paper);
        border-radius: 0.6em;
        border-top: 0.5em solid var(--agency);
        padding: 0.5em 0.75em 0.6em;
        box-shadow: 0 0.1em 0.5em rgb(20 33 61 / 0.08);
        min-width: 0;
      }
      .name {
        font-size: 1.05em;
        overflow-wrap: break-word;
        font-weight: 700;
        line-height: 1.2;
        height: 2.4em;
        overflow: hidden;
      }
      .name-sv {
        font-size: 0.95em;
        color: var(--muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        min-height: 1.3em;
      }
      .count {
        display: flex;
        align-items: baseline;
        gap: 0.35em;
        font-size: 1.05em;
        color: var(--muted);
        margin-top: 0.2em;
      }
      .count strong {
        font-size: 2.3em;
        color: var(--ink);
        font-variant-numeric: tabular-nums;
        line-height: 1.05;
      }
      .estimate {
        font-size: 1em;
        color: var(--muted);
        white-space: nowrap;
      }
      .estimate strong {
        color: var(--ink);
      }
    `,
  ];

  @property({ attribute: false }) lines: readonly AgencyLine[] = [];

  override render() {
    return html`<h2 id="queues">${trilingual(words.queues)}</h2>
      <ul aria-labelledby="queues">
        ${repeat(
          this.lines,
          (l) => l.id,
          (l) => html`<li style=${cssProps({ '--agency': l.color })}>
            <p class="name">${l.name.fi}</p>
            <p class="name-sv" lang="sv">${l.name.sv && l.name.sv !== l.name.fi ? l.name.sv : ''}</p>
            <p class="count"><strong>${l.waiting}</strong> ${words.waiting.fi}</p>
            <p class="estimate">
              ${l.waiting > 0 ? html`${words.estimate.fi} <strong>~${l.estimateMin} min</strong>` : words.noQueue.fi}
            </p>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-queue-summary': DisplayQueueSummary;
  }
}
