import { DomainError, type ErrorCode, type StepStatus } from '@luukku/shared';

/**
 * The step's life, in one table. A step that is `called` may be finished or referred straight
 * away: a guide who sorts a visitor at the counter need not press "start" first.
 */
export const transitions: Readonly<Record<StepStatus, readonly StepStatus[]>> = {
  planned: ['waiting', 'cancelled'],
  waiting: ['called', 'cancelled'],
  called: ['serving', 'waiting', 'no_show', 'done', 'referred', 'cancelled'],
  serving: ['done', 'waiting', 'referred', 'cancelled'],
  done: [],
  no_show: [],
  cancelled: [],
  referred: [],
};

export const activeStatuses: readonly StepStatus[] = ['waiting', 'called', 'serving'];
export const endedStatuses: readonly StepStatus[] = ['done', 'no_show', 'cancelled', 'referred'];

export function canTransition(from: StepStatus, to: StepStatus): boolean {
  return transitions[from].includes(to);
}

/** The code a client gets when a step is not where the action needs it. */
function codeFor(from: StepStatus, to: StepStatus): ErrorCode {
  if (to === 'called' && from !== 'waiting') return 'STEP_NOT_WAITING';
  if ((to === 'serving' || to === 'no_show') && from !== 'called') return 'STEP_NOT_CALLED';
  if (endedStatuses.includes(from) || from === 'planned') return 'STEP_NOT_ACTIVE';
  return 'ILLEGAL_TRANSITION';
}

export function assertTransition(from: StepStatus, to: StepStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(codeFor(from, to), `A ${from.replace('_', ' ')} step cannot become ${to.replace('_', ' ')}`, { from, to });
  }
}
