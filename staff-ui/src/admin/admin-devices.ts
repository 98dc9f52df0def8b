import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AdminCatalog, PrinterSettings } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, num, str } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';

type Device = AdminCatalog['devices'][number];

/** Pair a kiosk, display or feedback tablet by the code on its screen; name, zone, printer; revoke. */
@customElement('admin-devices')
export class AdminDevices extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: AdminMessages;
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section redraws with the new data. */
  @property({ attribute: false }) catalog!: AdminCatalog;

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
      ${devices.map((d) => this._device(d))}`;
  }

  private _device(d: Device) {
    const t = this.t;
    const printer = d.printer ?? { kind: 'none' as const };
    return html`<form class="card" @submit=${(e: SubmitEvent) => this._save(e, d)}>
      <h3>${d.name} <span class="badge">${t.deviceKinds[d.kind]}</span> ${d.revoked ? html`<span class="badge warn">${t.revoked}</span>` : nothing}</h3>
      ${d.lastPrint ? html`<p class=${d.lastPrint.ok ? '' : 'badge warn'} role=${d.lastPrint.ok ? 'status' : 'alert'}>${t.lastPrint(d.lastPrint.ok, new Date(d.lastPrint.at).toLocaleString(), d.lastPrint.error)}</p>` : nothing}
      ${field(t.displayName, 'name', d.name, 'text', { required: true })} ${field(t.zone, 'zone', d.zone ?? '', 'text', { pattern: '[a-z0-9-]{1,32}' })}
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
