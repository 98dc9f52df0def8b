import type { StepStatus } from '@luukku/shared';
import type { StepAction } from '@luukku/shared/http';

/**
 * What this desk will hold once every action already accepted has run: nobody, a known
 * visitor in a known status, or a visitor a call is still fetching (not known yet).
 */
export type Planned = { kind: 'none' } | { kind: 'visitor'; stepId: number; status: StepStatus } | { kind: 'unknown' };

/** One staff action, as a key press or a click asks for it. */
export type Press =
  | { kind: 'call-next' }
  | { kind: 'call-step'; stepId: number }
  | { kind: 'step'; action: StepAction | 'refer' }
  | { kind: 'desk' };

/** Why a press was refused: work is still running ("One moment…"), or it can never apply now. */
export type Refusal = 'wait' | 'not-now';

export type Decision = { accept: true; stepId: number | null; next: Planned } | { accept: false; reason: Refusal };

/** The statuses a step action needs, and the step's status after it (null: it left the desk). */
const stepRules: Record<StepAction | 'refer', { from: readonly StepStatus[]; to: StepStatus | null }> = {
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['called', 'serving'], to: null },
  'no-show': { from: ['called'], to: null },
  return: { from: ['called', 'serving'], to: null },
  cancel: { from: ['called', 'serving'], to: null },
  refer: { from: ['called', 'serving'], to: null },
};

/**
 * The rule for a press while others may still run. A press is queued when it makes sense
 * on the desk as the accepted actions will leave it, and it then acts on the visitor it was
 * aimed at; otherwise it is refused, visibly. So:
 * - a second "call next" while a call runs is refused: two presses must never call two visitors;
 * - "finish" (or no-show, return, cancel, refer) then "call next" queues: that is the day's rhythm;
 * - "start" then "finish" on the same visitor queues, each on that visitor's step;
 * - an action on "the visitor a call is fetching" is refused: staff see whom they act on first;
 * - desk changes (open, close, break) wait for nothing: they are refused while anything runs.
 * "wait" means pressing again in a moment may work; "not-now" means it cannot apply at all.
 */
export function decide(planned: Planned, running: boolean, press: Press): Decision {
  const refuse = (reason: Refusal): Decision => ({ accept: false, reason });
  const blocked = (): Decision => refuse(running ? 'wait' : 'not-now');
  if (press.kind === 'desk') return running ? refuse('wait') : { accept: true, stepId: null, next: planned };
  if (planned.kind === 'unknown') return refuse('wait');
  if (press.kind === 'call-next') return planned.kind === 'none' ? { accept: true, stepId: null, next: { kind: 'unknown' } } : blocked();
  if (press.kind === 'call-step') {
    return planned.kind === 'none' ? { accept: true, stepId: press.stepId, next: { kind: 'visitor', stepId: press.stepId, status: 'called' } } : blocked();
  }
  if (planned.kind === 'none') return blocked();
  const rule = stepRules[press.action];
  if (!rule.from.includes(planned.status)) return blocked();
  const next: Planned = rule.to ? { kind: 'visitor', stepId: planned.stepId, status: rule.to } : { kind: 'none' };
  return { accept: true, stepId: planned.stepId, next };
}

/** A step a desk holds stays on screen; any other status means it has left the desk. */
export const atDesk = (status: StepStatus): boolean => status === 'called' || status === 'serving';
