import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DisplaySpeechStatus, DomainError, ErrorBody, Ok, SpeechAudioQuery, SpeechReport } from '@luukku/shared';
import { requireDevice, requireUser } from '../plugins/auth.js';
import { AudioCache } from '../speech/audio-cache.js';
import { espeakLanguages, renderWithEspeak } from '../speech/espeak.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 503: ErrorBody };

/**
 * A call is never silent (issue 13 §3): a display whose browser has no voice for a phrase
 * fetches it here as audio, rendered by espeak-ng and kept in memory; and each display reports
 * what it can say, so the admin view shows a display that cannot.
 */
export default async function displayAudioRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.q;
  const cache = new AudioCache(app.config.speechCacheBytes);

  r.get(
    '/api/display/audio',
    {
      schema: {
        tags: ['display'],
        summary: 'A phrase as WAV audio, for a display whose browser has no voice for it (display devices only)',
        querystring: SpeechAudioQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      requireDevice(req, 'display');
      const { lang, text } = req.query;
      const espeak = app.config.espeakPath;
      if (!espeakLanguages(espeak).includes(lang)) throw new DomainError('SPEECH_UNAVAILABLE', `The server has no voice for ${lang}`);
      let result;
      try {
        result = await cache.get(`${lang}\n${text}`, () => renderWithEspeak(espeak, lang, text));
      } catch (err) {
        req.log.error({ err, lang }, 'espeak-ng could not render a phrase');
        throw new DomainError('SPEECH_UNAVAILABLE', 'The server could not render this phrase');
      }
      return reply
        .type('audio/wav')
        .header('cache-control', 'private, max-age=86400')
        .header('x-speech-cache', result.hit ? 'hit' : 'miss')
        // raw bytes: the response schemas above describe only the errors
        .send(result.audio as never);
    },
  );

  r.post(
    '/api/display/speech',
    { schema: { tags: ['display'], summary: 'A display reports, per language, whether it speaks with its browser, the server, or not at all', body: SpeechReport, response: { 200: Ok, ...errors } } },
    async (req) => {
      const device = requireDevice(req, 'display');
      q.putDisplaySpeech(device.id, req.body, app.config.now().getTime());
      return { ok: true as const };
    },
  );

  r.get(
    '/api/admin/displays/speech',
    { schema: { tags: ['admin'], summary: 'What each display last reported it can say, per language', response: { 200: DisplaySpeechStatus, ...errors } } },
    async (req) => {
      const admin = requireUser(req, ['admin']);
      return {
        displays: q.displaysSpeech(admin.hubId).map((d) => {
          const report = SpeechReport.safeParse(d.speech);
          return {
            deviceId: d.id, name: d.name, zone: d.zone, revoked: d.revoked,
            reportedAt: d.speechAt === null ? null : new Date(d.speechAt).toISOString(),
            voices: report.success ? report.data.voices : [],
            lastSilent: report.success ? report.data.lastSilent : null,
          };
        }),
      };
    },
  );
}
