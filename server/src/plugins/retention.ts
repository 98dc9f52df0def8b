import fp from 'fastify-plugin';
import { purgeExpired } from '../commands/retention.js';

const everyMs = 5 * 60_000;

/** Deletes yesterday's notes and anonymises old visits, at start-up and every five minutes. */
export default fp(
  async (app) => {
    const run = () => {
      try {
        const r = purgeExpired(app.commands, app.config.notesKeepDays);
        if (r.visitsClosed + r.notesDeleted + r.visitsAnonymised > 0) app.log.info(r, 'retention: expired data removed');
      } catch (err) {
        app.log.error({ err }, 'retention run failed');
      }
    };
    app.addHook('onReady', async () => run());
    const timer = setInterval(run, everyMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'retention', dependencies: ['database'] },
);
