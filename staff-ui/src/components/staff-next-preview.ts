import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { languageInfo, pickText } from '@luukku/shared/i18n';
import type { Agency, WaitingEntry } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';
import { minutesSince } from './hub-day.js';

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

  override render() {
    const t = this.t;
    const e = this.next;
    return html`<section aria-labelledby="next-title" aria-live="polite">
      <h3 id="next-title">${t.nextVisitor}</h3>
      ${e ? this._entry(e) : html`<p class="muted">${t.nobodyWaiting}</p>`}
    </section>`;
  }

  private _entry(e: WaitingEntry) {
    const t = this.t;
    const lang = languageInfo(e.language).native;
    const from = e.referredFrom ? this.agencies.find((a) => a.id === e.referredFrom!.agencyId) : undefined;
    return html`<p class="row">
      <span class="number">${e.number}</span>
      <span>${t.waited(minutesSince(e.queueTime, this.now))}</span>
      <span class="badge" title=${t.visitLanguage}>${t.visitLanguage}: ${lang}</span>
      ${e.needs.interpreter ? html`<span class="badge warn">${t.needs.interpreter(lang)}</span>` : nothing}
      ${e.needs.accessible ? html`<span class="badge warn">${t.needs.accessible}</span>` : nothing}
      ${e.needs.accompanied ? html`<span class="badge">${t.needs.accompanied}</span>` : nothing}
      ${e.referredFrom
        ? html`<span class="badge">${t.referredFrom(from ? pickText(from.name, this.language) : '?', t.reasons[e.referredFrom.reason] ?? '')}</span>`
        : html`<span class="badge">${t.notReferred}</span>`}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-next-preview': StaffNextPreview;
  }
}
