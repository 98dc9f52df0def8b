import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { expectError, expectOk } from './helpers.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub.app.close();
});

describe('GET /api/openapi.json', () => {
  it('documents the public API as OpenAPI 3 without a login', async () => {
    const doc = expectOk(await hub.call('GET', '/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Luukku API');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['device', 'session']);
  });

  it('lists the main paths with their methods', async () => {
    const { paths } = expectOk(await hub.call('GET', '/api/openapi.json'));
    const expected: [string, string][] = [
      ['/api/health', 'get'],
      ['/api/kiosk/menu', 'get'],
      ['/api/visits', 'post'],
      ['/api/visits/{token}', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/me', 'get'],
      ['/api/desks', 'get'],
      ['/api/desks/{id}/open', 'post'],
      ['/api/desks/{id}/close', 'post'],
      ['/api/desks/{id}/break', 'post'],
      ['/api/desks/{id}/call-next', 'post'],
      ['/api/steps/{id}', 'get'],
      ['/api/steps/{id}/call', 'post'],
      ['/api/steps/{id}/recall', 'post'],
      ['/api/steps/{id}/start', 'post'],
      ['/api/steps/{id}/finish', 'post'],
      ['/api/steps/{id}/no-show', 'post'],
      ['/api/steps/{id}/return', 'post'],
      ['/api/steps/{id}/cancel', 'post'],
      ['/api/steps/{id}/refer', 'post'],
      ['/api/queues', 'get'],
      ['/api/services', 'get'],
      ['/api/admin/devices', 'get'],
      ['/api/admin/devices', 'post'],
      ['/api/admin/devices/{id}/revoke', 'post'],
      ['/api/admin/users', 'get'],
      ['/api/admin/users', 'post'],
      ['/api/admin/hub/policy', 'put'],
    ];
    for (const [path, method] of expected) {
      expect(paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
    expect(Object.keys(paths)).not.toContain('/api/openapi.json');
  });

  it('describes request bodies and error answers from the schemas', async () => {
    const { paths } = expectOk(await hub.call('GET', '/api/openapi.json'));
    const issue = paths['/api/visits'].post;
    const body = issue.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['services', 'guidance', 'language', 'needs', 'idempotencyKey']));
    expect(Object.keys(issue.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '409', '429']));
    const refer = paths['/api/steps/{id}/refer'].post;
    expect(Object.keys(refer.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['services', 'reason', 'note', 'placement']),
    );
    expect(refer.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]));
  });
});

describe('GET /api/health', () => {
  it('answers ok with the server time and the event sequence, without a login', async () => {
    const body = expectOk(await hub.call('GET', '/api/health'));
    expect(body).toEqual({ status: 'ok', time: hub.clock.now().toISOString(), seq: expect.any(Number), schemaVersion: expect.any(Number) });
    expect(body.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});

describe('GET /api/services', () => {
  it('lists the hub, its agencies and services, with the pop-up open on a Tuesday', async () => {
    const body = expectOk(await hub.call('GET', '/api/services', { token: 'demo-display' }));
    expect(body.hub).toMatchObject({ slug: 'mantsala', timeZone: 'Europe/Helsinki', referralPolicy: 'keep', languages: ['fi', 'sv', 'en'] });
    expect(body.agencies.map((a: any) => a.code)).toEqual(['neuvonta', 'kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi']);
    expect(body.services.map((s: any) => [s.code, s.prefix, s.openNow])).toEqual([
      ['neuvonta', 'A', true],
      ['kela', 'K', true],
      ['kunta', 'M', true],
      ['asunnot', 'V', true],
      ['ohjaamo', 'O', true],
      ['tyo', 'T', true],
      ['poliisi', 'P', true],
      ['terveys', 'H', true],
      ['kela-aika', 'B', true],
    ]);
    expect(body.services.find((s: any) => s.code === 'neuvonta').isGuidance).toBe(true);
  });

  it('shows the pop-up as closed on a Wednesday', async () => {
    const wed = await startHub({ now: '2026-11-25T10:00:00+02:00' });
    try {
      const body = expectOk(await wed.call('GET', '/api/services', { token: 'demo-kiosk' }));
      expect(body.services.find((s: any) => s.code === 'terveys').openNow).toBe(false);
      expect(body.services.find((s: any) => s.code === 'kela').openNow).toBe(true);
    } finally {
      await wed.app.close();
    }
  });

  it('answers 401 without a login or token', async () => {
    expectError(await hub.call('GET', '/api/services'), 401, 'UNAUTHENTICATED');
  });
});

describe('unknown routes', () => {
  it('answer 404 NOT_FOUND in the usual error shape', async () => {
    expectError(await hub.call('GET', '/api/nothing-here'), 404, 'NOT_FOUND');
    expectError(await hub.call('DELETE', '/api/visits'), 404, 'NOT_FOUND');
  });
});
