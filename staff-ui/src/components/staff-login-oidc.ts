import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';

/** Where the organisation's sign-in begins: the server redirects to the identity provider. */
export const oidcStartPath = '/api/auth/oidc/start';

/**
 * "Sign in with your organisation's account": a plain link, since the sign-in is a whole-page
 * journey to the identity provider and back, and why the last one was refused, if it was.
 */
@customElement('staff-login-oidc')
export class StaffLoginOidc extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: var(--space-3);
      }
      a.button {
        display: flex;
        align-items: center;
        justify-content: center;
        min-height: 44px;
        padding: 0.35em 0.9em;
        border-radius: var(--radius-s);
        border: 2px solid var(--accent);
        background: var(--accent);
        color: var(--accent-ink);
        font-weight: 600;
        text-decoration: none;
      }
      .error {
        color: var(--danger);
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  /** The code a refused sign-in came back with (?loginError=…), or ''. */
  @property() loginError = '';

  override render() {
    const errors = this.t.oidc.errors;
    const why = this.loginError ? ((errors as Record<string, string>)[this.loginError] ?? errors.other) : '';
    return html`
      ${why ? html`<p role="alert" class="error">${why}</p>` : nothing}
      <a class="button" href=${oidcStartPath}>${this.t.oidc.signIn}</a>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-login-oidc': StaffLoginOidc;
  }
}
