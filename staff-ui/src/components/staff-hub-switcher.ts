import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '@luukku/shared/emit';
import { pickText } from '@luukku/shared/i18n';
import type { UserHub } from '@luukku/shared';
import type { StaffMessages } from '../i18n/index.js';
import { base } from '../styles.js';

export interface StaffHubSwitcherEvents {
  'switch-hub': { hubId: number };
}

/**
 * The header's hub switcher, for staff of more than one hub (and region admins): the hubs come
 * from the server with the ones rostered today first; choosing one asks the server to move the
 * session there.
 */
@customElement('staff-hub-switcher')
export class StaffHubSwitcher extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  @property({ attribute: false }) t!: StaffMessages;
  @property() language = 'fi';
  @property({ attribute: false }) hubs: UserHub[] = [];
  @property({ type: Number }) current = 0;
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`<label
      >${this.t.hubSwitch.label}
      <select ?disabled=${this.busy} @change=${this._change}>
        ${this.hubs.map(
          (h) => html`<option value=${h.id} ?selected=${h.id === this.current}>${pickText(h.name, this.language)}${h.today ? ` (${this.t.hubSwitch.today})` : ''}</option>`,
        )}
      </select>
    </label>`;
  }

  private _change(e: Event) {
    const select = e.target as HTMLSelectElement;
    const hubId = Number(select.value);
    // the switch may be refused: the select shows the hub the session is in until it moves
    select.value = String(this.current);
    if (hubId !== this.current) emit<StaffHubSwitcherEvents>(this, 'switch-hub', { hubId });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-hub-switcher': StaffHubSwitcher;
  }
}
