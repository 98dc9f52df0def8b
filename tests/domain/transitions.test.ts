import { describe, expect, it } from 'vitest';
import { DomainError, stepStatuses, type StepStatus } from '@luukku/shared';
import { assertTransition, canTransition } from '../../server/src/domain/transitions.js';

// Written out by hand, not read from the table under test: this is the life of a step.
const legal: Record<StepStatus, StepStatus[]> = {
  planned: ['waiting', 'cancelled'],
  waiting: ['called', 'cancelled'],
  called: ['serving', 'waiting', 'no_show', 'done', 'referred', 'cancelled'],
  serving: ['done', 'waiting', 'referred', 'cancelled'],
  done: [],
  no_show: [],
  cancelled: [],
  referred: [],
};

describe('step transitions', () => {
  for (const from of stepStatuses) {
    for (const to of stepStatuses) {
      const allowed = legal[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
        if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(DomainError);
      });
    }
  }

  it('tells a desk that its visitor was already called elsewhere', () => {
    try {
      assertTransition('called', 'called');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('STEP_NOT_WAITING');
      expect((e as DomainError).status).toBe(409);
    }
  });

  it('says a finished step is no longer active', () => {
    expect(() => assertTransition('done', 'serving')).toThrow(expect.objectContaining({ code: 'STEP_NOT_CALLED' }));
    expect(() => assertTransition('done', 'referred')).toThrow(expect.objectContaining({ code: 'STEP_NOT_ACTIVE' }));
    expect(() => assertTransition('waiting', 'no_show')).toThrow(expect.objectContaining({ code: 'STEP_NOT_CALLED' }));
  });
});
