import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import type { AdminCatalog, Me, NewHubResult } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, langs, readTexts, str, texts } from './admin-forms.js';
import type { HubsAdminMessages } from './hubs-i18n.js';

type HubItem = Extract<Me, { kind: 'user' }>['hubs'][number];

/**
 * The region admin's hubs (issue 12 §1): every hub, and a new one made from a template's
 * catalogue. The new hub is entered by switching the session to it, as the header's switcher does.
 */
@customElement('admin-hubs')
export class AdminHubs extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: HubsAdminMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _hubs: HubItem[] | null = null;
  @state() private _made: NewHubResult | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      const me = await this.ctl.get<Me>('/api/me');
      this._hubs = me.kind === 'user' ? [...me.hubs].sort((a, b) => a.id - b.id) : [];
    } catch (err) {
      this.ctl.fail(err);
    }
  }

  private _name(name: HubItem['name']): string {
    return pickText(name, this.language, 'fi');
  }

  override render() {
    const t = this.t;
    if (!this._hubs) return html`<p aria-busy="true">…</p>`;
    const here = this.catalog.hub.id;
    return html`<p class="muted">${t.hint}</p>
      <table>
        <thead><tr><th>${t.hub}</th><th>${t.slug}</th></tr></thead>
        <tbody>
          ${this._hubs.map(
            (h) => html`<tr data-hub=${h.slug}>
              <td>${this._name(h.name)} ${h.id === here ? html`<span class="badge">${t.current}</span>` : nothing}</td>
              <td>${h.slug}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <form class="card" aria-label=${t.newHub} novalidate @submit=${this._create}>
        <h3>${t.newHub}</h3>
        ${texts(t.name, 'name', undefined, langs)}
        ${field(t.slug, 'slug', '', 'text', { required: true, maxlength: 40, describedBy: 'hub-slug-hint' })}
        <p class="muted" id="hub-slug-hint">${t.slugHint}</p>
        <label
          >${t.template}
          <select name="template">
            ${this._hubs.map((h) => html`<option value=${h.id} ?selected=${h.id === here}>${this._name(h.name)}</option>`)}
          </select>
        </label>
        <div class="row"><button class="primary" type="submit" ?disabled=${this.ctl.busy}>${t.create}</button></div>
      </form>
      ${this._made
        ? html`<div class="card" role="status">
            <p>${t.created(this._name(this._made.hub.name), this._made.copied.agencies, this._made.copied.services, this._made.copied.questions)}</p>
            <button class="primary" @click=${this._enter}>${t.enter(this._name(this._made.hub.name))}</button>
          </div>`
        : nothing}`;
  }

  private _create = async (e: SubmitEvent) => {
    e.preventDefault();
    // taken now: once the event has been dispatched its target is cleared (the form is in a shadow root)
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const body = { slug: str(f, 'slug'), name: readTexts(f, 'name', langs), templateHubId: Number(f.get('template')) };
    const made = await this.ctl.send<NewHubResult>('POST', '/api/admin/hubs', body, '');
    if (made !== undefined) {
      this._made = made;
      form.reset();
      await this._load();
    }
  };

  /** Into the new hub: the session moves, and the page is made anew for that hub. */
  private _enter = async () => {
    if (!this._made) return;
    const moved = await this.ctl.send('POST', '/api/auth/hub', { hubId: this._made.hub.id }, '');
    if (moved !== undefined) location.assign('/staff/admin');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-hubs': AdminHubs;
  }
}
