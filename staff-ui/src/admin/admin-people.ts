import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import type { AdminCatalog, Me, UserHub } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, str } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';
import { rosterMessages } from './roster-i18n.js';
import './admin-roster.js';

type Person = AdminCatalog['users'][number];
const roles = ['staff', 'guide', 'admin'] as const;

/** Staff accounts: agencies, role, active; reset a password; add someone. */
@customElement('admin-people')
export class AdminPeople extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: AdminMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section redraws with the new data. */
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _editing: Person | 'new' | null = null;
  /** The hubs this admin may enter: the roster editor offers these. */
  @state() private _hubs: UserHub[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.ctl.get<Me>('/api/me').then(
      (me) => (this._hubs = me.kind === 'user' ? me.hubs : []),
      (err: unknown) => this.ctl.fail(err),
    );
  }

  override render() {
    const t = this.t;
    const users = this.catalog.users;
    return html`<table>
        <thead><tr><th>${t.username}</th><th>${t.displayName}</th><th>${t.role}</th><th>${t.active}</th><th></th></tr></thead>
        <tbody>
          ${users.map(
            (u) => html`<tr>
              <td>${u.username}</td><td>${u.displayName}</td><td>${t.roles[u.role]}</td><td>${u.active ? '✓' : '—'}</td>
              <td><button @click=${() => (this._editing = u)}>${t.edit(u.username)}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p><button @click=${() => (this._editing = 'new')}>${t.newUser}</button></p>
      ${this._editing ? this._form(this._editing) : nothing}
      ${this._editing && this._editing !== 'new' ? this._roster(this._editing.id) : nothing}`;
  }

  /** The person's hubs and days, from the latest catalogue so a save shows what the server kept. */
  private _roster(userId: number) {
    const roster = this.catalog.users.find((u) => u.id === userId)?.roster ?? [];
    return html`<admin-roster .t=${rosterMessages[this.language]} .language=${this.language} .ctl=${this.ctl} .userId=${userId} .roster=${roster} .hubs=${this._hubs}></admin-roster>`;
  }

  private _form(p: Person | 'new') {
    const t = this.t;
    const existing = p === 'new' ? null : p;
    const agencies = this.catalog.agencies;
    return html`<form class="card" @submit=${this._submit}>
      <h3>${existing ? t.edit(existing.username) : t.newUser}</h3>
      ${existing ? nothing : field(t.username, 'username', '', 'text', { required: true, pattern: '[a-z0-9._\\-]{2,64}' })}
      ${field(t.displayName, 'displayName', existing?.displayName ?? '', 'text', { required: true })}
      <label>${t.role}<select name="role">${roles.map((r) => html`<option value=${r} ?selected=${r === (existing?.role ?? 'staff')}>${t.roles[r]}</option>`)}</select></label>
      <fieldset>
        <legend>${t.agencies}</legend>
        ${agencies.map((a) => html`<label class="row"><input type="checkbox" name="agency" value=${a.id} .checked=${existing?.agencyIds.includes(a.id) ?? false} />${pickText(a.name, this.language)}</label>`)}
      </fieldset>
      <label>${t.language}<select name="language">${(['fi', 'sv', 'en'] as const).map((l) => html`<option value=${l} ?selected=${l === (existing?.language ?? 'fi')}>${l}</option>`)}</select></label>
      ${existing ? html`<label class="row"><input type="checkbox" name="active" .checked=${existing.active} />${t.active}</label>` : nothing}
      ${field(existing ? t.resetPassword : t.password, 'password', '', 'password', { required: !existing })}
      <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${existing ? t.save : t.add}</button>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const existing = this._editing === 'new' ? null : this._editing;
    const common = {
      displayName: str(f, 'displayName'),
      role: str(f, 'role'),
      agencyIds: f.getAll('agency').map(Number),
      language: str(f, 'language'),
    };
    const password = str(f, 'password');
    let ok: unknown;
    if (existing) {
      ok = await this.ctl.send('PUT', `/api/admin/users/${existing.id}`, { ...common, active: f.get('active') === 'on' }, this.t.saved);
      if (ok !== undefined && password) ok = await this.ctl.send('POST', `/api/admin/users/${existing.id}/password`, { password }, this.t.saved);
    } else {
      ok = await this.ctl.send('POST', '/api/admin/users', { ...common, username: str(f, 'username'), password }, this.t.saved);
    }
    if (ok !== undefined) this._editing = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-people': AdminPeople;
  }
}
