import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminCatalog, AppointmentImportResult } from '@luukku/shared';
import { base } from '../styles.js';
import { importAppointments, type ImportAnswer } from './import-data.js';
import type { ImportMessages } from './import-i18n.js';

type Format = 'ics' | 'csv';

/** The server's importMaxChars (the UI takes no runtime values from the shared index: CSP). */
const maxChars = 1_000_000;

/**
 * Appointments from a booking system's .ics or CSV export: choose the file, preview what it
 * would do (a dry run) or every problem by line, then import and read the codes it made.
 */
@customElement('admin-import')
export class AdminImport extends LitElement {
  static override styles = [
    base,
    css`
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
      .code {
        font-family: monospace;
        font-size: 1.2em;
        letter-spacing: 0.1em;
      }
    `,
  ];

  @property({ attribute: false }) t!: ImportMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _text = '';
  @state() private _format: Format = 'ics';
  @state() private _serviceId = '';
  @state() private _busy = false;
  @state() private _note = '';
  @state() private _answer: ImportAnswer | null = null;

  override render() {
    const t = this.t;
    const services = this.catalog.services.filter((s) => s.active);
    return html`<form class="card" @submit=${(e: SubmitEvent) => this._send(e, true)}>
        <h3>${t.title}</h3>
        <p class="muted">${t.hint}</p>
        <label>${t.file}<input name="file" type="file" accept=".ics,.csv,.txt,text/calendar,text/csv" @change=${this._pick} /></label>
        <label
          >${t.format}
          <select name="format" @change=${(e: Event) => this._choose({ format: (e.target as HTMLSelectElement).value as Format })}>
            ${(['ics', 'csv'] as const).map((f) => html`<option value=${f} ?selected=${f === this._format}>${t.formats[f]}</option>`)}
          </select></label
        >
        <label
          >${t.defaultService}
          <select name="service" @change=${(e: Event) => this._choose({ serviceId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this._serviceId === ''}>${t.noDefault}</option>
            ${services.map((s) => html`<option value=${String(s.id)} ?selected=${String(s.id) === this._serviceId}>${s.name[this.language] || s.name.fi} (${s.code})</option>`)}
          </select></label
        >
        <div class="row">
          <button type="submit" ?disabled=${this._busy}>${t.preview}</button>
          <button type="button" class="primary" ?disabled=${this._busy || !this._previewed} @click=${(e: Event) => this._send(e, false)}>${t.import}</button>
        </div>
      </form>
      <div role="status" aria-busy=${this._busy ? 'true' : 'false'}>${this._note ? html`<p class="badge warn">${this._note}</p>` : this._answer?.ok ? this._result(this._answer.result) : nothing}</div>
      ${this._answer && !this._answer.ok ? this._problems(this._answer) : nothing}`;
  }

  /** Import is offered once a preview of this very file came back clean. */
  private get _previewed(): boolean {
    return this._answer?.ok === true && this._answer.result.dryRun;
  }

  private _result(r: AppointmentImportResult) {
    const t = this.t;
    // the hub's wall clock, whatever the admin's computer is set to
    const time = (iso: string) =>
      new Date(iso).toLocaleString(this.language === 'en' ? 'en-GB' : this.language, { dateStyle: 'short', timeStyle: 'short', timeZone: this.catalog.hub.timeZone });
    return html`<section class="card" aria-label=${r.dryRun ? t.previewTitle : t.doneTitle}>
      <h3>${r.dryRun ? t.previewTitle : t.doneTitle}</h3>
      <p>${t.counts(r)}</p>
      <table>
        <thead>
          <tr><th>${t.line}</th><th>${t.bookingId}</th><th>${t.time}</th><th>${t.change}</th><th>${t.code}</th></tr>
        </thead>
        <tbody>
          ${r.rows.map((row) => html`<tr><td>${row.line}</td><td>${row.bookingId}</td><td>${time(row.startsAt)}</td><td>${t.changes[row.change]}</td><td class="code">${row.code ?? '–'}</td></tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  private _problems(a: Extract<ImportAnswer, { ok: false }>) {
    const t = this.t;
    return html`<section class="card" role="alert">
      <h3>${t.problemsTitle(Math.max(a.problems.length, 1))}</h3>
      ${a.problems.length === 0
        ? html`<p>${a.message}</p>`
        : html`<table>
            <thead><tr><th>${t.line}</th><th>${t.problem}</th></tr></thead>
            <tbody>${a.problems.map((p) => html`<tr><td>${p.line}</td><td>${p.message}</td></tr>`)}</tbody>
          </table>`}
    </section>`;
  }

  /** Another format or default service: the preview no longer says what an import would do. */
  private _choose(change: { format?: Format; serviceId?: string }) {
    if (change.format) this._format = change.format;
    if (change.serviceId !== undefined) this._serviceId = change.serviceId;
    this._answer = null;
  }

  private async _pick(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0];
    this._answer = null;
    this._note = '';
    this._text = file ? await file.text() : '';
    if (file) this._format = /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'csv' : 'ics';
  }

  private async _send(e: Event, dryRun: boolean) {
    e.preventDefault();
    const t = this.t;
    this._note = this._text === '' ? t.chooseFile : this._text.length > maxChars ? t.tooLarge : '';
    if (this._note) return;
    this._busy = true;
    this._answer = await importAppointments({
      format: this._format,
      text: this._text,
      dryRun,
      ...(this._serviceId ? { serviceId: Number(this._serviceId) } : {}),
    });
    this._busy = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-import': AdminImport;
  }
}
