import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KioskMenu, Needs } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { pictogram } from '../pictograms.js';
import { base } from '../styles.js';

export type GuidedStep = 'situation' | 'needs' | 'suggestion';

export interface Suggestion {
  /** Services in visiting order; empty means Guidance. */
  services: { id: number; label: string }[];
}

/**
 * "I don't know what I need": two questions (what is it about, what help do you need), then a
 * suggestion the visitor confirms, or "just help me", which gives a Guidance number.
 */
@customElement('kiosk-guided')
export class KioskGuided extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: var(--gap);
      }
      .info h1 {
        font-size: 2em;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 10px;
      }
      .choices button {
        display: flex;
        align-items: center;
        gap: 14px;
        text-align: start;
      }
      ol.plan {
        font-size: 1.4em;
        font-weight: 700;
        padding-inline-start: 1.5em;
      }
      .nav {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
      }
      .nav .primary {
        flex: 1 1 260px;
        font-size: 1.3em;
      }
      :host([accessible]) .choices {
        grid-template-columns: 1fr 1fr;
      }
    `,
  ];

  @property() step: GuidedStep = 'situation';
  @property({ attribute: false }) menu!: KioskMenu;
  @property({ attribute: false }) t!: KioskMessages;
  @property({ attribute: false }) answers: readonly number[] = [];
  @property({ attribute: false }) needs!: Needs;
  @property({ attribute: false }) suggestion: Suggestion = { services: [] };
  @property({ type: Boolean, reflect: true }) accessible = false;

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
      <section class="controls">
        <div class="choices" role="group" aria-label=${t.guidedTitle}>
          ${this.menu.questions.map(
            (q) => html`<button aria-pressed=${this.answers.includes(q.id) ? 'true' : 'false'} @click=${() => this._emit('toggle-answer', q.id)}>
              ${pictogram(q.icon)}<span>${q.label}</span>
            </button>`,
          )}
        </div>
        <div class="nav">
          <button @click=${() => this._emit('start-over')}>${t.back}</button>
          <button class="primary" ?disabled=${this.answers.length === 0} @click=${() => this._emit('next')}>${t.next}</button>
        </div>
      </section>
    `;
  }

  private _needs() {
    const t = this.t;
    const none = !this.needs.interpreter && !this.needs.accessible && !this.needs.accompanied;
    const need = (key: keyof Needs, icon: string, label: string) =>
      html`<button aria-pressed=${this.needs[key] ? 'true' : 'false'} @click=${() => this._emit('toggle-need', key)}>
        ${pictogram(icon)}<span>${label}</span>
      </button>`;
    return html`
      <section class="info"><h1>${t.needsQuestion}</h1></section>
      <section class="controls">
        <div class="choices" role="group" aria-label=${t.needsQuestion}>
          ${need('interpreter', 'interpreter', t.needInterpreter)} ${need('accessible', 'accessible', t.needAccessible)}
          ${need('accompanied', 'companion', t.needCompanion)}
          <button aria-pressed=${none ? 'true' : 'false'} @click=${() => this._emit('no-needs')}>${t.noneOfThese}</button>
        </div>
        <div class="nav">
          <button @click=${() => this._emit('back')}>${t.back}</button>
          <button class="primary" @click=${() => this._emit('next')}>${t.next}</button>
        </div>
      </section>
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
      </section>
      <section class="controls">
        <div class="nav">
          <button class="primary" @click=${() => this._emit('confirm')}>${services.length > 0 ? t.confirmTicket : t.takeNumber}</button>
          ${services.length > 0 ? html`<button @click=${() => this._emit('just-help-me')}>${t.justHelpMe}</button>` : ''}
        </div>
        <div class="nav">
          <button @click=${() => this._emit('back')}>${t.back}</button>
          <button @click=${() => this._emit('start-over')}>${t.startOver}</button>
        </div>
      </section>
    `;
  }

  private _emit(type: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-guided': KioskGuided;
  }
}
