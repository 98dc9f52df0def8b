import { LitElement, css, html, nothing } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { customElement, property } from 'lit/decorators.js';
import type { KioskMenu, Needs, VisitorLanguage } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { pictogram } from '../pictograms.js';
import { base } from '../styles.js';
import './kiosk-language-bar.js';

export type NeedKey = keyof Needs;

/** The start screen: language, "I don't know", the open services by agency, needs, take a number. */
@customElement('kiosk-start')
export class KioskStart extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: var(--gap);
      }
      .info h1 {
        font-size: 2.2em;
      }
      .dont-know {
        width: 100%;
        display: flex;
        align-items: center;
        gap: 16px;
        font-size: 1.35em;
        font-weight: 700;
        text-align: start;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 12px;
      }
      .tile {
        display: grid;
        align-content: center;
        text-align: start;
        gap: 2px;
        min-height: 104px;
        border-inline-start: 14px solid var(--agency);
      }
      .tile .label {
        font-weight: 700;
        font-size: 1.15em;
      }
      .tile .agency,
      .tile .wait {
        font-size: 0.8em;
      }
      .needs {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
      }
      .needs button {
        display: flex;
        align-items: center;
        gap: 10px;
        text-align: start;
        flex: 1 1 240px;
      }
      .take {
        width: 100%;
        font-size: 1.5em;
      }
      .row {
        display: flex;
        gap: 10px;
        justify-content: space-between;
        align-items: center;
        flex-wrap: wrap;
      }
      :host([accessible]) .grid {
        grid-template-columns: 1fr 1fr;
      }
    `,
  ];

  @property({ attribute: false }) menu!: KioskMenu;
  @property({ attribute: false }) t!: KioskMessages;
  @property() language: VisitorLanguage = 'fi';
  @property({ attribute: false }) selected: readonly number[] = [];
  @property({ attribute: false }) needs!: Needs;
  @property({ type: Boolean, reflect: true }) accessible = false;

  override render() {
    const t = this.t;
    const any = this.menu.agencies.length > 0 || this.menu.guidance;
    return html`
      <section class="info">
        <h1>${t.takeNumber}</h1>
        <p>${t.welcome}</p>
        ${any ? html`<p class="muted">${t.severalHint}</p>` : html`<p role="alert">${t.noServicesOpen}</p>`}
      </section>
      <section class="controls" aria-label=${t.takeNumber}>
        <kiosk-language-bar .language=${this.language} .label=${t.language} ?accessible=${this.accessible}></kiosk-language-bar>
        ${this.menu.guidance
          ? html`<button class="dont-know primary" @click=${() => this._emit('dont-know')}>
              ${pictogram('question')}<span>${t.dontKnow}</span>
            </button>`
          : nothing}
        <div class="grid" role="group" aria-label=${t.services}>
          ${this.menu.agencies.flatMap((a) =>
            a.services.map((s) => {
              const chosen = this.selected.includes(s.id);
              // the agency's name only where the service's own label does not already say it
              const agency = s.label.includes(a.name) || a.name.includes(s.label) ? '' : a.name;
              return html`<button
                class="tile"
                style=${cssProps({ '--agency': a.color })}
                aria-pressed=${chosen ? 'true' : 'false'}
                @click=${() => this._emit('toggle-service', s.id)}
              >
                <span class="label">${s.label}</span>
                ${agency ? html`<span class="agency">${agency}</span>` : nothing}
                <span class="wait">${t.waiting(s.waiting, s.estimateMin)}</span>
              </button>`;
            }),
          )}
        </div>
        <div class="needs" role="group" aria-label=${t.needsTitle}>
          ${this._need('interpreter', t.needInterpreter)} ${this._need('accessible', t.needAccessible)}
          ${this._need('accompanied', t.needCompanion)}
        </div>
        <div class="row">
          <button aria-pressed=${this.accessible ? 'true' : 'false'} @click=${() => this._emit('accessible-mode')}>
            ${pictogram('accessible')} ${t.accessibleMode}
          </button>
          <span class="muted" aria-live="polite">${this.selected.length > 0 ? t.selected(this.selected.length) : ''}</span>
        </div>
        <button class="take primary" ?disabled=${this.selected.length === 0} @click=${() => this._emit('take-number')}>
          ${t.takeNumber}
        </button>
      </section>
    `;
  }

  private _need(key: NeedKey, label: string) {
    const icon = key === 'interpreter' ? 'interpreter' : key === 'accessible' ? 'accessible' : 'companion';
    return html`<button aria-pressed=${this.needs[key] ? 'true' : 'false'} @click=${() => this._emit('toggle-need', key)}>
      ${pictogram(icon)}<span>${label}</span>
    </button>`;
  }

  private _emit(type: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-start': KioskStart;
  }
}
