import fp from 'fastify-plugin';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createQueries, openDatabase, type Db, type Queries } from '@luukku/db';
import type { Config } from '../config.js';
import type { CommandContext, StoredEvent } from '../commands/context.js';
import { newToken } from '../auth/secrets.js';

/** What the database plugin adds to the app; re-exported so tests see the same types. */
export interface AppServices {
  config: Config;
  db: Db;
  q: Queries;
  /** What commands run with: queries, the clock, and the after-commit publisher. */
  commands: CommandContext;
  /** Subscribers to committed events (realtime registers itself here). */
  onEvents: (listener: (events: readonly StoredEvent[]) => void) => void;
}

declare module 'fastify' {
  interface FastifyInstance extends AppServices {}
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    if (config.databasePath !== ':memory:') {
      // the data folder holds the database, print previews and backups: the server's user alone
      const dir = dirname(config.databasePath);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
    }
    const db = openDatabase(config.databasePath);
    const q = createQueries(db);
    const listeners: ((events: readonly StoredEvent[]) => void)[] = [];
    app.decorate('config', config);
    app.decorate('db', db);
    app.decorate('q', q);
    app.decorate('onEvents', (l: (events: readonly StoredEvent[]) => void) => {
      listeners.push(l);
    });
    app.decorate('commands', {
      q,
      now: config.now,
      newToken: () => newToken(16),
      publish: (events: readonly StoredEvent[]) => {
        for (const l of listeners) {
          try {
            l(events);
          } catch (err) {
            // the change is committed; a failing listener must not turn it into an error answer
            app.log.error({ err }, 'event listener failed');
          }
        }
      },
    });
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'database' },
);
