import { html, nothing } from 'lit';
import { languageInfo, pickText } from '@luukku/shared/i18n';
import type { Agency, WaitingEntry } from '@luukku/shared';
import type { StaffLang, StaffMessages } from '../i18n/index.js';
import { clockTime } from './appointment-time.js';

/** Below this priority a checked-in appointment waits as a walk-in (the server's appointmentPriority). */
export const appointmentPriority = 2;

/**
 * "Ajanvaraus 10.30 · vuorossa nyt": a waiting appointment, its time, and whether it goes ahead
 * of walk-ins now, from a later time (checked in early), or not at all (checked in late). On the
 * console's clock, so it turns due between events.
 */
export function appointmentBadge(t: StaffMessages, language: StaffLang, e: WaitingEntry, now: number, timeZone: string) {
  if (!e.appointment) return nothing;
  const due = Date.parse(e.queueTime);
  const when = e.priority < appointmentPriority ? t.appointmentLate : due <= now ? t.appointmentDueNow : t.appointmentDueAt(clockTime(e.queueTime, timeZone, language));
  return html`<span class="badge appointment" data-due=${e.priority >= appointmentPriority && due <= now ? 'now' : 'later'}
    >${t.appointmentMark(clockTime(e.appointment.startsAt, timeZone, language))} · ${when}</span
  >`;
}

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
