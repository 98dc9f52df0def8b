import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MyDay } from '@luukku/shared';
import type { StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';

/** "My day": how many this user served today, their average time, and how many they referred on. */
@customElement('staff-my-day')
export class StaffMyDay extends LitElement {
  static override styles = [
    base,
    css`
      dl {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-4);
        margin: 0;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        font-size: var(--text-l);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property({ attribute: false }) day: MyDay | null = null;

  override render() {
    const t = this.t;
    const d = this.day;
    return html`<h2 id="my-day-title">${t.myDay}</h2>
      <dl>
        <div><dt>${t.served}</dt><dd data-figure="served">${d ? d.served : '–'}</dd></div>
        <div><dt>${t.averageTime}</dt><dd data-figure="average">${d?.averageMin != null ? t.minutes(d.averageMin) : '–'}</dd></div>
        <div><dt>${t.referredOn}</dt><dd data-figure="referred">${d ? d.referred : '–'}</dd></div>
      </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-my-day': StaffMyDay;
  }
}
