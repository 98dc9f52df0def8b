import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from '../styles.js';
import { words } from '../words.js';

/** Shown instead of the lobby screen when the display has no device token, or a refused one. */
@customElement('display-setup-notice')
export class DisplaySetupNotice extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        place-items: center;
        height: 100%;
        text-align: center;
      }
      main {
        max-width: 60em;
        display: grid;
        gap: 1.4em;
      }
      h1 {
        font-size: 3em;
      }
      p {
        font-size: 1.5em;
        line-height: 1.45;
      }
      .sub {
        font-size: 1.1em;
      }
      .pairing-code {
        font-size: 4em;
        letter-spacing: 0.15em;
      }
      code {
        font-size: 1.5em;
        font-weight: 700;
        background: var(--paper);
        border-radius: 0.4em;
        padding: 0.3em 0.8em;
        justify-self: center;
      }
    `,
  ];

  @property() reason: 'unpaired' | 'rejected' = 'unpaired';
  /** The pairing code to type in the admin pages, once the server has given one. */
  @property() code = '';

  override render() {
    const [title, help] = this.reason === 'unpaired' ? [words.notSetUp, words.notSetUpHelp] : [words.rejected, words.rejectedHelp];
    return html`<main>
      <h1>${title.fi}</h1>
      <p>${help.fi}</p>
      <p class="sub" lang="sv"><strong>${title.sv}.</strong> ${help.sv}</p>
      <p class="sub" lang="en"><strong>${title.en}.</strong> ${help.en}</p>
      ${this.reason === 'unpaired'
        ? this.code
          ? html`<p class="sub">Käyttöönottokoodi · Pairing code</p>
              <code class="pairing-code">${this.code}</code>
              <p class="sub">Ylläpito → Laitteet → Ota laite käyttöön · Admin → Devices → Pair a device</p>`
          : html`<code>/display?device=…&amp;zone=a</code>`
        : ''}
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-setup-notice': DisplaySetupNotice;
  }
}
