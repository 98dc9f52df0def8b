import { it } from 'vitest';
import { startHub } from '../support/app.js';
it('probe', async () => {
  const hub = await startHub();
  let t = Date.now();
  await hub.login('kela');
  console.log('login1', Date.now() - t); t = Date.now();
  await hub.login('asunnot');
  console.log('login2', Date.now() - t); t = Date.now();
  await Promise.all([hub.login('tyo'), hub.login('admin'), hub.login('ohjaamo')]);
  console.log('login3x', Date.now() - t); t = Date.now();
  await hub.app.close();
});
