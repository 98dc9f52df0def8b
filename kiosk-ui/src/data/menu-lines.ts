import type { KioskMenu, QueueLine } from '@luukku/shared';

/**
 * The kiosk's menu with the waits of a `queues` event, in place. When the lines say a service
 * opened or closed (its opening hours began or ended), the menu's list of services is no longer
 * right: the answer is null, and the kiosk loads the menu again (rare: a few times a day).
 */
export function menuWithLines(menu: KioskMenu, lines: readonly QueueLine[]): KioskMenu | null {
  const byService = new Map(lines.map((l) => [l.serviceId, l]));
  const offered = new Set([...(menu.guidance ? [menu.guidance.id] : []), ...menu.agencies.flatMap((a) => a.services.map((s) => s.id))]);
  for (const line of lines) if (line.openNow !== offered.has(line.serviceId)) return null;
  const withWait = <T extends { id: number; waiting: number; estimateMin: number }>(s: T): T => {
    const line = byService.get(s.id);
    return line ? { ...s, waiting: line.waiting, estimateMin: line.estimateMin } : s;
  };
  return {
    ...menu,
    guidance: menu.guidance ? withWait(menu.guidance) : null,
    agencies: menu.agencies.map((a) => ({ ...a, services: a.services.map(withWait) })),
  };
}
