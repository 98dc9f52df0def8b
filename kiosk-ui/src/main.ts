import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

/** Placeholder until this UI is built; it shows the server is up and where the API is. */
@customElement('luukku-kiosk-placeholder')
export class LuukkuPlaceholder extends LitElement {
  static override styles = css`
    :host { display: block; font: 1.25rem/1.5 system-ui, sans-serif; padding: 2rem; }
  `;

  @state() private _status = '…';

  override connectedCallback(): void {
    super.connectedCallback();
    fetch('/api/health').then(
      (r) => (this._status = r.ok ? 'ok' : String(r.status)),
      () => (this._status = 'offline'),
    );
  }

  override render() {
    return html`<main><h1>Luukku — kioski</h1><p>API: ${this._status} · <a href="/api/openapi.json">OpenAPI</a></p></main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'luukku-kiosk-placeholder': LuukkuPlaceholder;
  }
}
