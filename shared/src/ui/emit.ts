import type { LitElement } from 'lit';

/**
 * Typed events from components (issue 13 §4). A component declares the events it sends as a
 * map from name to detail type, and sends them with one helper, so a listener and the sender
 * cannot disagree on a name or a detail:
 *
 *   interface KioskStartEvents { 'choose-service': { serviceId: number } }
 *   emit<KioskStartEvents>(this, 'choose-service', { serviceId });
 *
 * Events bubble and cross shadow roots (composed), as the apps listen on their own element.
 */
export function emit<Events extends object, K extends keyof Events & string = keyof Events & string>(
  host: LitElement | HTMLElement,
  name: K,
  detail: Events[K],
): boolean {
  return host.dispatchEvent(new CustomEvent<Events[K]>(name, { detail, bubbles: true, composed: true }));
}
