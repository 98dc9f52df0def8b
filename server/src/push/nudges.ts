import type { Queries, VisitRecord } from '@luukku/db';
import { PushAheadSetting, type StepData, type VisitData } from '@luukku/shared';
import type { StoredEvent } from '../commands/context.js';
import type { Nudge } from './words.js';

/** The hub setting: nudge when this many people (or fewer) are ahead. */
export const pushAheadKey = 'push_ahead';
export const defaultPushAhead = 3;

export function pushAhead(q: Queries, hubId: number): number {
  const parsed = PushAheadSetting.safeParse(q.hubSetting(hubId, pushAheadKey));
  return parsed.success ? parsed.data : defaultPushAhead;
}

export interface PlannedNudge {
  visit: VisitRecord;
  nudge: Nudge;
}

/**
 * What one committed command means for the visits that asked to be nudged: called (with the
 * desk), referred (with the next service's public label), or N or fewer people ahead in a line
 * the command moved. People ahead are counted as the phone page counts them (`peopleAhead`, the
 * line's own order). Each nudge is marked as sent before it goes, so a count that bounces
 * 3 → 4 → 3 nudges once, per step. Also returns the visits the command ended: their
 * subscriptions go.
 */
export function planNudges(q: Queries, events: readonly StoredEvent[], now: number): { nudges: PlannedNudge[]; ended: number[] } {
  const nudges: PlannedNudge[] = [];
  const ended: number[] = [];
  const subscribed = new Map<number, boolean>();
  const hasSubscription = (visitId: number) => {
    let v = subscribed.get(visitId);
    if (v === undefined) subscribed.set(visitId, (v = q.pushSubscriptionCount(visitId) > 0));
    return v;
  };
  const steps = events.filter((e) => e.type === 'step').map((e) => e.data as StepData);
  // a referral's new step is nudged as "referred"; an "N ahead" for it in the same breath is noise
  const referredSteps = new Set<number>();

  for (const { change, step } of steps) {
    if (change === 'called' && step.deskId !== null && hasSubscription(step.visitId)) {
      if (!q.markNudged(step.visitId, step.id, 'called', now)) continue;
      nudges.push({ visit: q.visit(step.visitId)!, nudge: { kind: 'called', number: step.number, desk: q.desk(step.deskId)!.name } });
    } else if (change === 'returned') {
      // back in the line: the next call is a new one and is nudged again (a recall is not)
      q.clearNudge(step.visitId, step.id, 'called');
    } else if (change === 'referred') {
      const next = steps.find((s) => s.change === 'activated' && s.step.visitId === step.visitId)?.step;
      if (!next) continue;
      referredSteps.add(next.id);
      if (!hasSubscription(step.visitId) || !q.markNudged(step.visitId, next.id, 'referred', now)) continue;
      nudges.push({ visit: q.visit(step.visitId)!, nudge: { kind: 'referred', number: step.number, service: q.service(next.serviceId)!.publicLabel } });
    }
  }

  const moved = new Map<number, Set<number>>();
  for (const e of events) {
    if (e.type !== 'queues') continue;
    const lines = moved.get(e.hubId) ?? new Set<number>();
    for (const m of (e.data as { moves: { serviceId: number }[] }).moves) lines.add(m.serviceId);
    moved.set(e.hubId, lines);
  }
  for (const [hubId, lines] of moved) {
    if (lines.size === 0) continue;
    const limit = pushAhead(q, hubId);
    for (const stepId of q.subscribedWaitingSteps([...lines])) {
      if (referredSteps.has(stepId)) continue;
      const step = q.step(stepId)!;
      const ahead = q.peopleAhead(step, now);
      if (ahead > limit || !q.markNudged(step.visitId, step.id, 'ahead', now)) continue;
      const visit = q.visit(step.visitId)!;
      nudges.push({ visit, nudge: { kind: 'ahead', number: visit.number, ahead } });
    }
  }

  for (const e of events) {
    if (e.type !== 'visit' || e.visitId === null) continue;
    const data = e.data as VisitData;
    if (data.status !== 'active' || data.expired) ended.push(e.visitId);
  }
  return { nudges, ended };
}
