import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { languages } from '@luukku/shared/i18n';
import type { VisitorLanguage } from '@luukku/shared';
import { base } from '../styles.js';

/** The language choice, always on screen; each name is written in its own language. */
@customElement('kiosk-language-bar')
export class KioskLanguageBar extends LitElement {
  static override styles = [
    base,
    css`
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      button {
        min-height: 56px;
        padding: 0.2em 0.8em;
        font-size: 0.95em;
      }
    `,
  ];

  @property() language: VisitorLanguage = 'fi';
  @property() label = '';
  @property({ type: Boolean, reflect: true }) accessible = false;

  override render() {
    return html`<nav aria-label=${this.label}>
      ${languages.map(
        (l) => html`<button
          lang=${l.tag}
          dir=${l.dir}
          aria-pressed=${l.code === this.language ? 'true' : 'false'}
          @click=${() => this._choose(l.code)}
        >${l.native}</button>`,
      )}
    </nav>`;
  }

  private _choose(lang: VisitorLanguage) {
    this.dispatchEvent(new CustomEvent<VisitorLanguage>('language', { detail: lang, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-language-bar': KioskLanguageBar;
  }
}
