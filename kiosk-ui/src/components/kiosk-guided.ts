import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KioskMenu, Needs } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { pictogram } from '../pictograms.js';
import { emit } from '@luukku/shared/emit';
import { base, screen } from '../styles.js';

export type GuidedStep = 'situation' | 'needs' | 'suggestion';

export interface Suggestion {
  /** Services in visiting order; empty means Guidance. */
  services: { id: number; label: string }[];
  /** Suggested services served by appointment only: how to book each, no number. */
  byAppointment?: { id: number; label: string; bookingInfo: string }[];
}

export interface KioskGuidedEvents {
  'toggle-answer': number;
  'toggle-need': keyof Needs;
  'no-needs': undefined;
  next: undefined;
  back: undefined;
  'start-over': undefined;
  confirm: undefined;
  'just-help-me': undefined;
}

/**
 * "I don't know what I need": two questions (what is it about, what help do you need), then a
 * suggestion the visitor confirms, or "just help me", which gives a Guidance number.
 */
@customElement('kiosk-guided')
export class KioskGuided extends LitElement {
  static override styles = [
    base,
    screen,
    css`
      :host {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto minmax(0, 1fr) auto;
        grid-template-areas: 'info' 'choices' 'nav';
      }
      :host-context([data-accessible]) {
        grid-template-rows: minmax(0, 1fr) auto auto;
      }
      /* the suggestion is read first; its two rows of buttons sit at the bottom in every mode */
      :host([step='suggestion']) {
        grid-template-rows: minmax(0, 1fr) auto auto;
        grid-template-areas: 'info' 'choices' 'nav';
      }
      @media (orientation: landscape) {
        :host,
        :host-context([data-accessible]) {
          grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
          grid-template-rows: minmax(0, 1fr) auto;
          grid-template-areas: 'info choices' 'info nav';
        }
        :host([step='suggestion']) {
          grid-template-rows: minmax(0, 1fr) auto;
          grid-template-areas: 'info choices' 'info nav';
        }
      }
      .info {
        grid-area: info;
      }
      .choices {
        grid-area: choices;
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        grid-auto-rows: 1fr;
        gap: var(--space-3);
        min-height: 0;
      }
      :host-context([data-accessible]) .choices {
        grid-auto-rows: auto;
      }
      .choices button {
        display: flex;
        align-items: center;
        gap: var(--space-3);
        text-align: start;
        line-height: 1.2;
      }
      ol.plan {
        font-size: var(--text-service);
        font-weight: 700;
        padding-inline-start: 1.5em;
        margin: 0 0 0.4em;
      }
      .nav {
        grid-area: nav;
        display: flex;
        gap: var(--space-3);
      }
      .nav button {
        flex: 1 1 0;
      }
      .nav .primary {
        flex: 2 1 0;
        font-size: var(--text-l);
      }
      .booking {
        border-inline-start: 6px dashed var(--ink);
        padding-inline-start: var(--space-2);
        overflow-wrap: anywhere;
      }
      .suggested {
        grid-area: choices;
        display: grid;
        gap: var(--space-3);
        align-content: end;
      }
    `,
  ];

  @property({ reflect: true }) step: GuidedStep = 'situation';
  @property({ attribute: false }) menu!: KioskMenu;
  @property({ attribute: false }) t!: KioskMessages;
  @property({ attribute: false }) answers: readonly number[] = [];
  @property({ attribute: false }) needs!: Needs;
  @property({ attribute: false }) suggestion: Suggestion = { services: [] };

  override render() {
    switch (this.step) {
      case 'situation':
        return this._situation();
      case 'needs':
        return this._needs();
      case 'suggestion':
        return this._suggestion();
    }
  }

  private _situation() {
    const t = this.t;
    return html`
      <section class="info"><h1>${t.guidedTitle}</h1><p>${t.guidedHint}</p></section>
      <div class="choices" role="group" aria-label=${t.guidedTitle}>
          ${this.menu.questions.map(
            (q) => html`<button aria-pressed=${this.answers.includes(q.id) ? 'true' : 'false'} @click=${() => emit<KioskGuidedEvents>(this, 'toggle-answer', q.id)}>
              ${pictogram(q.icon)}<span>${q.label}</span>
            </button>`,
          )}
        </div>
        <div class="nav">
          <button @click=${() => emit<KioskGuidedEvents>(this, 'start-over', undefined)}>${t.back}</button>
          <button class="primary" ?disabled=${this.answers.length === 0} @click=${() => emit<KioskGuidedEvents>(this, 'next', undefined)}>${t.next}</button>
        </div>
    `;
  }

  private _needs() {
    const t = this.t;
    const none = !this.needs.interpreter && !this.needs.accessible && !this.needs.accompanied;
    const need = (key: keyof Needs, icon: string, label: string) =>
      html`<button aria-pressed=${this.needs[key] ? 'true' : 'false'} @click=${() => emit<KioskGuidedEvents>(this, 'toggle-need', key)}>
        ${pictogram(icon)}<span>${label}</span>
      </button>`;
    return html`
      <section class="info"><h1>${t.needsQuestion}</h1></section>
      <div class="choices" role="group" aria-label=${t.needsQuestion}>
          ${need('interpreter', 'interpreter', t.needInterpreter)} ${need('accessible', 'accessible', t.needAccessible)}
          ${need('accompanied', 'companion', t.needCompanion)}
          <button aria-pressed=${none ? 'true' : 'false'} @click=${() => emit<KioskGuidedEvents>(this, 'no-needs', undefined)}>${t.noneOfThese}</button>
        </div>
        <div class="nav">
          <button @click=${() => emit<KioskGuidedEvents>(this, 'back', undefined)}>${t.back}</button>
          <button class="primary" @click=${() => emit<KioskGuidedEvents>(this, 'next', undefined)}>${t.next}</button>
        </div>
    `;
  }

  private _suggestion() {
    const t = this.t;
    const services = this.suggestion.services;
    return html`
      <section class="info">
        <h1>${services.length > 0 ? t.suggestionTitle : t.guidanceSuggestion}</h1>
        ${services.length > 0
          ? html`<ol class="plan">${services.map((s) => html`<li>${s.label}</li>`)}</ol>
              <p>${t.suggestionHint}</p>`
          : html`<ol class="plan"><li>${this.menu.guidance?.label ?? ''}</li></ol>`}
        ${(this.suggestion.byAppointment ?? []).map(
          (b) => html`<section class="booking" aria-label=${b.label}>
            <p><strong>${b.label}</strong> · ${t.byAppointmentOnly}</p>
            <p>${t.howToBook}: <strong dir="auto">${b.bookingInfo}</strong></p>
          </section>`,
        )}
      </section>
      <div class="suggested">
        <button class="primary" @click=${() => emit<KioskGuidedEvents>(this, 'confirm', undefined)}>${services.length > 0 ? t.confirmTicket : t.takeNumber}</button>
        ${services.length > 0 ? html`<button @click=${() => emit<KioskGuidedEvents>(this, 'just-help-me', undefined)}>${t.justHelpMe}</button>` : ''}
      </div>
      <div class="nav">
        <button @click=${() => emit<KioskGuidedEvents>(this, 'back', undefined)}>${t.back}</button>
        <button @click=${() => emit<KioskGuidedEvents>(this, 'start-over', undefined)}>${t.startOver}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-guided': KioskGuided;
  }
}
