import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
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
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() error = '';
  @state() private _busy = false;

  // autofocus does not reach into shadow roots: put the cursor in the first field ourselves
  protected override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    return html`<form class="card" @submit=${this._submit}>
      <h1>${this.t.appName}</h1>
      <label>${this.t.username}<input name="username" autocomplete="username" required /></label>
      <label>${this.t.password}<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}
      <button class="primary" type="submit" ?disabled=${this._busy}>${this.t.login}</button>
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
