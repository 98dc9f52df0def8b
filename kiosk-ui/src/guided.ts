import type { KioskMenu } from '@luukku/shared';
import type { Suggestion } from './components/kiosk-guided.js';

/**
 * The answers' suggested services, in the order first suggested (at most five); none known
 * means Guidance. A suggested service served by appointment only gets no number: it is listed
 * apart, with how to book, and the number covers the rest (or Guidance, when nothing is left).
 */
export function suggestServices(menu: KioskMenu | null, answers: readonly number[]): Suggestion {
  if (!menu) return { services: [], byAppointment: [] };
  const offered = new Map(menu.agencies.flatMap((a) => a.services.map((s) => [s.id, { ...s, agency: a.name }] as const)));
  const ids: number[] = [];
  for (const q of menu.questions) {
    if (!answers.includes(q.id)) continue;
    for (const id of q.suggests) if (!ids.includes(id) && offered.has(id)) ids.push(id);
  }
  const chosen = ids.map((id) => offered.get(id)!);
  return {
    services: chosen.filter((s) => !s.appointmentOnly).slice(0, 5).map((s) => ({ id: s.id, label: s.label })),
    // whose bookings these are, unless the label says it already (as on the service's tile)
    byAppointment: chosen
      .filter((s) => s.appointmentOnly)
      .map((s) => ({ id: s.id, label: s.label.includes(s.agency) ? s.label : `${s.label} (${s.agency})`, bookingInfo: s.bookingInfo ?? '' })),
  };
}
