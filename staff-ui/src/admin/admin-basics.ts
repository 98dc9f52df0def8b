import { LitElement, css, html } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { customElement, property, state } from 'lit/decorators.js';
import { fallbackLanguage, languageInfo, languages, pickText } from '@luukku/shared/i18n';
import type { AdminCatalog } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, num, readTexts, str, textLanguages, texts } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';

/** The hub's policy, its agencies and its desks: short lists with inline forms. */
@customElement('admin-basics')
export class AdminBasics extends LitElement {
  static override styles = [
    base,
    css`
      form.desk {
        display: grid;
        gap: var(--space-2);
        justify-items: start;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: var(--space-2) var(--space-3);
      }
    `,
  ];

  @property({ attribute: false }) t!: AdminMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property() section: 'hub' | 'agencies' | 'desks' = 'hub';
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section redraws with the new data. */
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _agency: number | 'new' | null = null;

  override render() {
    const c = this.catalog;
    const t = this.t;
    switch (this.section) {
      case 'hub':
        return html`<form class="card" @submit=${this._policy}>
          <fieldset>
            <legend>${t.referralPolicy}</legend>
            ${(['keep', 'back', 'front'] as const).map(
              (p) => html`<label class="row"><input type="radio" name="policy" value=${p} .checked=${c.hub.referralPolicy === p} />${t.placements[p]}</label>`,
            )}
          </fieldset>
          ${field(t.targetWait, 'targetWaitMin', c.hub.targetWaitMin, 'number', { min: 1, max: 240, required: true })}
          ${this._kioskLanguages()}
          <button class="primary" type="submit">${t.save}</button>
        </form>`;
      case 'agencies': {
        const editing = this._agency === 'new' ? null : c.agencies.find((a) => a.id === this._agency);
        return html`<ul>
            ${c.agencies.map(
              (a) => html`<li class="row">
                <span class="badge" style=${cssProps({ background: a.color, color: 'var(--night-ink)' })}>${a.code}</span>${this._pick(a.name)}
                <button @click=${() => (this._agency = a.id)}>${t.edit(this._pick(a.name))}</button>
              </li>`,
            )}
          </ul>
          <p><button @click=${() => (this._agency = 'new')}>${t.newAgency}</button></p>
          ${this._agency !== null
            ? html`<form class="card" @submit=${this._saveAgency}>
                ${editing ? '' : field(t.code, 'code', '', 'text', { required: true, pattern: '[a-z0-9-]{2,40}' })}
                ${texts(t.name, 'name', editing?.name, textLanguages(c.hub), t.missing)} ${field(t.color, 'color', editing?.color ?? '#1d4ed8', 'color')}
                <button class="primary" type="submit">${editing ? t.save : t.add}</button>
              </form>`
            : ''}`;
      }
      case 'desks':
        return html`${c.desks.map(
            (d) => html`<form class="card desk" data-desk=${d.name} @submit=${(e: SubmitEvent) => this._saveDesk(e, d.id)}>
              <div class="row">
                ${field(t.desk, 'name', d.name, 'text', { required: true, maxlength: 20 })} ${field(t.zone, 'zone', d.zone, 'text', { required: true, pattern: '[a-z0-9-]{1,32}' })}
              </div>
              ${this._deskFit(d)}
              <button type="submit">${t.save}</button>
            </form>`,
          )}
          <form class="card desk" @submit=${(e: SubmitEvent) => this._saveDesk(e, null)}>
            <strong>${t.newDesk}</strong>
            <div class="row">
              ${field(t.desk, 'name', '', 'text', { required: true, maxlength: 20 })} ${field(t.zone, 'zone', '', 'text', { required: true, pattern: '[a-z0-9-]{1,32}' })}
            </div>
            ${this._deskFit(null)}
            <button class="primary" type="submit">${t.add}</button>
          </form>`;
    }
  }

  private _pick(text: Record<string, string | undefined>): string {
    return pickText(text, this.language, fallbackLanguage(this.catalog.hub.languages));
  }

  /** Which languages the kiosk offers; the fallback language stays on, as untranslated texts show in it. */
  private _kioskLanguages() {
    const hub = this.catalog.hub;
    const fallback = fallbackLanguage(hub.languages);
    return html`<fieldset>
      <legend>${this.t.kioskLanguages}</legend>
      <p class="muted">${this.t.kioskLanguagesHint(languageInfo(fallback).native)}</p>
      <div class="choices">
        ${languages.map(
          (l) => html`<label class="row"
            ><input type="checkbox" name="kioskLanguage" value=${l.code} .checked=${l.code === fallback || hub.kioskLanguages.includes(l.code)} ?disabled=${l.code === fallback} /><span
              lang=${l.tag}
              >${l.native}</span
            ></label
          >`,
        )}
      </div>
    </fieldset>`;
  }

  /** Whether the desk is accessible, and the languages spoken there (the visitor languages). */
  private _deskFit(d: AdminCatalog['desks'][number] | null) {
    const t = this.t;
    return html`<label class="row"><input type="checkbox" name="accessible" .checked=${d?.accessible ?? false} />${t.deskAccessible}</label>
      <fieldset>
        <legend>${t.deskLanguages}</legend>
        <div class="choices">
          ${languages.map(
            (l) => html`<label class="row"
              ><input type="checkbox" name="deskLanguage" value=${l.code} .checked=${d?.languages.includes(l.code) ?? false} /><span lang=${l.tag}>${l.native}</span></label
            >`,
          )}
        </div>
      </fieldset>`;
  }

  private _policy = (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const kioskLanguages = [fallbackLanguage(this.catalog.hub.languages), ...f.getAll('kioskLanguage').map(String)];
    void this.ctl.send('PUT', '/api/admin/hub/policy', { referralPolicy: str(f, 'policy'), targetWaitMin: num(f, 'targetWaitMin'), kioskLanguages }, this.t.saved);
  };

  private _saveAgency = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const before = this.catalog.agencies.find((a) => a.id === this._agency)?.name;
    const body = { name: readTexts(f, 'name', textLanguages(this.catalog.hub), before), color: str(f, 'color') };
    const ok =
      this._agency === 'new'
        ? await this.ctl.send('POST', '/api/admin/agencies', { ...body, code: str(f, 'code') }, this.t.saved)
        : await this.ctl.send('PUT', `/api/admin/agencies/${this._agency}`, body, this.t.saved);
    if (ok !== undefined) this._agency = null;
  };

  private _saveDesk(e: SubmitEvent, id: number | null) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const body = { name: str(f, 'name'), zone: str(f, 'zone'), accessible: f.get('accessible') === 'on', languages: f.getAll('deskLanguage').map(String) };
    void (id === null ? this.ctl.send('POST', '/api/admin/desks', body, this.t.saved).then((ok) => ok && form.reset()) : this.ctl.send('PUT', `/api/admin/desks/${id}`, body, this.t.saved));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-basics': AdminBasics;
  }
}
