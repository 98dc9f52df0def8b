/**
 * Issue 9 §2, logs: device tokens (/kiosk?device=…), visit tokens (/v/<token>,
 * /api/visits/<token>) and pairing secrets ended up in the request log. The real log stream of
 * a real app is captured here and searched for each secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { issueBody } from '../api/helpers.js';
import { startHub, kiosk, type TestHub } from '../support/app.js';


let hub: TestHub | undefined;

afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

/** A hub whose pino logger writes into memory at info level, as a production server would log. */
async function loggedHub(): Promise<{ hub: TestHub; log: () => string }> {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  hub = await startHub({ config: { logLevel: 'info', logStream } });
  return { hub, log: () => lines.join('') };
}

describe('the request log', () => {
  it('holds no device token, visit token or pairing secret, but still logs each request', async () => {
    const { hub: h, log } = await loggedHub();
    const visit = await h.call('POST', '/api/visits', kiosk, issueBody(h, ['kela']));
    const token: string = visit.body.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);

    await h.app.inject({ method: 'GET', url: '/kiosk?device=demo-kiosk' });
    await h.app.inject({ method: 'GET', url: '/display?zone=a&device=demo-display' });
    await h.app.inject({ method: 'GET', url: `/v/${token}` });
    await h.app.inject({ method: 'GET', url: `/api/visits/${token}` });
    await h.app.inject({ method: 'GET', url: `/api/visits/${token}?lang=sv` });
    const pairing = await h.call('POST', '/api/pairing', null, { kind: 'kiosk' });
    const secret: string = pairing.body.secret;
    await h.app.inject({ method: 'GET', url: `/api/pairing/${pairing.body.id}`, headers: { 'x-pairing-secret': secret } });
    // an old client that still sends it in the address
    await h.app.inject({ method: 'GET', url: `/api/pairing/${pairing.body.id}?secret=${secret}` });

    const text = log();
    // the log is really there, one entry per request with its (redacted) address
    expect(text).toContain('/api/visits/');
    expect(text).toContain('/kiosk');
    expect(text).toContain('zone=a');
    expect(text).toContain(`/api/pairing/${pairing.body.id}`);
    for (const [what, value] of [
      ['kiosk device token', 'demo-kiosk'],
      ['display device token', 'demo-display'],
      ['visit token', token],
      ['pairing secret', secret],
    ] as const) {
      expect(text.includes(value), `${what} found in the log`).toBe(false);
    }
  });
});

describe('pairing', () => {
  it('takes the pairing secret from a header, so it is never part of an address', async () => {
    hub = await startHub();
    const start = (await hub.call('POST', '/api/pairing', null, { kind: 'display' })).body;
    const poll = (headers: Record<string, string>) => hub!.app.inject({ method: 'GET', url: `/api/pairing/${start.id}`, headers });
    const ok = await poll({ 'x-pairing-secret': start.secret });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ status: 'waiting' });
    expect((await poll({ 'x-pairing-secret': 'x'.repeat(32) })).statusCode).toBe(404);
    expect((await poll({})).statusCode).toBe(400);
  });
});

