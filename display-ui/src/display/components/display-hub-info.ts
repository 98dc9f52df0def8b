import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cssProps } from '@luukku/shared/css-props';
import type { InfoItem } from '../data/info-rotation.js';
import { column, tokens } from '../styles.js';
import { words, type Trilingual } from '../words.js';
import { trilingual } from './display-trilingual.js';

type Hours = readonly { from: string; to: string }[];

function hoursText(hours: Hours, lang: keyof Trilingual): string {
  if (hours.length === 0) return words.closedToday[lang];
  if (hours.length === 1 && hours[0]!.from === '00:00' && hours[0]!.to === '24:00') return words.allDay[lang];
  return hours.map((h) => `${h.from.replace(':', '.')}–${h.to.replace(':', '.')}`).join(', ');
}

/** The coordinator's own words for an item, when written; Swedish and English fall back to Finnish. */
function ownText(t: Trilingual): Trilingual | null {
  return t.fi ? { fi: t.fi, sv: t.sv || t.fi, en: t.en || t.fi } : null;
}

/**
 * Hub information between calls, in the featured call's place: today's opening hours, the
 * agencies and pop-ups here today, or how to follow one's turn by phone.
 */
@customElement('display-hub-info')
export class DisplayHubInfo extends LitElement {
  static override styles = [
    tokens,
    column,
    css`
      .panel {
        flex: 1;
        min-height: 0;
        overflow: hidden;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 0.8em;
        background: var(--paper);
        border-radius: var(--radius-l);
        box-shadow: 0 0.2em 1.2em rgb(20 33 61 / 0.12);
        padding: 1.6em 2.4em;
      }
      h3 {
        margin: 0;
        font-size: 3em;
        line-height: 1.15;
      }
      h3 .sub {
        display: block;
        font-size: 0.5em;
        margin-top: 0.2em;
      }
      .lead {
        font-size: 2em;
        font-weight: 600;
        line-height: 1.3;
      }
      .lead .sub {
        display: block;
        font-size: 0.7em;
      }
      .hours {
        font-size: 4.5em;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        line-height: 1.1;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
        gap: 0.6em 1.2em;
      }
      li {
        border-inline-start: 0.5em solid var(--agency, var(--accent));
        padding: 0.2em 0.8em;
        font-size: 1.6em;
        line-height: 1.25;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      li strong {
        display: block;
      }
      li .sub {
        display: block;
        font-size: 0.8em;
      }
      .popups h4 {
        margin: 0.4em 0 0.3em;
        font-size: 1.8em;
      }
      .popups h4 .sub {
        font-size: 0.7em;
      }
    `,
  ];

  @property({ attribute: false }) item: InfoItem | null = null;

  override render() {
    const item = this.item;
    if (!item) return nothing;
    return html`<h2 id="info">${trilingual(words.atHubToday)}</h2>
      <div class="panel" data-info=${item.kind} role="region" aria-labelledby="info">${this._item(item)}</div>`;
  }

  private _lead(text: Trilingual) {
    const own = ownText(text);
    return own ? html`<p class="lead">${trilingual(own, 'stacked')}</p>` : nothing;
  }

  private _item(item: InfoItem) {
    switch (item.kind) {
      case 'hours':
        return html`<h3>${trilingual(words.hoursToday, 'stacked')}</h3>
          <p class="hours">${hoursText(item.hours, 'fi')}</p>
          ${this._lead(item.text)}`;
      case 'agencies':
        return html`<h3>${trilingual(words.hereToday, 'stacked')}</h3>
          ${this._lead(item.text)}
          <ul>
            ${item.agencies.map(
              (a) => html`<li style=${cssProps({ '--agency': a.color })}>
                <strong>${a.name.fi}</strong><span class="sub">${hoursText(a.hours, 'fi')}</span>
              </li>`,
            )}
          </ul>
          ${item.popups.length
            ? html`<div class="popups">
                <h4>${trilingual(words.popupsToday)}</h4>
                <ul>
                  ${item.popups.map(
                    (p) => html`<li>
                      <strong>${p.label.fi}</strong><span class="sub" lang="sv">${p.label.sv}</span><span class="sub">${hoursText(p.hours, 'fi')}</span>
                    </li>`,
                  )}
                </ul>
              </div>`
            : nothing}`;
      case 'phone':
        return html`<h3>${trilingual(words.followByPhone, 'stacked')}</h3>
          <p class="lead">${trilingual(ownText(item.text) ?? words.followByPhoneHelp, 'stacked')}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-hub-info': DisplayHubInfo;
  }
}
