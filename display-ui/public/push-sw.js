/*
 * The phone page's service worker (served at /v/push-sw.js, so its scope is /v/): shows the
 * nudges the server pushes (issue 11 §2) and opens the visit's page when one is tapped. The
 * server writes the text in the visitor's language; this file only shows it. Plain script, no
 * build step: a service worker is fetched and updated on its own.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let m = {};
  try {
    m = event.data ? event.data.json() : {};
  } catch {
    m = {};
  }
  const text = (v) => (typeof v === 'string' ? v : '');
  const called = m.kind === 'called';
  const url = text(m.url).startsWith('/v/') ? m.url : '/';
  event.waitUntil(
    self.registration.showNotification(text(m.title) || 'Luukku', {
      body: text(m.body),
      lang: text(m.lang),
      dir: m.dir === 'rtl' ? 'rtl' : 'ltr',
      // one notification per number: a newer nudge replaces the older one
      tag: text(m.tag) || 'luukku',
      renotify: true,
      requireInteraction: called,
      vibrate: called ? [300, 150, 300] : [150],
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((c) => c.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    })(),
  );
});
