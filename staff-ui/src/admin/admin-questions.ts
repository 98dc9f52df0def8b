import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickText } from '@luukku/shared/i18n';
import type { AdminCatalog } from '@luukku/shared';
import { base } from '../styles.js';
import type { AdminController } from './admin-data.js';
import { langs } from './admin-forms.js';
import type { AdminMessages } from './i18n.js';

type Question = Omit<AdminCatalog['questions'][number], 'id'>;
const icons = ['briefcase', 'home', 'coins', 'compass', 'id-card', 'question'] as const;

/** The kiosk's "I don't know" questions, what each suggests, per language, with a preview. */
@customElement('admin-questions')
export class AdminQuestions extends LitElement {
  static override styles = [
    base,
    css`
      .q {
        display: grid;
        gap: 6px;
      }
      .preview li {
        margin: 4px 0;
      }
    `,
  ];

  @property({ attribute: false }) t!: AdminMessages;
  @property() language: 'fi' | 'sv' | 'en' = 'fi';
  @property({ attribute: false }) ctl!: AdminController;
  /** Passed down on every reload, so this section redraws with the new data. */
  @property({ attribute: false }) catalog!: AdminCatalog;
  @state() private _questions: Question[] = [];
  @state() private _preview: 'fi' | 'sv' | 'en' = 'fi';

  override connectedCallback(): void {
    super.connectedCallback();
    this._questions = structuredClone(this.catalog.questions.map(({ id: _id, ...q }) => q));
  }

  override render() {
    const t = this.t;
    const services = this.catalog.services.filter((s) => s.active && !s.isGuidance);
    const name = (id: number) => pickText(services.find((s) => s.id === id)?.name ?? { fi: '?' }, this._preview);
    return html`${this._questions.map(
        (q, i) => html`<fieldset class="card q">
          <legend>${t.question} ${i + 1}</legend>
          <label
            >${t.icon}
            <select @change=${(e: Event) => this._edit(i, { icon: (e.target as HTMLSelectElement).value as Question['icon'] })}>
              ${icons.map((ic) => html`<option value=${ic} ?selected=${ic === q.icon}>${ic}</option>`)}
            </select>
          </label>
          ${langs.map(
            (l) => html`<label
              >${t.name(l)}<input .value=${q.label[l] ?? ''} ?required=${l === 'fi'} @input=${(e: Event) => this._label(i, l, (e.target as HTMLInputElement).value)}
            /></label>`,
          )}
          <fieldset>
            <legend>${t.suggests}</legend>
            <p class="muted">${t.guidanceIfEmpty}</p>
            ${services.map(
              (s) => html`<label class="row"
                ><input type="checkbox" .checked=${q.suggests.includes(s.id)} @change=${(e: Event) => this._suggest(i, s.id, (e.target as HTMLInputElement).checked)} />${pickText(
                  s.name,
                  this.language,
                )}</label
              >`,
            )}
          </fieldset>
          <button type="button" @click=${() => (this._questions = this._questions.filter((_, j) => j !== i))}>${t.remove}</button>
        </fieldset>`,
      )}
      <div class="row">
        <button type="button" @click=${() => (this._questions = [...this._questions, { icon: 'question', label: { fi: '' }, suggests: [] }])}>${t.addQuestion}</button>
        <button class="primary" ?disabled=${this.ctl.busy} @click=${this._save}>${t.save}</button>
      </div>
      <section class="card preview" aria-label=${t.preview}>
        <h3>${t.preview}</h3>
        <label
          >${t.language}
          <select @change=${(e: Event) => (this._preview = (e.target as HTMLSelectElement).value as 'fi')}>
            ${langs.map((l) => html`<option value=${l} ?selected=${l === this._preview}>${l}</option>`)}
          </select>
        </label>
        <ul>
          ${this._questions.map(
            (q) => html`<li><strong>${pickText(q.label, this._preview)}</strong> → ${q.suggests.length ? q.suggests.map(name).join(' → ') : t.guidanceIfEmpty}</li>`,
          )}
        </ul>
      </section>`;
  }

  private _edit(i: number, patch: Partial<Question>) {
    this._questions = this._questions.map((q, j) => (j === i ? { ...q, ...patch } : q));
  }

  private _label(i: number, lang: string, value: string) {
    const q = this._questions[i]!;
    const label = { ...q.label, [lang]: value } as Question['label'];
    if (!value && lang !== 'fi') delete (label as Record<string, string>)[lang];
    this._edit(i, { label });
  }

  private _suggest(i: number, id: number, on: boolean) {
    const q = this._questions[i]!;
    this._edit(i, { suggests: on ? [...q.suggests, id] : q.suggests.filter((s) => s !== id) });
  }

  private _save = () => void this.ctl.send('PUT', '/api/admin/kiosk-questions', { questions: this._questions }, this.t.saved);
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-questions': AdminQuestions;
  }
}
