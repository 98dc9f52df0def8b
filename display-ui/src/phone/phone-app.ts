import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { languageInfo, pickText, ticketWords } from '@luukku/shared/i18n';
import { tokenFromPath, VisitController } from './phone-data.js';

/**
 * The visitor's phone page, /v/<token>: number, status, people ahead, estimate, and the desk
 * when called, live. Small and fast; in the visit's language; no names, no notes.
 */
@customElement('phone-app')
export class PhoneApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 1.15rem/1.45 system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
      color: #14213d;
      max-width: 34rem;
      margin: 0 auto;
      padding: 1.2rem;
    }
    .card {
      background: #fff;
      border-radius: 16px;
      padding: 1.2rem;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.1);
      text-align: center;
    }
    .number {
      font-size: 4.5rem;
      font-weight: 800;
      margin: 0.1em 0;
      letter-spacing: 0.04em;
    }
    .called {
      background: #0b5cad;
      color: #fff;
      border-radius: 12px;
      padding: 0.8em;
      font-size: 1.6rem;
      font-weight: 800;
    }
    dl {
      display: flex;
      justify-content: center;
      gap: 1.6em;
    }
    dt {
      color: #4a5568;
      font-size: 0.9em;
    }
    dd {
      margin: 0;
      font-size: 1.7rem;
      font-weight: 700;
    }
    .offline {
      color: #8a1c1c;
      font-size: 0.9em;
    }
    h1 {
      font-size: 1rem;
      margin: 0;
      color: #4a5568;
    }
  `;

  private _data = new VisitController(this, tokenFromPath(), () => navigator.vibrate?.([300, 150, 300]));

  override render() {
    const visit = this._data.visit;
    if (this._data.notFound) {
      // the visit is unknown (or anonymised), so its language is too: use the phone's
      const lang = navigator.language.slice(0, 2);
      const text = lang === 'sv' ? 'Könumret hittades inte. Fråga vid rådgivningen.' : lang === 'en' ? 'Queue number not found. Please ask at the guidance desk.' : 'Vuoronumeroa ei löytynyt. Kysy neuvonnasta.';
      return html`<div class="card" role="alert">${text}</div>`;
    }
    if (this._data.expired) {
      const lang = this._data.expired;
      const info = languageInfo(lang);
      document.documentElement.lang = info.tag;
      document.documentElement.dir = info.dir;
      return html`<div class="card" role="alert" lang=${info.tag} dir=${info.dir}>${ticketWords[lang].numberExpired}</div>`;
    }
    if (!visit) return html`<div class="card" aria-busy="true">…</div>`;
    const w = ticketWords[visit.language] ?? ticketWords.en;
    const info = languageInfo(visit.language);
    document.documentElement.lang = info.tag;
    document.documentElement.dir = info.dir;
    const current = visit.current;
    const label = current ? pickText(current.label, visit.language) : '';
    return html`<div class="card" lang=${info.tag} dir=${info.dir}>
      <h1>${pickText(visit.hubName, visit.language)}</h1>
      <p>${w.queueNumber}</p>
      <p class="number">${visit.number}</p>
      ${current ? html`<p><strong>${label}</strong></p>` : nothing}
      <div role="status" aria-live="assertive">
        ${current?.status === 'called' && current.desk
          ? html`<p class="called">${w.goToDesk(current.desk.name)}</p>`
          : current?.status === 'serving'
            ? html`<p>${w.beingServed}</p>`
            : !current
              ? html`<p>${w.visitOver}</p>`
              : nothing}
      </div>
      ${current?.status === 'waiting'
        ? html`<dl>
              <div><dt>${w.peopleAhead}</dt><dd>${current.peopleAhead}</dd></div>
              <div><dt>${w.estimatedWait}</dt><dd>${w.minutes(current.estimateMin)}</dd></div>
            </dl>
            <p>${w.waitToBeCalled}</p>`
        : nothing}
      ${this._data.state === 'offline' ? html`<p class="offline" role="status">${w.connectionLost}</p>` : nothing}
      <phone-push .token=${tokenFromPath()} .visit=${visit}></phone-push>
      <phone-feedback .visit=${visit}></phone-feedback>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-app': PhoneApp;
  }
}
