import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import { as, expectError, expectOk } from './helpers.js';

const espeak = '/usr/bin/espeak-ng';
const hasEspeak = existsSync(espeak);
if (!hasEspeak) {
  const message = `\n!!! No espeak-ng at ${espeak}: the server-rendered call audio tests are SKIPPED. Install it (apt-get install espeak-ng).\n`;
  if (process.env.CI === 'true') throw new Error(message + 'Under CI=true a missing espeak-ng is a failure.');
  process.stderr.write(message);
}

const phrase = 'Vuoronumero K 1, palvelupiste 3';
const audioUrl = (text: string, lang = 'fi') => `/api/display/audio?${new URLSearchParams({ lang, text })}`;

describe.skipIf(!hasEspeak)('call audio rendered by the server, for displays without a voice', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.app.close();
  });

  const get = (url: string, token: string | null) =>
    hub.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('renders a phrase as a WAV file, and serves the cached copy the second time', async () => {
    const first = await get(audioUrl(phrase), display.token);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('audio/wav');
    expect(first.headers['x-speech-cache']).toBe('miss');
    const wav = first.rawPayload;
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    // real sizes, not the placeholders espeak-ng writes to a pipe
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const sampleRate = wav.readUInt32LE(24);
    const byteRate = wav.readUInt32LE(28);
    expect(sampleRate).toBeGreaterThanOrEqual(16_000);
    // a spoken phrase lasts more than a second
    expect((wav.length - 44) / byteRate).toBeGreaterThan(1);

    const second = await get(audioUrl(phrase), display.token);
    expect(second.statusCode).toBe(200);
    expect(second.headers['x-speech-cache']).toBe('hit');
    expect(Buffer.compare(second.rawPayload, wav)).toBe(0);
    // another language is another phrase
    expect((await get(audioUrl('Könummer K 1, servicepunkt 3', 'sv'), display.token)).headers['x-speech-cache']).toBe('miss');
  });

  it('serves displays only', async () => {
    const staff = await as(hub, 'kela');
    expectError(await hub.call('GET', audioUrl(phrase), kiosk), 403, 'FORBIDDEN');
    expectError(await hub.call('GET', audioUrl(phrase), null), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', audioUrl(phrase), staff), 403, 'FORBIDDEN');
  });

  it('says clearly when it has no voice for a language, and refuses bad input', async () => {
    const somali = await hub.call('GET', audioUrl('Lambarka K 1', 'so'), display);
    expectError(somali, 503, 'SPEECH_UNAVAILABLE');
    expectError(await hub.call('GET', audioUrl('x'.repeat(301)), display), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', audioUrl(phrase, 'xx'), display), 400, 'VALIDATION_FAILED');
    // text after "--": a phrase that looks like an option is said, not obeyed
    const dashed = await get(audioUrl('--version'), display.token);
    expect(dashed.statusCode).toBe(200);
    expect(dashed.rawPayload.toString('ascii', 0, 4)).toBe('RIFF');
  });

  it("keeps each display's report of what it can say for the admin view", async () => {
    const admin = await as(hub, 'admin');
    const report = {
      voices: [
        { lang: 'fi', via: 'browser' },
        { lang: 'sv', via: 'server' },
        { lang: 'so', via: 'none' },
      ],
      lastSilent: { lang: 'so', at: '2026-11-24T08:00:00.000Z' },
    };
    expectOk(await hub.call('POST', '/api/display/speech', display, report));
    const status = expectOk(await hub.call('GET', '/api/admin/displays/speech', admin));
    const demo = status.displays.find((d: any) => d.voices.length > 0);
    expect(demo).toMatchObject({ voices: report.voices, lastSilent: report.lastSilent, revoked: false });
    expect(demo.reportedAt).toEqual(expect.any(String));

    expectError(await hub.call('POST', '/api/display/speech', kiosk, report), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', '/api/display/speech', display, { voices: [{ lang: 'fi', via: 'maybe' }] }), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', '/api/admin/displays/speech', await as(hub, 'kela')), 403, 'FORBIDDEN');
    // the bad report changed nothing
    expect(expectOk(await hub.call('GET', '/api/admin/displays/speech', admin)).displays.find((d: any) => d.voices.length > 0).voices).toEqual(report.voices);
  });
});
