import type { StepRecord } from '@luukku/db';
import { iso } from '../views/time.js';
import { write, type CommandContext } from './context.js';
import { emitQueues, emitVisit } from './events.js';

/**
 * How long after a step's due moment the phone pages may still be trusted to count it from
 * the `queues` move alone. Later than that, a page may have loaded its count with the step
 * already in front (its snapshot came after the moment), and every page of the line is told
 * its count instead.
 */
export const onTimeMs = 1_000;

/**
 * Steps that waited for a later queue time (an appointment checked in early) and came due in
 * (after, upTo]: nothing commanded it, yet the line's calling order changed (issue 11 §1). Per
 * hub this writes what a command that moved them would: one `queues` event with the changed
 * lines' figures and a move for each step, now joining the part of the line that is due, so a
 * walk-in's phone page behind it counts one more ahead (shared `followLine`); then the last word
 * (`visit`) to each page the move cannot tell: the steps that came due themselves, and those
 * still waiting for their own time (the move counts wrongly for them). Returns how many steps.
 */
export function announceDueSteps(ctx: CommandContext, after: number, upTo: number): number {
  const steps = ctx.q.stepsComingDue(after, upTo);
  const byHub = new Map<number, StepRecord[]>();
  for (const s of steps) byHub.set(s.hubId, [...(byHub.get(s.hubId) ?? []), s]);
  for (const [hubId, due] of byHub) {
    const hub = ctx.q.hub(hubId);
    if (!hub) continue;
    const firstDue = Math.min(...due.map((s) => s.queueTime!));
    const lastEventAt = ctx.q.lastEventAt(hubId);
    write(ctx, hubId, (w, now) => {
      const newly = new Set(due.map((s) => s.id));
      for (const s of due) {
        w.touched.add(s.serviceId);
        w.moves.push({ serviceId: s.serviceId, stepId: s.id, priority: s.priority, queueTime: iso(s.queueTime!), delta: 1 });
      }
      const lines = [...w.touched];
      emitQueues(ctx.q, w, hub, now);
      // a command since the moment, or a late run, may have given pages counts that include it
      const late = now - firstDue > onTimeMs || (lastEventAt !== null && lastEventAt >= firstDue);
      const tell = new Set<number>();
      for (const serviceId of lines) {
        for (const { step } of ctx.q.waitingOfService(serviceId, now)) {
          if (late || newly.has(step.id) || (step.queueTime ?? 0) > now) tell.add(step.visitId);
        }
      }
      for (const visitId of tell) emitVisit(ctx.q, w, hub, ctx.q.visit(visitId)!);
    });
  }
  return steps.length;
}
