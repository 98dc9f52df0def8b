import fp from 'fastify-plugin';
import { inlineReports, workerReports, type ReportRunner } from '../reports/runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs reports: in the report worker for a database file, inline for ':memory:'. */
    reports: ReportRunner;
  }
}

export default fp(
  async (app) => {
    const { config } = app;
    // a worker opens the file anew; an in-memory database exists only on this connection
    const runner =
      config.reportWorker && config.databasePath !== ':memory:'
        ? workerReports({ databasePath: config.databasePath, timeoutMs: config.reportTimeoutMs, queue: config.reportQueue, log: app.log })
        : inlineReports(app.q);
    app.decorate('reports', runner);
    app.addHook('onClose', async () => runner.close());
  },
  { name: 'reports', dependencies: ['database'] },
);
