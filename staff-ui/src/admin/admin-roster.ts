import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import type { RosterEntry, UserHub } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import type { RosterMessages } from './roster-i18n.js';

const isoDays = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * One person's roster: each hub the admin may enter, whether the person works there, and on
 * which weekdays. Entries of hubs the admin cannot see are not sent, so the server keeps them.
 */
@customElement('admin-roster')
export class AdminRoster extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) t!: RosterMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  @property({ type: Number }) userId = 0;
  @property({ attribute: false }) roster: RosterEntry[] = [];
  /** The hubs the admin may enter (their /api/me hubs). */
  @property({ attribute: false }) hubs: UserHub[] = [];

  override render() {
    const t = this.t;
    return html`<form class="card" @submit=${this._submit} aria-labelledby="roster-heading">
      <h3 id="roster-heading">${t.heading}</h3>
      <p>${t.hint}</p>
      ${this.hubs.map((hub) => {
        const entry = this.roster.find((e) => e.hubId === hub.id);
        const name = pickText(hub.name, this.language);
        return html`<fieldset data-hub=${hub.slug}>
          <legend>${name}</legend>
          <label class="row"><input type="checkbox" name="in-${hub.id}" .checked=${entry !== undefined} />${t.inHub}</label>
          <label class="row"><input type="checkbox" name="every-${hub.id}" .checked=${entry?.weekdays === null} />${t.everyDay}</label>
          <div class="row">
            ${isoDays.map(
              (d) => html`<label class="row"><input type="checkbox" name="day-${hub.id}" value=${d} .checked=${entry?.weekdays?.includes(d) ?? false}
                  aria-label=${`${name}: ${t.daysLong[d - 1]}`} />${t.days[d - 1]}</label>`,
            )}
          </div>
        </fieldset>`;
      })}
      <button class="primary" type="submit" ?disabled=${this.ctl.busy}>${t.save}</button>
    </form>`;
  }

  private async _submit(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const hubs = this.hubs
      .filter((h) => f.get(`in-${h.id}`) === 'on')
      .map((h) => {
        const days = f.getAll(`day-${h.id}`).map(Number);
        // "every day", or no single day ticked, is any day (null): a hub with no days would never open
        return { hubId: h.id, weekdays: f.get(`every-${h.id}`) === 'on' || days.length === 0 ? null : days };
      });
    await this.ctl.send('PUT', `/api/admin/users/${this.userId}/roster`, { hubs }, this.t.saved);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-roster': AdminRoster;
  }
}
