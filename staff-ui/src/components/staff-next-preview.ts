import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Agency, WaitingEntry } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { minutesSince } from './hub-day.js';
import { appointmentBadge, visitorBadges } from './visitor-badges.js';

/**
 * Who "call next" would call, before calling: language, needs, whether they were referred
 * (and from which agency), and how long they have waited. The desk's own lines only.
 */
@customElement('staff-next-preview')
export class StaffNextPreview extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        border: 1px dashed var(--line);
        border-radius: var(--radius-s);
        padding: var(--space-2) var(--space-3);
      }
      .number {
        font-size: var(--text-l);
        font-weight: 800;
        margin-inline-end: var(--space-2);
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language: StaffLang = 'fi';
  @property({ attribute: false }) next: WaitingEntry | null = null;
  @property({ attribute: false }) agencies: Agency[] = [];
  @property({ type: Number }) now = Date.now();
  @property() timeZone = 'Europe/Helsinki';

  override render() {
    const t = this.t;
    const e = this.next;
    return html`<section aria-labelledby="next-title" aria-live="polite">
      <h3 id="next-title">${t.nextVisitor}</h3>
      ${e ? this._entry(e) : html`<p class="muted">${t.nobodyWaiting}</p>`}
    </section>`;
  }

  private _entry(e: WaitingEntry) {
    return html`<p class="row">
      <span class="number">${e.number}</span>
      <span>${this.t.waited(minutesSince(e.queueTime, this.now))}</span>
      ${appointmentBadge(this.t, this.language, e, this.now, this.timeZone)} ${visitorBadges(this.t, this.language, e, this.agencies, true)}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-next-preview': StaffNextPreview;
  }
}
