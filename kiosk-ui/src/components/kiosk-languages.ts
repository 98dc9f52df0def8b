import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import { languages } from '@luukku/shared/i18n';
import type { VisitorLanguage } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { pictogram } from '../pictograms.js';
import { base, screen } from '../styles.js';

export interface KioskLanguagesEvents {
  language: VisitorLanguage;
  back: undefined;
}

/**
 * The full-screen language chooser behind the start screen's one language control. Each name
 * is written in its own language (and marked so, for screen readers and the right script).
 */
@customElement('kiosk-languages')
export class KioskLanguages extends LitElement {
  static override styles = [
    base,
    screen,
    css`
      :host {
        grid-template-rows: auto minmax(0, 1fr) auto;
      }
      :host-context([data-accessible]) {
        grid-template-rows: minmax(0, 1fr) auto auto;
      }
      .info h1 {
        display: flex;
        align-items: center;
        gap: var(--space-3);
        font-size: var(--text-xxl);
      }
      .info svg {
        width: 1.4em;
        height: 1.4em;
      }
      nav {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
        grid-auto-rows: 1fr;
        gap: var(--space-3);
      }
      :host-context([data-accessible]) nav {
        grid-auto-rows: auto;
      }
      nav button {
        font-size: var(--text-xl);
      }
    `,
  ];

  @property() language: VisitorLanguage = 'fi';
  @property({ attribute: false }) t!: KioskMessages;
  /** The languages this hub's kiosk offers (the admin's choice); all of them until the menu says. */
  @property({ attribute: false }) offered: readonly VisitorLanguage[] | null = null;

  override render() {
    const t = this.t;
    return html`
      <section class="info"><h1>${pictogram('globe')}<span>${t.language}${t.language === 'Language' ? '' : ' · Language'}</span></h1></section>
      <nav aria-label=${t.language}>
        ${languages.filter((l) => !this.offered || this.offered.includes(l.code)).map(
          (l) => html`<button
            lang=${l.tag}
            dir=${l.dir}
            aria-pressed=${l.code === this.language ? 'true' : 'false'}
            @click=${() => emit<KioskLanguagesEvents>(this, 'language', l.code)}
          >${l.native}</button>`,
        )}
      </nav>
      <button @click=${() => emit<KioskLanguagesEvents>(this, 'back', undefined)}>${t.back}</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-languages': KioskLanguages;
  }
}
