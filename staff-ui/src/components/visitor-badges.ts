import { html, nothing } from 'lit';
import { languageInfo, pickText } from '@luukku/shared/i18n';
import type { Agency, WaitingEntry } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';

/**
 * What staff need to know of a waiting visitor before calling them, as badges: their language,
 * needs, and the referral that brought them (from which agency, why, whether a note waits).
 * The lines and the next-visitor preview show the same badges. `notReferred` says so outright.
 */
export function visitorBadges(t: StaffMessages, language: StaffLang, e: WaitingEntry, agencies: readonly Agency[], notReferred = false) {
  const lang = languageInfo(e.language).native;
  const ref = e.referredFrom;
  const from = ref ? agencies.find((a) => a.id === ref.agencyId) : undefined;
  return html`<span class="badge" title=${t.visitLanguage}>${lang}</span>
    ${e.needs.interpreter ? html`<span class="badge warn">${t.needs.interpreter(lang)}</span>` : nothing}
    ${e.needs.accessible ? html`<span class="badge warn">${t.needs.accessible}</span>` : nothing}
    ${e.needs.accompanied ? html`<span class="badge">${t.needs.accompanied}</span>` : nothing}
    ${ref
      ? html`<span class="badge">${t.referredFrom(from ? pickText(from.name, language) : '?', t.reasons[ref.reason] ?? '')}${ref.hasNote ? ` · ${t.hasNote}` : ''}</span>`
      : notReferred
        ? html`<span class="badge">${t.notReferred}</span>`
        : nothing}`;
}
