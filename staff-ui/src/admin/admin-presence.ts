import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fallbackLanguage, pickText } from '@luukku/shared/i18n';
import type { AdminCatalog, AgencyPresence } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, readTexts, str, textLanguages, texts } from './admin-forms.js';
import type { PresenceAdminMessages } from './presence-i18n.js';

/**
 * What the kiosk offers on a day an agency is not in the hub (issue 12 §1): its phone service,
 * its online service, a Guidance ticket, and a short text of its own. The form leaves checking
 * to the server, whose message says which field is wrong.
 */
@customElement('admin-presence')
export class AdminPresence extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: PresenceAdminMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _presence: AgencyPresence[] | null = null;
  @state() private _editing: number | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    this._presence = (await this.ctl.get<{ presence: AgencyPresence[] }>('/api/admin/agency-presence')).presence;
  }

  override render() {
    const t = this.t;
    if (!this._presence) return html`<p aria-busy="true">…</p>`;
    const editing = this._presence.find((p) => p.agencyId === this._editing);
    return html`<p class="muted">${t.hint}</p>
      <table>
        <thead><tr><th>${t.agency}</th><th>${t.offers}</th><th></th></tr></thead>
        <tbody>
          ${this._presence.map(
            (p) => html`<tr data-agency=${p.agencyId}>
              <td>${this._name(p.agencyId)}</td>
              <td>${this._offers(p)}</td>
              <td><button @click=${() => (this._editing = p.agencyId)}>${t.edit(this._name(p.agencyId))}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${editing ? this._form(editing) : nothing}`;
  }

  private _name(agencyId: number): string {
    const name = this.catalog.agencies.find((a) => a.id === agencyId)?.name ?? { fi: String(agencyId) };
    return pickText(name, this.language, fallbackLanguage(this.catalog.hub.languages));
  }

  private _offers(p: AgencyPresence) {
    const items = [p.phone, p.onlineUrl, p.guidance ? this.t.guidance : null].filter((x): x is string => x !== null);
    return items.length > 0 ? items.join(' · ') : html`<span class="muted">${this.t.nothingSet}</span>`;
  }

  private _form(p: AgencyPresence) {
    const t = this.t;
    const languages = textLanguages(this.catalog.hub);
    return html`<form class="card" novalidate @submit=${this._save}>
      <h3>${t.edit(this._name(p.agencyId))}</h3>
      ${field(t.phone, 'phone', p.phone, 'tel', { maxlength: 30, describedBy: 'presence-phone-hint' })}
      <p class="muted" id="presence-phone-hint">${t.phoneHint}</p>
      ${field(t.onlineUrl, 'onlineUrl', p.onlineUrl, 'url', { maxlength: 300, describedBy: 'presence-url-hint' })}
      <p class="muted" id="presence-url-hint">${t.onlineUrlHint}</p>
      <label class="row"><input type="checkbox" name="guidance" .checked=${p.guidance} />${t.guidance}</label>
      ${texts(t.text, 'text', p.text ?? undefined, languages, undefined, false)}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${t.save}</button>
        <button type="button" @click=${() => (this._editing = null)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private _save = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const before = this._presence?.find((p) => p.agencyId === this._editing);
    const text = readTexts(f, 'text', textLanguages(this.catalog.hub), before?.text ?? undefined);
    const body = {
      phone: str(f, 'phone') || null,
      onlineUrl: str(f, 'onlineUrl') || null,
      guidance: f.get('guidance') === 'on',
      // a text needs its Finnish; translations without it are refused by the server, with its message
      text: Object.keys(text).length > 0 ? text : null,
    };
    const ok = await this.ctl.send('PUT', `/api/admin/agencies/${this._editing}/presence`, body, this.t.saved);
    if (ok !== undefined) {
      this._editing = null;
      await this._load();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-presence': AdminPresence;
  }
}
