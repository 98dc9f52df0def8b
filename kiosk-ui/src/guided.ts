import type { KioskMenu } from '@luukku/shared';
import type { Suggestion } from './components/kiosk-guided.js';

/** The answers' suggested services, in the order first suggested (at most five); none known means Guidance. */
export function suggestServices(menu: KioskMenu | null, answers: readonly number[]): Suggestion {
  if (!menu) return { services: [] };
  const labels = new Map(menu.agencies.flatMap((a) => a.services.map((s) => [s.id, s.label] as const)));
  const ids: number[] = [];
  for (const q of menu.questions) {
    if (!answers.includes(q.id)) continue;
    for (const id of q.suggests) if (!ids.includes(id) && labels.has(id)) ids.push(id);
  }
  return { services: ids.slice(0, 5).map((id) => ({ id, label: labels.get(id)! })) };
}
