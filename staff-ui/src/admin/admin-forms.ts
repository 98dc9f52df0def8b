import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export const langs = ['fi', 'sv', 'en'] as const;

/** A labelled input; the label is the accessible name. */
export function field(label: string, name: string, value: string | number | null | undefined, type = 'text', extra: Partial<{ required: boolean; min: number; max: number; maxlength: number; pattern: string }> = {}): TemplateResult {
  return html`<label>${label}<input
      name=${name}
      type=${type}
      .value=${value === null || value === undefined ? '' : String(value)}
      ?required=${extra.required ?? false}
      min=${ifDefined(extra.min)}
      max=${ifDefined(extra.max)}
      maxlength=${ifDefined(extra.maxlength)}
      pattern=${ifDefined(extra.pattern)}
  /></label>`;
}

/** Three inputs name_fi, name_sv, name_en for a text in each staff language (Finnish required). */
export function texts(label: (lang: string) => string, name: string, value: Record<string, string | undefined> | undefined): TemplateResult {
  return html`${langs.map((l) => field(label(l), `${name}_${l}`, value?.[l], 'text', { required: l === 'fi', maxlength: 200 }))}`;
}

/** Reads name_fi / name_sv / name_en back into { fi, sv?, en? }. */
export function readTexts(form: FormData, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of langs) {
    const v = String(form.get(`${name}_${l}`) ?? '').trim();
    if (v) out[l] = v;
  }
  return out;
}

export const str = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
export const num = (form: FormData, name: string): number | null => {
  const v = str(form, name);
  return v === '' ? null : Number(v);
};
