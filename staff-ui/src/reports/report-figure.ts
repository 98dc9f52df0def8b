import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from '../styles.js';

export type TableCell = string | number | null;

let figures = 0;

/**
 * One chart with its heading, a short note, the same figures as a table behind a toggle (the
 * chart's full text alternative) and a CSV download. The chart itself comes in the slot.
 */
@customElement('report-figure')
export class ReportFigure extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: 12px;
        padding: 16px;
        display: grid;
        gap: 10px;
        height: 100%;
        box-sizing: border-box;
        align-content: start;
      }
      h3 {
        font-size: 1.1em;
        margin: 0;
      }
      p {
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
      }
      a {
        color: var(--accent);
        font-weight: 600;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.95em;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 4px;
      }
      th,
      td {
        text-align: start;
        padding: 4px 8px;
        border-bottom: 1px solid var(--line);
        vertical-align: top;
      }
      td.n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property() heading = '';
  @property() note = '';
  /** Link to this report as CSV; none when empty. */
  @property() csvHref = '';
  @property() csvLabel = '';
  @property() showLabel = '';
  @property() hideLabel = '';
  /** The word for "table", naming the table's scroll region apart from the figure. */
  @property() tableLabel = '';
  @property({ attribute: false }) columns: string[] = [];
  @property({ attribute: false }) rows: TableCell[][] = [];
  /** A number in the table, as the page writes numbers. */
  @property({ attribute: false }) format: (n: number) => string = String;
  @state() private _table = false;
  private readonly _id = `report-figure-${++figures}`;

  override render() {
    return html`<section aria-labelledby="${this._id}-h">
      <h3 id="${this._id}-h">${this.heading}</h3>
      ${this.note ? html`<p class="muted">${this.note}</p>` : nothing}
      <slot></slot>
      <div class="actions">
        ${this.columns.length
          ? html`<button aria-expanded=${this._table ? 'true' : 'false'} aria-controls="${this._id}-t" @click=${() => (this._table = !this._table)}>
              ${this._table ? this.hideLabel : this.showLabel}
            </button>`
          : nothing}
        ${this.csvHref ? html`<a href=${this.csvHref} download>${this.csvLabel}</a>` : nothing}
      </div>
      <!-- a wide table scrolls sideways; focusable, so the keyboard can scroll it too -->
      <div class="scroll" id="${this._id}-t" ?hidden=${!this._table} tabindex=${this._table ? '0' : '-1'} role="region" aria-label="${this.heading}: ${this.tableLabel}">
        ${this._table
          ? html`<table>
              <caption>${this.heading}</caption>
              <thead>
                <tr>${this.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr>
              </thead>
              <tbody>
                ${this.rows.map(
                  (r) => html`<tr>
                    ${r.map((v, i) =>
                      i === 0
                        ? html`<th scope="row">${v ?? '–'}</th>`
                        : html`<td class=${typeof v === 'number' ? 'n' : ''}>${v === null ? '–' : typeof v === 'number' ? this.format(v) : v}</td>`,
                    )}
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-figure': ReportFigure;
  }
}
