import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppointmentPolicy, PushSettings } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, num } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';
import type { JourneyMessages } from './journey-i18n.js';

/** The hub's journey settings (issue 11): the appointment window and when a phone is nudged. */
@customElement('admin-journey')
export class AdminJourney extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: 14px;
      }
    `,
  ];

  @property({ attribute: false }) t!: AdminMessages;
  @property({ attribute: false }) j!: JourneyMessages;
  @property({ attribute: false }) ctl!: AdminController;
  @state() private _window: AppointmentPolicy | null = null;
  @state() private _push: PushSettings | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  /** Read once: the forms then hold the admin's edits, and a save shows what the server kept. */
  private async _load(): Promise<void> {
    try {
      [this._window, this._push] = await Promise.all([this.ctl.get<AppointmentPolicy>('/api/admin/hub/appointment-policy'), this.ctl.get<PushSettings>('/api/admin/push')]);
    } catch (err) {
      this.ctl.fail(err);
    }
  }

  override render() {
    const { j, t } = this;
    if (!this._window || !this._push) return html`<p aria-busy="true">…</p>`;
    return html`<form class="card" aria-labelledby="window-title" @submit=${this._saveWindow}>
        <h3 id="window-title">${j.windowTitle}</h3>
        <p class="muted">${j.windowHint}</p>
        <div class="row">
          ${field(j.earlyMin, 'earlyMin', this._window.earlyMin, 'number', { required: true, min: 0, max: 120 })}
          ${field(j.lateMin, 'lateMin', this._window.lateMin, 'number', { required: true, min: 0, max: 120 })}
        </div>
        <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${t.save}</button>
      </form>
      <form class="card" aria-labelledby="push-title" @submit=${this._savePush}>
        <h3 id="push-title">${j.pushTitle}</h3>
        <p class="muted">${j.pushHint}</p>
        ${field(j.pushAhead, 'ahead', this._push.ahead, 'number', { required: true, min: 0, max: 50 })}
        <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${t.save}</button>
      </form>`;
  }

  private _saveWindow = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const kept = await this.ctl.send<AppointmentPolicy>('PUT', '/api/admin/hub/appointment-policy', { earlyMin: num(f, 'earlyMin'), lateMin: num(f, 'lateMin') }, this.t.saved);
    if (kept) this._window = kept;
  };

  private _savePush = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const kept = await this.ctl.send<PushSettings>('PUT', '/api/admin/push', { ahead: num(f, 'ahead') }, this.t.saved);
    if (kept) this._push = kept;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-journey': AdminJourney;
  }
}
