import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import type { AdminMessages } from './i18n.js';

interface Entry {
  id: number;
  at: string;
  actor: string | null;
  actorKind: string;
  action: string;
  subject: string | null;
}

/** Who changed what, when: the newest hundred changes. */
@customElement('admin-audit')
export class AdminAudit extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: AdminMessages;
  @property({ attribute: false }) ctl!: AdminController;
  @state() private _entries: Entry[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.ctl.get<{ entries: Entry[] }>('/api/admin/audit?limit=100').then((r) => (this._entries = r.entries));
  }

  override render() {
    const t = this.t;
    return html`<table>
      <thead><tr><th>${t.when}</th><th>${t.who}</th><th>${t.what}</th><th></th></tr></thead>
      <tbody>
        ${this._entries.map(
          (e) => html`<tr>
            <td>${new Date(e.at).toLocaleString()}</td><td>${e.actor ?? e.actorKind}</td><td>${e.action}</td><td>${e.subject ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-audit': AdminAudit;
  }
}
