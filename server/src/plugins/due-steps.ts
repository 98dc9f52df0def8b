import fp from 'fastify-plugin';
import type { StepData } from '@luukku/shared';
import { announceDueSteps } from '../commands/due-steps.js';

export interface DueSteps {
  /** Announces every waiting step that came due since the last run, then sets the timer for the next. */
  run: () => void;
  /** When the timer is next set to run, on the config clock (ms); null while no step waits for a later time. */
  nextAt: () => number | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    dueSteps: DueSteps;
  }
}

/**
 * The wall clock is read again at least this often: a timer runs on the monotonic clock, and
 * a far-off due moment (or a wall clock set forward) must not be missed by hours.
 */
const longestWaitMs = 60_000;
/** After a failed run (a busy database), the next try. */
const retryMs = 5_000;

/**
 * Re-sorts the lines when an early appointment comes due (issue 11 §1). The timer is set for
 * the exact moment the nearest waiting step comes due, not on a tick: phone pages count the
 * step's move as of that moment, so the sooner after it the event goes, the smaller the window
 * in which a page could have loaded a count that already has the step in front (and a run later
 * than `onTimeMs` tells every page its count instead). It sleeps while nobody waits for a later
 * time. Commands that put a step in a line with a later queue time bring the timer forward.
 */
export default fp(
  async (app) => {
    const now = () => app.config.now().getTime();
    let after = now();
    let timer: NodeJS.Timeout | null = null;
    let next: number | null = null;
    let closed = false;

    const schedule = (at: number | null, delay = at === null ? 0 : at - now()) => {
      if (timer) clearTimeout(timer);
      timer = null;
      next = at;
      if (at === null || closed) return;
      timer = setTimeout(run, Math.min(Math.max(0, delay), longestWaitMs));
      timer.unref();
    };

    function run(): void {
      try {
        const upTo = now();
        // a wall clock set back: steps ahead of it come due again, on the new time line
        if (upTo < after) after = upTo;
        if (upTo > after) {
          const n = announceDueSteps(app.commands, after, upTo);
          after = upTo;
          if (n > 0) app.log.debug({ steps: n }, 'due steps: lines re-sorted');
        }
        schedule(app.q.nextStepDue(after));
      } catch (err) {
        app.log.error({ err }, 'due steps: re-sorting the lines failed; trying again');
        schedule(now() + retryMs);
      }
    }

    app.decorate('dueSteps', { run, nextAt: () => next });

    app.onEvents((events) => {
      const t = now();
      for (const e of events) {
        if (e.type !== 'step') continue;
        const { step } = e.data as StepData;
        const at = Date.parse(step.queueTime);
        if (step.status === 'waiting' && at > t && (next === null || at < next)) schedule(at);
      }
    });
    app.addHook('onReady', async () => run());
    app.addHook('onClose', async () => {
      closed = true;
      schedule(null);
    });
  },
  { name: 'due-steps', dependencies: ['database'] },
);
