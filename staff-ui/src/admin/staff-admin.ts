import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from '../styles.js';
import { AdminController } from './admin-data.js';
import { adminMessages, displayAdminMessages, type AdminMessages } from './i18n.js';
import { importMessages } from './import-i18n.js';
import { adminErrorText, journeyMessages } from './journey-i18n.js';
import { presenceAdminMessages } from './presence-i18n.js';
import { hubsAdminMessages } from './hubs-i18n.js';
import './admin-audit.js';
import './admin-basics.js';
import './admin-devices.js';
import './admin-display.js';
import './admin-import.js';
import './admin-journey.js';
import './admin-people.js';
import './admin-presence.js';
import './admin-hubs.js';
import './admin-questions.js';
import './admin-services.js';

type Tab = keyof AdminMessages['tabs'] | 'display' | 'import' | 'presence' | 'hubs';
const tabs: Tab[] = ['hub', 'agencies', 'services', 'desks', 'staff', 'questions', 'devices', 'audit'];
// the display's tab (its words in displayAdminMessages), after the devices
tabs.splice(tabs.indexOf('devices') + 1, 0, 'display');
// the appointment import's tab (its words in importMessages), after the services
tabs.splice(tabs.indexOf('services') + 1, 0, 'import');
// agency presence (its words in presenceAdminMessages), after the agencies
tabs.splice(tabs.indexOf('agencies') + 1, 0, 'presence');
// every hub, and new ones from a template: the region admin's alone (its words in hubsAdminMessages)
tabs.push('hubs');

/** The hub coordinator's pages, at /staff/admin: everything about the hub, without a file. */
@customElement('staff-admin')
export class StaffAdmin extends LitElement {
  static override styles = [
    base,
    css`
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-bottom: 14px;
      }
      .pane {
        display: grid;
        gap: 14px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        background: var(--paper);
      }
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--line);
      }
    `,
  ];

  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  /** A region admin also sees the hubs tab. */
  @property({ type: Boolean }) regionAdmin = false;
  @state() private _tab: Tab = 'hub';
  private _ctl = new AdminController(this);

  constructor() {
    super();
    this._ctl.describe = (err) => adminErrorText(err, this.language);
  }

  override render() {
    const t = adminMessages[this.language];
    const c = this._ctl;
    const tabName = (tab: Tab) =>
      tab === 'hubs'
        ? hubsAdminMessages[this.language].tab
        : tab === 'presence'
        ? presenceAdminMessages[this.language].tab
        : tab === 'display' ? displayAdminMessages[this.language].tab : tab === 'import' ? importMessages[this.language].tab : t.tabs[tab];
    const heading = tabName(this._tab);
    return html`<h2>${t.title}</h2>
      <nav aria-label=${t.title}>
        ${tabs.filter((tab) => tab !== 'hubs' || this.regionAdmin).map((tab) => html`<button aria-pressed=${tab === this._tab ? 'true' : 'false'} @click=${() => (this._tab = tab)}>${tabName(tab)}</button>`)}
      </nav>
      <div role="status">${c.saved ? html`<p class="badge">${c.saved}</p>` : nothing}</div>
      ${c.error ? html`<p class="banner" role="alert">${c.error}</p>` : nothing}
      <section class="pane" aria-label=${heading}>${c.catalog ? this._pane(t) : html`<p aria-busy="true">…</p>`}</section>`;
  }

  private _pane(t: AdminMessages) {
    const c = this._ctl;
    switch (this._tab) {
      case 'hub':
        return html`<admin-basics .t=${t} .language=${this.language} .section=${this._tab} .ctl=${c} .catalog=${c.catalog}></admin-basics>
          <admin-journey .t=${t} .j=${journeyMessages[this.language]} .ctl=${c}></admin-journey>`;
      case 'agencies':
      case 'desks':
        return html`<admin-basics .t=${t} .language=${this.language} .section=${this._tab} .ctl=${c} .catalog=${c.catalog}></admin-basics>`;
      case 'services':
        return html`<admin-services .t=${t} .language=${this.language} .ctl=${c} .catalog=${c.catalog}></admin-services>`;
      case 'staff':
        return html`<admin-people .t=${t} .language=${this.language} .ctl=${c} .catalog=${c.catalog}></admin-people>`;
      case 'questions':
        return html`<admin-questions .t=${t} .language=${this.language} .ctl=${c} .catalog=${c.catalog}></admin-questions>`;
      case 'devices':
        return html`<admin-devices .t=${t} .j=${journeyMessages[this.language]} .language=${this.language} .ctl=${c} .catalog=${c.catalog}></admin-devices>`;
      case 'audit':
        return html`<admin-audit .t=${t} .ctl=${c} .catalog=${c.catalog}></admin-audit>`;
      case 'import':
        return html`<admin-import .t=${importMessages[this.language]} .language=${this.language} .catalog=${c.catalog}></admin-import>`;
      case 'hubs':
        return html`<admin-hubs .t=${hubsAdminMessages[this.language]} .language=${this.language} .ctl=${c} .catalog=${c.catalog}></admin-hubs>`;
      case 'presence':
        return html`<admin-presence .t=${presenceAdminMessages[this.language]} .language=${this.language} .ctl=${c} .catalog=${c.catalog}></admin-presence>`;
      case 'display':
        return html`<admin-display .t=${t} .d=${displayAdminMessages[this.language]} .ctl=${c} .catalog=${c.catalog}></admin-display>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-admin': StaffAdmin;
  }
}
