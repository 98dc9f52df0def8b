import { it } from 'vitest';
import { startHub } from '../support/app.js';
it('probe', async () => {
  let t = Date.now();
  const hub = await startHub();
  console.log('start', Date.now() - t); t = Date.now();
  const hub2 = await startHub();
  console.log('start2', Date.now() - t); t = Date.now();
  await hub.login('kela');
  console.log('login', Date.now() - t); t = Date.now();
  const o = await hub.call('GET', '/api/openapi.json');
  console.log(Object.keys(o.body.paths).join('\n'));
  const res = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kela', password: 'demo' } });
  console.log(res.headers['set-cookie']);
  await hub.app.close(); await hub2.app.close();
});
