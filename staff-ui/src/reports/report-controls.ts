import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import type { Agency } from '@luukku/shared';
import { base } from '../styles.js';
import type { ReportMessages } from './i18n.js';
import { addDays, mondayOf, type PeriodChoice, type PeriodMode } from './reports-data.js';

const modes: PeriodMode[] = ['day', 'week', 'range'];

export interface ReportControlsEvents {
  /** The reader chose another period or agency (null: the whole hub, or all of theirs). */
  'report-choose': { period: PeriodChoice; agency: number | null };
}

/** The reports page's controls: day, week or range, and (for admins or staff of several) the agency. */
@customElement('report-controls')
export class ReportControls extends LitElement {
  static override styles = [
    base,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-4);
        align-items: end;
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: var(--radius-m);
        padding: var(--space-2) var(--space-3);
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        gap: var(--space-1);
        flex-wrap: wrap;
        align-items: center;
      }
      legend {
        font-weight: 600;
        padding: 0 0 var(--space-1);
      }
      .mode {
        display: inline-flex;
        flex-direction: row;
        align-items: center;
        gap: var(--space-1);
        font-weight: 400;
        border: 2px solid var(--line);
        border-radius: var(--radius-s);
        padding: var(--space-1) var(--space-3);
        min-height: 40px;
        box-sizing: border-box;
        cursor: pointer;
      }
      .mode:has(input:checked) {
        border-color: var(--accent);
        background: var(--accent-wash);
        font-weight: 600;
      }
      .mode input {
        min-height: auto;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) t!: ReportMessages;
  @property({ attribute: false }) period!: PeriodChoice;
  /** Today in the hub, YYYY-MM-DD: no later day can be chosen. */
  @property() today = '';
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ attribute: false }) agency: number | null = null;
  /** Admins choose among all agencies and see "the whole hub" as the default. */
  @property({ type: Boolean }) admin = false;
  @property({ attribute: false }) agencyName: (a: Agency) => string = (a) => a.name.fi;

  override render() {
    const t = this.t;
    const p = this.period;
    const today = this.today;
    const set = (change: Partial<PeriodChoice>) => this._choose({ ...p, ...change }, this.agency);
    const dateInput = (label: string, value: string, onChange: (v: string) => void, min?: string) =>
      html`<label
        >${label}
        <input type="date" .value=${value} max=${today} min=${min ?? ''} required @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (v) onChange(v);
        }}
      /></label>`;
    const step = p.mode === 'day' ? 1 : 7;
    const canPick = this.admin || this.agencies.length > 1;
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${t.period}</legend>
        ${modes.map(
          (m) => html`<label class="mode"
            ><input type="radio" name="mode" value=${m} .checked=${p.mode === m} @change=${() => set({ mode: m })} />${t.modes[m]}</label
          >`,
        )}
      </fieldset>
      ${p.mode === 'range'
        ? html`${dateInput(t.from, p.from, (v) => set({ from: v, to: v > p.to ? v : p.to }))}
          ${dateInput(t.to, p.to, (v) => set({ to: v, from: v < p.from ? v : p.from }), p.from)}`
        : html`${dateInput(p.mode === 'day' ? t.day : t.weekOf, p.day, (v) => set({ day: v }))}
            <div class="row">
              <button type="button" @click=${() => set({ day: addDays(p.day, -step) })}>${t.previous}</button>
              <button type="button" ?disabled=${(p.mode === 'day' ? addDays(p.day, 1) : mondayOf(addDays(p.day, 7))) > today} @click=${() => set({ day: addDays(p.day, step) })}>${t.next}</button>
            </div>`}
      ${canPick
        ? html`<label
            >${t.agency}
            <select @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              this._choose(p, v === '' ? null : Number(v));
            }}>
              <option value="" ?selected=${this.agency === null}>${this.admin ? t.wholeHub : t.allMine}</option>
              ${this.agencies.map((a) => html`<option value=${a.id} ?selected=${this.agency === a.id}>${this.agencyName(a)}</option>`)}
            </select></label
          >`
        : nothing}
    </form>`;
  }

  private _choose(period: PeriodChoice, agency: number | null) {
    emit<ReportControlsEvents>(this, 'report-choose', { period, agency });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-controls': ReportControls;
  }
  interface HTMLElementEventMap {
    'report-choose': CustomEvent<ReportControlsEvents['report-choose']>;
  }
}
