import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Schedule } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminMessages } from './i18n.js';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof days)[number];

/**
 * Opening hours: one period per weekday, pop-up or extra days with their hours, and closed
 * days (holidays). The form reads the current value through `value`.
 */
@customElement('admin-schedule')
export class AdminSchedule extends LitElement {
  static override styles = [
    base,
    css`
      table {
        border-collapse: collapse;
      }
      td,
      th {
        padding: 2px 6px;
        text-align: start;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 8px;
        display: grid;
        gap: 6px;
      }
    `,
  ];

  @property({ attribute: false }) t!: AdminMessages;
  @property({ attribute: false }) schedule: Schedule = { weekly: {}, dates: [], closed: [] };
  /** The hub's time zone: "today" is the hub's today, whatever the admin's computer says. */
  @property() timeZone = 'Europe/Helsinki';
  @state() private _s: Schedule = { weekly: {}, dates: [], closed: [] };

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('schedule')) this._s = structuredClone(this.schedule);
  }

  get value(): Schedule {
    return this._s;
  }

  override render() {
    const t = this.t;
    return html`<fieldset>
        <legend>${t.weekly}</legend>
        <table>
          <thead><tr><th></th><th>${t.from}</th><th>${t.to}</th></tr></thead>
          <tbody>
            ${days.map((d, i) => {
              const h = this._s.weekly[d]?.[0];
              return html`<tr>
                <th scope="row">${t.weekdays[i]}</th>
                <td><input type="text" inputmode="numeric" placeholder="09:00" pattern="([01][0-9]|2[0-3]):[0-5][0-9]" aria-label=${`${t.weekdays[i]} ${t.from}`} .value=${h?.from ?? ''} @change=${(e: Event) => this._setDay(d, 'from', (e.target as HTMLInputElement).value)} /></td>
                <td><input type="text" inputmode="numeric" placeholder="16:00" pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00" aria-label=${`${t.weekdays[i]} ${t.to}`} .value=${h?.to ?? ''} @change=${(e: Event) => this._setDay(d, 'to', (e.target as HTMLInputElement).value)} /></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>${t.popupDays}</legend>
        ${this._s.dates.map(
          (d, i) => html`<div class="row">
            <input type="date" aria-label=${t.date} .value=${d.date} @change=${(e: Event) => this._editDate(i, { date: (e.target as HTMLInputElement).value })} />
            <input type="text" inputmode="numeric" placeholder="09:00" aria-label=${t.from} .value=${d.hours[0]?.from ?? ''} @change=${(e: Event) => this._editDate(i, { from: (e.target as HTMLInputElement).value })} />
            <input type="text" aria-label=${t.to} .value=${d.hours[0]?.to ?? ''} @change=${(e: Event) => this._editDate(i, { to: (e.target as HTMLInputElement).value })} />
            <button type="button" @click=${() => this._update({ dates: this._s.dates.filter((_, j) => j !== i) })}>${t.remove}</button>
          </div>`,
        )}
        <button type="button" @click=${this._addDate}>${t.addDay}</button>
      </fieldset>
      <fieldset>
        <legend>${t.closedDays}</legend>
        ${this._s.closed.map(
          (d, i) => html`<div class="row">
            <input type="date" aria-label=${t.date} .value=${d} @change=${(e: Event) => this._update({ closed: this._s.closed.map((c, j) => (j === i ? (e.target as HTMLInputElement).value : c)) })} />
            <button type="button" @click=${() => this._update({ closed: this._s.closed.filter((_, j) => j !== i) })}>${t.remove}</button>
          </div>`,
        )}
        <button type="button" @click=${() => this._update({ closed: [...this._s.closed, this._today()] })}>${t.addDay}</button>
      </fieldset>`;
  }

  private _update(patch: Partial<Schedule>) {
    this._s = { ...this._s, ...patch };
  }

  private _setDay(day: Day, end: 'from' | 'to', value: string) {
    const current = this._s.weekly[day]?.[0] ?? { from: '', to: '' };
    const next = { ...current, [end]: value };
    const weekly = { ...this._s.weekly };
    if (!next.from && !next.to) delete weekly[day];
    else weekly[day] = [next];
    this._update({ weekly });
  }

  private _editDate(i: number, patch: { date?: string; from?: string; to?: string }) {
    this._update({
      dates: this._s.dates.map((d, j) =>
        j === i ? { date: patch.date ?? d.date, hours: [{ from: patch.from ?? d.hours[0]?.from ?? '09:00', to: patch.to ?? d.hours[0]?.to ?? '15:00' }] } : d,
      ),
    });
  }

  private _today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  }

  private _addDate = () => {
    const today = this._today();
    this._update({ dates: [...this._s.dates, { date: today, hours: [{ from: '09:00', to: '15:00' }] }] });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-schedule': AdminSchedule;
  }
}
