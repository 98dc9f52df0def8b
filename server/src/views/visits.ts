import type { HubRecord, Queries, VisitRecord } from '@luukku/db';
import type { PublicVisit, VisitData, VisitorLanguage } from '@luukku/shared';
import { estimateForStep } from './queues.js';
import { iso } from './time.js';

/** The visit as the phone page and the kiosk may show it: numbers, labels and desks only. */
export function publicVisit(q: Queries, hub: HubRecord, visit: VisitRecord, now: number): PublicVisit {
  // read first: anything that happens while the view is built comes after this seq
  const seq = q.lastSeq(hub.id);
  return { seq, token: visit.token, ...visitView(q, hub, visit, now) };
}

/** The same, as the `visit` event carries it to the visit's own page (which holds its token). */
export function visitView(q: Queries, hub: HubRecord, visit: VisitRecord, now: number): VisitData {
  const steps = q.stepsOfVisit(visit.id).filter((s) => s.status !== 'cancelled');
  const publicSteps = steps.map((s) => {
    const service = q.service(s.serviceId)!;
    const desk = s.deskId !== null && (s.status === 'called' || s.status === 'serving') ? q.desk(s.deskId) : undefined;
    return {
      serviceId: s.serviceId,
      label: service.publicLabel,
      status: s.status,
      desk: desk ? { id: desk.id, name: desk.name, zone: desk.zone } : null,
    };
  });
  const currentIndex = steps.findIndex((s) => s.status === 'waiting' || s.status === 'called' || s.status === 'serving');
  const current = currentIndex >= 0 ? { ...publicSteps[currentIndex]!, ...estimateForStep(q, hub, steps[currentIndex]!, now) } : null;
  return {
    number: visit.number,
    status: visit.status,
    language: visit.language,
    issuedAt: iso(visit.arrivedAt),
    hubName: hub.name,
    steps: publicSteps,
    current,
    feedbackGiven: visit.feedbackGiven,
  };
}
