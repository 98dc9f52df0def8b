import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DisplayInfoItem, DisplayInfoSettings, DisplaySpeechStatus } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { field, langs, num, str } from './admin-forms.js';
import type { AdminMessages, DisplayAdminMessages } from './i18n.js';

// the shared schema's items (a type import only: the admin bundle does not carry zod)
const displayInfoItems: readonly DisplayInfoItem[] = ['hours', 'agencies', 'phone'];

/** The lobby display: its information between calls, and which languages each display can say. */
@customElement('admin-display')
export class AdminDisplay extends LitElement {
  static override styles = [
    base,
    css`
      fieldset {
        display: grid;
        gap: 6px;
      }
      ul.voices {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
    `,
  ];

  @property({ attribute: false }) t!: AdminMessages;
  @property({ attribute: false }) d!: DisplayAdminMessages;
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section reloads its own data then too. */
  @property({ attribute: false }) catalog: unknown;

  @state() private _settings: DisplayInfoSettings | null = null;
  @state() private _speech: DisplaySpeechStatus | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('catalog')) void this._load();
  }

  private async _load(): Promise<void> {
    try {
      [this._settings, this._speech] = await Promise.all([
        this.ctl.get<DisplayInfoSettings>('/api/admin/display-info'),
        this.ctl.get<DisplaySpeechStatus>('/api/admin/displays/speech'),
      ]);
    } catch (err) {
      this.ctl.fail(err);
    }
  }

  override render() {
    const d = this.d;
    const s = this._settings;
    if (!s) return html`<p aria-busy="true">…</p>`;
    return html`<form class="card" @submit=${this._save}>
        <h3>${d.infoTitle}</h3>
        <p class="muted">${d.infoHint}</p>
        ${displayInfoItems.map(
          (item) => html`<fieldset>
            <legend>${d.items[item]}</legend>
            <label><input type="checkbox" name="${item}_enabled" .checked=${s.items[item].enabled} /> ${d.show}</label>
            ${langs.map((l) => field(d.text(l), `${item}_${l}`, s.items[item].text[l], 'text', { maxlength: 300 }))}
          </fieldset>`,
        )}
        ${field(d.rotateSeconds, 'rotateSeconds', s.rotateSeconds, 'number', { required: true, min: 3, max: 120 })}
        ${field(d.callSeconds, 'callSeconds', s.callSeconds, 'number', { required: true, min: 5, max: 3600 })}
        <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${this.t.save}</button>
      </form>
      <section class="card" aria-labelledby="voices">
        <h3 id="voices">${d.voicesTitle}</h3>
        <p class="muted">${d.voicesHint}</p>
        ${(this._speech?.displays ?? []).filter((x) => !x.revoked).map((x) => this._display(x))}
      </section>`;
  }

  private _display(x: DisplaySpeechStatus['displays'][number]) {
    const d = this.d;
    return html`<article data-device=${x.deviceId}>
      <h4>${x.name}${x.zone ? ` · ${x.zone}` : ''}</h4>
      ${x.reportedAt
        ? html`<p class="muted">${d.reportedAt(new Date(x.reportedAt).toLocaleString())}</p>
            <ul class="voices">
              ${x.voices.map((v) => html`<li class=${v.via === 'none' ? 'badge warn' : 'badge'} data-lang=${v.lang}>${v.lang}: ${d.via[v.via]}</li>`)}
            </ul>
            ${x.lastSilent ? html`<p class="badge warn" role="alert">${d.lastSilent(x.lastSilent.lang, new Date(x.lastSilent.at).toLocaleString())}</p>` : nothing}`
        : html`<p class="muted">${d.noReport}</p>`}
    </article>`;
  }

  private async _save(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const item = (k: DisplayInfoItem) => ({
      enabled: f.get(`${k}_enabled`) === 'on',
      text: { fi: str(f, `${k}_fi`), sv: str(f, `${k}_sv`), en: str(f, `${k}_en`) },
    });
    const body: DisplayInfoSettings = {
      items: { hours: item('hours'), agencies: item('agencies'), phone: item('phone') },
      rotateSeconds: num(f, 'rotateSeconds') ?? 12,
      callSeconds: num(f, 'callSeconds') ?? 60,
    };
    await this.ctl.send('PUT', '/api/admin/display-info', body, this.t.saved);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-display': AdminDisplay;
  }
}
