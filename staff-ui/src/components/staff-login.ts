import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import './staff-login-oidc.js';
import { emit } from '@luukku/shared/emit';
import type { StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';

export interface LoginDetail {
  username: string;
  password: string;
}

export interface StaffLoginEvents {
  login: LoginDetail;
}

@customElement('staff-login')
export class StaffLogin extends LitElement {
  static override styles = [
    base,
    css`
      form {
        display: grid;
        gap: var(--space-3);
        max-width: 360px;
        margin: 10vh auto;
      }
      details .fields {
        display: grid;
        gap: var(--space-3);
        margin-top: var(--space-3);
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() error = '';
  /** The organisation's sign-in is configured: offer it first. */
  @property({ type: Boolean }) oidc = false;
  /** Local passwords are on; when off, the password form stays for break-glass admins, folded away. */
  @property({ type: Boolean }) passwords = true;
  /** Why the organisation's sign-in was refused (its error code), or ''. */
  @property() loginError = '';
  @state() private _busy = false;

  // autofocus does not reach into shadow roots: put the cursor in the first field ourselves
  // (none when the organisation's sign-in comes first: its link is the first thing to reach)
  protected override firstUpdated(): void {
    if (!this.oidc) this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    const fields = html`
      <label>${this.t.username}<input name="username" autocomplete="username" required /></label>
      <label>${this.t.password}<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      <button class=${this.oidc ? '' : 'primary'} type="submit" ?disabled=${this._busy}>${this.t.login}</button>
    `;
    return html`<form class="card" @submit=${this._submit}>
      <h1>${this.t.appName}</h1>
      ${this.oidc ? html`<staff-login-oidc .t=${this.t} .loginError=${this.loginError}></staff-login-oidc>` : nothing}
      ${this.oidc && !this.passwords ? html`<details><summary>${this.t.oidc.breakGlass}</summary><div class="fields">${fields}</div></details>` : fields}
    </form>`;
  }

  private _submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    emit<StaffLoginEvents>(this, 'login', { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-login': StaffLogin;
  }
}
