import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import type { AdminCatalog, PrinterSettings } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, num, str } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';
import type { JourneyMessages } from './journey-i18n.js';

type Device = AdminCatalog['devices'][number];

/**
 * Pair a kiosk, display or feedback tablet by the code on its screen; give an agency's booking
 * system a token (shown once); name, zone, printer; revoke.
 */
@customElement('admin-devices')
export class AdminDevices extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: AdminMessages;
  @property({ attribute: false }) j!: JourneyMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section redraws with the new data. */
  @property({ attribute: false }) catalog!: AdminCatalog;
  /** A new booking system's token: only in this element's memory, gone when put away or the tab closes. */
  @state() private _token: { name: string; token: string } | null = null;
  @state() private _copied = false;

  override render() {
    const t = this.t;
    const devices = this.catalog.devices;
    return html`<form class="card" @submit=${this._pair}>
        <h3>${t.pairTitle}</h3>
        <p class="muted">${t.pairHint}</p>
        ${field(t.pairCode, 'code', '', 'text', { required: true, pattern: '[A-Za-z0-9]{6}', maxlength: 6 })}
        ${field(t.displayName, 'name', '', 'text', { required: true, maxlength: 100 })} ${field(t.zone, 'zone', '', 'text', { pattern: '[a-z0-9-]{1,32}' })}
        <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${t.pair}</button>
      </form>
      ${this._booking()} ${devices.map((d) => this._device(d))}`;
  }

  private _agencyName(id: number | null): string {
    const a = this.catalog.agencies.find((x) => x.id === id);
    return a ? pickText(a.name, this.language) : '';
  }

  /** A booking system has no screen to show a pairing code: the admin creates its token and passes it on. */
  private _booking() {
    const { j, t } = this;
    return html`<form class="card" aria-labelledby="booking-title" @submit=${this._createBooking}>
        <h3 id="booking-title">${j.bookingTitle}</h3>
        <p class="muted">${j.bookingHint}</p>
        ${field(t.displayName, 'name', '', 'text', { required: true, maxlength: 100 })}
        <label
          >${t.agency}
          <select name="agencyId" required>
            <option value="">${j.chooseAgency}</option>
            ${this.catalog.agencies.map((a) => html`<option value=${String(a.id)}>${pickText(a.name, this.language)}</option>`)}
          </select></label
        >
        <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${j.create}</button>
      </form>
      ${this._token
        ? html`<div class="card" role="group" aria-labelledby="token-title">
            <h3 id="token-title">${this._token.name}</h3>
            <p id="token-hint">${j.tokenHint}</p>
            <label
              >${j.token}
              <input readonly name="token" .value=${this._token.token} aria-describedby="token-hint" spellcheck="false" autocomplete="off" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
            /></label>
            <div class="row">
              <button type="button" @click=${this._copy}>${j.copy}</button>
              <span role="status">${this._copied ? j.copied : nothing}</span>
              <button type="button" class="primary" @click=${() => (this._token = null)}>${j.tokenStored}</button>
            </div>
          </div>`
        : nothing}`;
  }

  private _createBooking = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const name = str(f, 'name');
    const created = await this.ctl.send<{ token: string }>('POST', '/api/admin/devices', { kind: 'booking', name, agencyId: num(f, 'agencyId') }, this.t.saved);
    if (!created) return;
    form.reset();
    this._copied = false;
    this._token = { name, token: created.token };
    // the keyboard lands on the token, selected, ready to copy
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="token"]')?.focus();
  };

  private _copy = async () => {
    if (!this._token) return;
    try {
      await navigator.clipboard.writeText(this._token.token);
      this._copied = true;
    } catch {
      // no clipboard (e.g. plain http): the field is selected for the admin to copy by hand
      this.renderRoot.querySelector<HTMLInputElement>('input[name="token"]')?.select();
    }
  };

  private _device(d: Device) {
    const t = this.t;
    const printer = d.printer ?? { kind: 'none' as const };
    return html`<form class="card" @submit=${(e: SubmitEvent) => this._save(e, d)}>
      <h3>
        ${d.name} <span class="badge">${t.deviceKinds[d.kind]}</span> ${d.agencyId !== null ? html`<span class="badge">${this._agencyName(d.agencyId)}</span>` : nothing}
        ${d.revoked ? html`<span class="badge warn">${t.revoked}</span>` : nothing}
      </h3>
      ${d.lastPrint ? html`<p class=${d.lastPrint.ok ? '' : 'badge warn'} role=${d.lastPrint.ok ? 'status' : 'alert'}>${t.lastPrint(d.lastPrint.ok, new Date(d.lastPrint.at).toLocaleString(), d.lastPrint.error)}</p>` : nothing}
      ${field(t.displayName, 'name', d.name, 'text', { required: true })}
      ${d.kind === 'booking' ? nothing : field(t.zone, 'zone', d.zone ?? '', 'text', { pattern: '[a-z0-9-]{1,32}' })}
      ${d.kind === 'kiosk'
        ? html`<label
              >${t.printer}
              <select name="printer">
                ${(['network', 'file', 'browser', 'none'] as const).map((k) => html`<option value=${k} ?selected=${k === printer.kind}>${t.printerKinds[k]}</option>`)}
              </select></label
            >
            ${field(t.host, 'host', printer.kind === 'network' ? printer.host : '')} ${field(t.port, 'port', printer.kind === 'network' ? printer.port : 9100, 'number', { min: 1, max: 65535 })}`
        : nothing}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.ctl.busy || d.revoked}>${t.save}</button>
        <button type="button" class="danger" ?disabled=${this.ctl.busy || d.revoked} @click=${() => void this.ctl.send('POST', `/api/admin/devices/${d.id}/revoke`, undefined, t.saved)}>${t.revoke}</button>
      </div>
    </form>`;
  }

  private async _pair(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const ok = await this.ctl.send('POST', '/api/admin/devices/pair', { code: str(f, 'code'), name: str(f, 'name'), zone: str(f, 'zone') || null }, this.t.saved);
    if (ok !== undefined) form.reset();
  }

  private async _save(e: SubmitEvent, d: Device) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    await this.ctl.send('PUT', `/api/admin/devices/${d.id}`, { name: str(f, 'name'), zone: str(f, 'zone') || null }, this.t.saved);
    if (d.kind !== 'kiosk') return;
    const kind = str(f, 'printer') as PrinterSettings['kind'];
    const printer = kind === 'network' ? { kind, host: str(f, 'host'), port: num(f, 'port') ?? 9100 } : { kind };
    await this.ctl.send('PUT', `/api/admin/devices/${d.id}/printer`, printer, this.t.saved);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-devices': AdminDevices;
  }
}
