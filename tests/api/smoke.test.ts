import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';

describe('smoke', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.app.close();
  });

  it('issues a Kela number at the kiosk', async () => {
    const res = await hub.call('POST', '/api/visits', kiosk, { services: [hub.ids.service.kela], language: 'fi', idempotencyKey: key() });
    expect(res.status).toBe(201);
    expect(res.body.number).toBe('K001');
  });
});
