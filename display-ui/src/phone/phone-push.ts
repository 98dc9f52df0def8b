import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pushWords, ticketWords } from '@luukku/shared/i18n';
import type { PublicVisit } from '@luukku/shared';
import { PushController } from './phone-push-data.js';
import { chime, flashTitle, prepareSoundOnFirstTap } from './phone-alert.js';

/**
 * The phone page's "tell me when my turn is near" (issue 11 §2): the opt-in button, its state
 * (on, not supported, blocked), and turning it off. While the page is open, a call also sounds
 * and flashes the title (phone-app vibrates).
 */
@customElement('phone-push')
export class PhonePush extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: 1rem;
    }
    button {
      font: inherit;
      font-weight: 700;
      min-height: 48px;
      padding: 0.6em 1em;
      border-radius: 12px;
      border: 2px solid #0b5cad;
      background: #0b5cad;
      color: #fff;
      width: 100%;
      cursor: pointer;
    }
    button.secondary {
      background: #fff;
      color: #0b5cad;
    }
    button[disabled] {
      opacity: 0.6;
    }
    p {
      margin: 0.5em 0;
      font-size: 0.95em;
      color: #2d3748;
    }
  `;

  @property() token = '';
  @property({ attribute: false }) visit: PublicVisit | null = null;

  private _push = new PushController(this, () => this.token, () => this.visit?.language ?? 'fi');
  private _lastStatus: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    prepareSoundOnFirstTap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('visit')) return;
    const status = this.visit?.current?.status;
    if (status === 'called' && this._lastStatus !== 'called' && this.visit?.current?.desk) {
      const words = ticketWords[this.visit.language] ?? ticketWords.en;
      chime();
      flashTitle(words.goToDesk(this.visit.current.desk.name));
    }
    this._lastStatus = status;
  }

  override render() {
    const visit = this.visit;
    if (!visit || visit.status !== 'active') return nothing;
    const w = pushWords[visit.language] ?? pushWords.en;
    const state = this._push.state;
    return html`<div role="status" aria-live="polite">
        ${state === 'unsupported' ? html`<p>${w.notSupported}</p>` : nothing}
        ${state === 'denied' ? html`<p>${w.denied}</p>` : nothing}
        ${state === 'failed' ? html`<p>${w.failed}</p>` : nothing}
        ${state === 'on' ? html`<p>${w.on}</p>` : nothing}
      </div>
      ${state === 'off' || state === 'failed' || (state === 'busy' && !this._wasOn)
        ? html`<button ?disabled=${state === 'busy'} aria-busy=${state === 'busy'} @click=${() => void this._toggle(true)}>${w.turnOn}</button>`
        : nothing}
      ${state === 'on' || (state === 'busy' && this._wasOn)
        ? html`<button class="secondary" ?disabled=${state === 'busy'} aria-busy=${state === 'busy'} @click=${() => void this._toggle(false)}>${w.turnOff}</button>`
        : nothing}`;
  }

  private _wasOn = false;

  private async _toggle(on: boolean): Promise<void> {
    this._wasOn = !on;
    await (on ? this._push.turnOn() : this._push.turnOff());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-push': PhonePush;
  }
}
