import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { languageInfo, languages as visitorLanguages } from '@luukku/shared/i18n';

/** The staff languages: every text is asked for in these, whatever the kiosk offers. */
export const langs = ['fi', 'sv', 'en'] as const;

/** The languages a visitor-facing text is edited in: the staff's, then the kiosk's, in the kiosk's order. */
export function textLanguages(hub: { kioskLanguages: readonly string[] }): string[] {
  return visitorLanguages.map((l) => l.code as string).filter((l) => (langs as readonly string[]).includes(l) || hub.kioskLanguages.includes(l));
}

/** A labelled input; the label is the accessible name. */
export function field(
  label: string,
  name: string,
  value: string | number | null | undefined,
  type = 'text',
  extra: Partial<{ required: boolean; min: number; max: number; maxlength: number; pattern: string; lang: string; describedBy: string }> = {},
): TemplateResult {
  return html`<label>${label}<input
      name=${name}
      type=${type}
      .value=${value === null || value === undefined ? '' : String(value)}
      ?required=${extra.required ?? false}
      min=${ifDefined(extra.min)}
      max=${ifDefined(extra.max)}
      maxlength=${ifDefined(extra.maxlength)}
      pattern=${ifDefined(extra.pattern)}
      lang=${ifDefined(extra.lang === undefined ? undefined : languageInfo(extra.lang).tag)}
      dir=${ifDefined(extra.lang === undefined ? undefined : languageInfo(extra.lang).dir)}
      aria-describedby=${ifDefined(extra.describedBy)}
  /></label>`;
}

/**
 * One input per language, name_fi, name_sv, … (Finnish required). With `missing`, an empty
 * language gets that mark beside its input, so the admin sees which translations to write.
 */
export function texts(
  label: (lang: string) => string,
  name: string,
  value: Record<string, string | undefined> | undefined,
  languages: readonly string[] = langs,
  missing?: string,
  /** false for a text that may be left out altogether (e.g. how to book) */
  required = true,
): TemplateResult {
  return html`<div class="texts">
    ${languages.map((l) => {
      const absent = missing !== undefined && !value?.[l]?.trim();
      const markId = `${name}_${l}-missing`;
      return html`<div class="text-field">
        ${field(label(l), `${name}_${l}`, value?.[l], 'text', { required: required && l === 'fi', maxlength: 200, lang: l, ...(absent ? { describedBy: markId } : {}) })}
        ${absent ? html`<span class="badge warn missing" id=${markId} data-lang=${l}>${missing}</span>` : nothing}
      </div>`;
    })}
  </div>`;
}

/**
 * Reads name_fi / name_sv / … back into { fi, sv?, … }; an emptied input removes that
 * translation. Languages not on the form keep what `before` had, so narrowing the kiosk's
 * languages loses no one's work.
 */
export function readTexts(form: FormData, name: string, languages: readonly string[] = langs, before: Record<string, string | undefined> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [l, v] of Object.entries(before)) if (v) out[l] = v;
  for (const l of languages) {
    const v = String(form.get(`${name}_${l}`) ?? '').trim();
    if (v) out[l] = v;
    else delete out[l];
  }
  return out;
}

export const str = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
export const num = (form: FormData, name: string): number | null => {
  const v = str(form, name);
  return v === '' ? null : Number(v);
};
