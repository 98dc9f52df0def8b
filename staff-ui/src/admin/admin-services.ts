import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { fallbackLanguage, languageInfo, missingLanguages, pickText } from '@luukku/shared/i18n';
import type { AdminCatalog } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, num, readTexts, str, textLanguages, texts } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';
import type { AdminSchedule } from './admin-schedule.js';
import './admin-schedule.js';

type AdminService = AdminCatalog['services'][number];

/** Services: who serves them, the letter, the neutral public label, the hours and pop-up days. */
@customElement('admin-services')
export class AdminServices extends LitElement {
  static override styles = [
    base,
    css`
      td .missing {
        margin-inline-end: var(--space-1);
      }
    `,
  ];

  @property({ attribute: false }) t!: AdminMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section redraws with the new data. */
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _editing: AdminService | 'new' | null = null;
  @query('admin-schedule') private _schedule!: AdminSchedule;

  override render() {
    const c = this.catalog;
    const t = this.t;
    const agencyName = (id: number) => this._pick(c.agencies.find((a) => a.id === id)?.name ?? { fi: '' });
    return html`<table>
        <thead><tr><th>${t.prefix}</th><th>${t.name(this.language)}</th><th>${t.agency}</th><th>${t.missingTranslations}</th><th></th><th></th></tr></thead>
        <tbody>
          ${c.services.map(
            (s) => html`<tr data-service=${s.code}>
              <td>${s.prefix}</td>
              <td>${this._pick(s.name)}</td>
              <td>${agencyName(s.agencyId)}</td>
              <td class="missing-list">${this._missing(s)}</td>
              <td>${s.active ? (s.openNow ? t.openNow : t.closedNow) : '—'}</td>
              <td><button @click=${() => (this._editing = s)}>${t.edit(this._pick(s.name))}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p><button @click=${() => (this._editing = 'new')}>${t.newService}</button></p>
      ${this._editing ? this._form(this._editing) : nothing}`;
  }

  private _pick(text: Record<string, string | undefined>): string {
    return pickText(text, this.language, fallbackLanguage(this.catalog.hub.languages));
  }

  /** The languages in which this service's name or public label is still missing, each by its own name. */
  private _missing(s: AdminService) {
    const wanted = textLanguages(this.catalog.hub);
    const missing = new Set([...missingLanguages(s.name, wanted), ...missingLanguages(s.publicLabel, wanted)]);
    if (missing.size === 0) return html`<span class="muted">${this.t.allTranslated}</span>`;
    return wanted
      .filter((l) => missing.has(l))
      .map((l) => html`<span class="badge warn missing" data-lang=${l}><abbr title=${languageInfo(l).native} lang=${languageInfo(l).tag}>${l}</abbr></span>`);
  }

  private _form(s: AdminService | 'new') {
    const c = this.catalog;
    const t = this.t;
    const existing = s === 'new' ? null : s;
    return html`<form class="card" @submit=${this._submit}>
      <h3>${existing ? t.edit(this._pick(existing.name)) : t.newService}</h3>
      <label
        >${t.agency}
        <select name="agencyId">
          ${c.agencies.filter((a) => !a.isGuidance || existing?.isGuidance).map((a) => html`<option value=${a.id} ?selected=${a.id === existing?.agencyId}>${this._pick(a.name)}</option>`)}
        </select>
      </label>
      ${existing ? nothing : field(t.code, 'code', '', 'text', { required: true, pattern: '[a-z0-9-]{2,40}' })}
      ${field(t.prefix, 'prefix', existing?.prefix ?? '', 'text', { required: true, pattern: '[A-Z]', maxlength: 1 })}
      ${texts(t.name, 'name', existing?.name, textLanguages(c.hub), t.missing)}
      ${texts(t.publicLabel, 'label', existing?.publicLabel, textLanguages(c.hub), t.missing)}
      ${field(t.targetWait, 'targetWaitMin', existing?.targetWaitMin ?? '', 'number', { min: 1, max: 240 })}
      ${field(t.serviceMinutes, 'defaultServiceMin', existing?.defaultServiceMin ?? 10, 'number', { min: 1, max: 240 })}
      ${existing ? html`<label class="row"><input type="checkbox" name="active" .checked=${existing.active} />${t.active}</label>` : nothing}
      ${existing?.isGuidance
        ? nothing
        : html`<fieldset>
            <legend>${t.booking}</legend>
            <label class="row"><input type="checkbox" name="appointmentOnly" .checked=${existing?.appointmentOnly ?? false} />${t.appointmentOnly}</label>
            <p class="muted">${t.appointmentOnlyHint}</p>
            ${texts(t.bookingInfo, 'booking', existing?.bookingInfo ?? undefined, textLanguages(c.hub), undefined, false)}
          </fieldset>`}
      <admin-schedule .t=${t} .timeZone=${c.hub.timeZone} .schedule=${existing?.schedule ?? { weekly: {}, dates: [], closed: [] }}></admin-schedule>
      <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${existing ? t.save : t.add}</button>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const existing = this._editing === 'new' ? null : this._editing;
    const shown = textLanguages(this.catalog.hub);
    const body = {
      agencyId: Number(str(f, 'agencyId')),
      name: readTexts(f, 'name', shown, existing?.name),
      publicLabel: readTexts(f, 'label', shown, existing?.publicLabel),
      prefix: str(f, 'prefix').toUpperCase(),
      targetWaitMin: num(f, 'targetWaitMin'),
      defaultServiceMin: num(f, 'defaultServiceMin') ?? 10,
      schedule: this._schedule.value,
      appointmentOnly: f.get('appointmentOnly') === 'on',
      bookingInfo: null as Record<string, string> | null,
    };
    // the booking text is kept even while the service takes walk-ins, for the day it goes back to bookings
    const booking = existing?.isGuidance ? {} : readTexts(f, 'booking', shown, existing?.bookingInfo ?? undefined);
    body.bookingInfo = booking.fi ? booking : null;
    const ok = existing
      ? await this.ctl.send('PUT', `/api/admin/services/${existing.id}`, { ...body, active: f.get('active') === 'on' }, this.t.saved)
      : await this.ctl.send('POST', '/api/admin/services', { ...body, code: str(f, 'code') }, this.t.saved);
    if (ok !== undefined) this._editing = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-services': AdminServices;
  }
}
