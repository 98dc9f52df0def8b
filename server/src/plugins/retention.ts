import fp from 'fastify-plugin';
import { deletedAnything, purgeExpired } from '../commands/retention.js';

const everyMs = 5 * 60_000;

/** Deletes yesterday's notes and events and anonymises old visits, at start-up and every five minutes. */
export default fp(
  async (app) => {
    // deleted text stays in the -wal file until a checkpoint that no reader (a backup) blocks
    let walPending = false;
    const run = () => {
      try {
        const r = purgeExpired(app.commands, app.config.notesKeepDays, { dataDir: app.config.dataDir });
        const deleted = deletedAnything(r);
        if (r.visitsClosed > 0 || deleted) app.log.info(r, 'retention: expired data removed');
        walPending = deleted ? !r.walTruncated : walPending && !app.q.checkpoint();
        if (walPending) app.log.warn('retention: a reader kept the write-ahead log from being emptied; trying again next run');
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
