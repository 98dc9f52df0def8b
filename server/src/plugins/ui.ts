import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built UIs: /kiosk, /staff, /display, the phone page /v/<token> and the feedback tablet /feedback. A UI that is
 * not built (as in API tests) is left out, and its path answers with a clear 404.
 */
export default fp(
  async (app) => {
    const uis = [
      { prefix: '/kiosk/', dir: join(app.config.uiDir, 'kiosk-ui', 'dist') },
      { prefix: '/staff/', dir: join(app.config.uiDir, 'staff-ui', 'dist') },
      { prefix: '/display/', dir: join(app.config.uiDir, 'display-ui', 'dist') },
    ];
    let first = true;
    for (const ui of uis) {
      if (!existsSync(join(ui.dir, 'index.html'))) {
        app.log.warn({ dir: ui.dir }, `UI not built; ${ui.prefix} is not served (run npm run build)`);
        continue;
      }
      await app.register(fastifyStatic, { root: ui.dir, prefix: ui.prefix, decorateReply: first, wildcard: false, index: 'index.html' });
      first = false;
      // /kiosk?device=… is served as /kiosk/ (trailing slashes are ignored); deep links such as
      // /staff/admin open the app itself
      app.get(`${ui.prefix}*`, { schema: { hide: true } }, (req, reply) => reply.sendFile('index.html', ui.dir));
    }
    const display = uis[2]!.dir;
    if (existsSync(join(display, 'phone.html'))) {
      app.get('/v/:token', { schema: { hide: true } }, (req, reply) => reply.sendFile('phone.html', display));
      // the push service worker: served under /v/ so its scope covers the phone pages; never
      // cached long, so a changed worker reaches phones on their next visit
      if (existsSync(join(display, 'push-sw.js'))) {
        app.get('/v/push-sw.js', { schema: { hide: true } }, (req, reply) =>
          reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').sendFile('push-sw.js', display),
        );
      }
    }
    const kioskDir = uis[0]!.dir;
    if (existsSync(join(kioskDir, 'feedback.html'))) {
      // the feedback tablet by the exit: the kiosk build's second page (/feedback?device=…)
      app.get('/feedback', { schema: { hide: true } }, (req, reply) => reply.sendFile('feedback.html', kioskDir));
    }
    app.get('/', { schema: { hide: true } }, (req, reply) => reply.redirect('/staff'));
  },
  { name: 'ui', dependencies: ['database'] },
);
