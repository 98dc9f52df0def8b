import { LitElement, css, html, nothing } from 'lit';
import { cssProps } from '@luukku/shared/css-props';
import { emit } from '@luukku/shared/emit';
import { languageInfo } from '@luukku/shared/i18n';
import { customElement, property, state } from 'lit/decorators.js';
import type { AbsentAgency, KioskMenu, Needs, VisitorLanguage } from '@luukku/shared';
import type { KioskMessages } from '../i18n/index.js';
import { nextHereText, presenceMessages } from '../i18n/presence.js';
import { pictogram } from '../pictograms.js';
import { base, screen } from '../styles.js';
import './kiosk-booking.js';
import './kiosk-presence.js';

type MenuService = KioskMenu['agencies'][number]['services'][number];

export type NeedKey = keyof Needs;

export interface KioskStartEvents {
  'choose-language': undefined;
  'dont-know': undefined;
  'toggle-service': number;
  'toggle-need': NeedKey;
  'accessible-mode': undefined;
  'take-number': undefined;
  'have-appointment': undefined;
  /** A Guidance ticket in place of an agency that is not here today (issue 12 §1). */
  'take-guidance': undefined;
}

/**
 * How many columns of service tiles: fewer services get wider (and, as the rows share the
 * height, taller) tiles. Portrait screens take at most two columns, landscape three.
 */
function columns(count: number, landscape: boolean): number {
  if (count <= 2) return 1;
  if (!landscape || count <= 4) return 2;
  return 3;
}

/** The start screen: language, "I don't know", the open services by agency, needs, take a number. */
@customElement('kiosk-start')
export class KioskStart extends LitElement {
  static override styles = [
    base,
    screen,
    css`
      :host {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        grid-template-rows: auto auto auto minmax(0, 1fr) auto auto;
        grid-template-areas:
          'info info'
          'language mode'
          'dont-know dont-know'
          'services services'
          'needs needs'
          'take take';
      }
      /* accessible mode: the controls keep their height and sit at the bottom, within reach */
      :host-context([data-accessible]) {
        grid-template-rows: minmax(0, 1fr) auto auto auto auto auto;
      }
      @media (orientation: landscape) {
        :host,
        :host-context([data-accessible]) {
          grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
          grid-template-rows: minmax(0, 1fr) auto auto auto;
          grid-template-areas:
            'info services'
            'language services'
            'dont-know needs'
            'mode take';
        }
      }
      .info {
        grid-area: info;
      }
      .info h1 {
        font-size: var(--text-xxl);
      }
      .chosen {
        font-weight: 700;
      }
      .language {
        grid-area: language;
      }
      .mode {
        grid-area: mode;
      }
      .language,
      .mode,
      .dont-know,
      .needs button {
        display: flex;
        align-items: center;
        gap: var(--space-3);
        text-align: start;
      }
      .language .word {
        display: block;
        font-size: var(--text-m);
      }
      .dont-know {
        grid-area: dont-know;
        font-size: var(--text-l);
        font-weight: 700;
      }
      .grid {
        grid-area: services;
        display: grid;
        grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
        grid-auto-rows: 1fr;
        gap: var(--space-3);
        min-height: 0;
      }
      :host-context([data-accessible]) .grid {
        grid-auto-rows: auto;
      }
      @media (orientation: landscape) {
        :host-context([data-accessible]) .grid {
          grid-auto-rows: 1fr;
        }
      }
      .tile {
        display: grid;
        align-content: center;
        text-align: start;
        gap: var(--space-1);
        border-inline-start: 14px solid var(--agency);
        line-height: 1.2;
      }
      .tile .label {
        font-weight: 700;
        font-size: var(--text-service);
      }
      /* served by appointment only: not a choice for a number, so it looks like a notice */
      .tile.booking {
        border-style: dashed;
        border-inline-start-style: solid;
      }
      .tile .only {
        font-weight: 700;
      }
      /* not in the hub today: greyed, a notice rather than a choice (its text keeps full contrast) */
      .tile.absent {
        background: var(--wash);
        color: var(--muted);
        border-style: dashed;
        border-inline-start-style: solid;
      }
      .needs {
        grid-area: needs;
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: var(--space-3);
      }
      .needs button {
        line-height: 1.2;
      }
      .take-row {
        grid-area: take;
        display: flex;
        gap: var(--space-3);
        align-items: center;
      }
      .appointment {
        flex: 1;
        line-height: 1.2;
      }
      .take {
        flex: 1;
        font-size: var(--text-l);
      }
    `,
  ];

  @property({ attribute: false }) menu!: KioskMenu;
  @property({ attribute: false }) t!: KioskMessages;
  @property() language: VisitorLanguage = 'fi';
  @property({ attribute: false }) selected: readonly number[] = [];
  @property({ attribute: false }) needs!: Needs;
  @property({ type: Boolean }) accessible = false;
  /** The appointment-only service whose booking info is open, if any (its label names the agency). */
  @state() private _booking: MenuService | null = null;
  /** The absent agency whose next day and alternatives are open, if any. */
  @state() private _absent: AbsentAgency | null = null;

  private _landscape = matchMedia('(orientation: landscape)');

  override connectedCallback(): void {
    super.connectedCallback();
    this._landscape.addEventListener('change', this._relayout);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._landscape.removeEventListener('change', this._relayout);
  }

  private _relayout = () => this.requestUpdate();

  override render() {
    const t = this.t;
    const any = this.menu.agencies.length > 0 || this.menu.guidance;
    const services = this.menu.agencies.flatMap((a) => a.services.map((s) => ({ a, s })));
    const absent = this.menu.absent ?? [];
    const lang = languageInfo(this.language);
    return html`
      <section class="info">
        <h1>${t.takeNumber}</h1>
        <p>${t.welcome}</p>
        ${any ? html`<p class="muted">${t.severalHint}</p>` : html`<p role="alert">${t.noServicesOpen}</p>`}
        <p class="chosen" aria-live="polite">${this.selected.length > 0 ? t.selected(this.selected.length) : ''}</p>
      </section>
      <button class="language" @click=${() => emit<KioskStartEvents>(this, 'choose-language', undefined)}>
        ${pictogram('globe')}
        <span><span class="word">${t.language}${t.language === 'Language' ? '' : ' · Language'}</span>
          <strong lang=${lang.tag} dir=${lang.dir}>${lang.native}</strong></span>
      </button>
      <button class="mode" aria-pressed=${this.accessible ? 'true' : 'false'} @click=${() => emit<KioskStartEvents>(this, 'accessible-mode', undefined)}>
        ${pictogram('accessible')}<span>${t.accessibleMode}</span>
      </button>
      ${this.menu.guidance
        ? html`<button class="dont-know primary" @click=${() => emit<KioskStartEvents>(this, 'dont-know', undefined)}>
            ${pictogram('question')}<span>${t.dontKnow}</span>
          </button>`
        : nothing}
      <div class="grid" role="group" aria-label=${t.services} style=${cssProps({ '--columns': String(columns(services.length + absent.length, this._landscape.matches)) })}>
        ${services.map(({ a, s }) => {
          const chosen = this.selected.includes(s.id);
          // the agency's name only where the service's own label does not already say it
          const agency = s.label.includes(a.name) || a.name.includes(s.label) ? '' : a.name;
          if (s.appointmentOnly) {
            return html`<button class="tile booking" style=${cssProps({ '--agency': a.color })} aria-haspopup="dialog" @click=${() => (this._booking = { ...s, label: agency ? `${s.label} (${agency})` : s.label })}>
              <span class="label">${s.label}</span>
              ${agency ? html`<span class="agency">${agency}</span>` : nothing}
              <span class="only">${t.byAppointmentOnly}</span>
            </button>`;
          }
          return html`<button
            class="tile"
            style=${cssProps({ '--agency': a.color })}
            aria-pressed=${chosen ? 'true' : 'false'}
            @click=${() => emit<KioskStartEvents>(this, 'toggle-service', s.id)}
          >
            <span class="label">${s.label}</span>
            ${agency ? html`<span class="agency">${agency}</span>` : nothing}
            <span class="wait">${t.waiting(s.waiting, s.estimateMin)}</span>
          </button>`;
        })}
        ${absent.map((a) => this._absentTile(a))}
      </div>
      <div class="needs" role="group" aria-label=${t.needsTitle}>
        ${this._need('interpreter', t.needInterpreter)} ${this._need('accessible', t.needAccessible)}
        ${this._need('accompanied', t.needCompanion)}
      </div>
      <div class="take-row">
        <button class="appointment" @click=${() => emit<KioskStartEvents>(this, 'have-appointment', undefined)}>${t.haveAppointment}</button>
        <button class="take primary" ?disabled=${this.selected.length === 0} @click=${() => emit<KioskStartEvents>(this, 'take-number', undefined)}>
          ${t.takeNumber}
        </button>
      </div>
      ${this._booking
        ? html`<kiosk-booking .t=${t} .label=${this._booking.label} .info=${this._booking.bookingInfo ?? ''} @close=${() => (this._booking = null)}></kiosk-booking>`
        : nothing}
      ${this._absent
        ? html`<kiosk-presence
            .agency=${this._absent}
            .language=${this.language}
            @close=${() => (this._absent = null)}
            @take-guidance=${() => emit<KioskStartEvents>(this, 'take-guidance', undefined)}
          ></kiosk-presence>`
        : nothing}
    `;
  }

  /** An agency not here today: its name, "not here today" and when it is next here; touching it opens what to do instead. */
  private _absentTile(a: AbsentAgency) {
    const { m, lang } = presenceMessages(this.language);
    const words = lang === this.language ? {} : { lang, dir: 'ltr' };
    return html`<button class="tile absent" style=${cssProps({ '--agency': a.color })} aria-haspopup="dialog" @click=${() => (this._absent = a)}>
      <span class="label">${a.name}</span>
      <span class="only" lang=${words.lang ?? nothing} dir=${words.dir ?? nothing}>${m.notToday}</span>
      <span class="next" lang=${words.lang ?? nothing} dir=${words.dir ?? nothing}>${nextHereText(m, a.name, a.nextVisit)}</span>
    </button>`;
  }

  private _need(key: NeedKey, label: string) {
    const icon = key === 'interpreter' ? 'interpreter' : key === 'accessible' ? 'accessible' : 'companion';
    return html`<button aria-pressed=${this.needs[key] ? 'true' : 'false'} @click=${() => emit<KioskStartEvents>(this, 'toggle-need', key)}>
      ${pictogram(icon)}<span>${label}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-start': KioskStart;
  }
}
