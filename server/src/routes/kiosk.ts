import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, fallbackLanguage, isOpenAt, KioskMenu, KioskMenuQuery, pickText, PrinterSettings, type LocalizedText } from '@luukku/shared';
import { requireDevice } from '../plugins/auth.js';
import { queuesData } from '../views/queues.js';

export default async function kioskRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/kiosk/menu',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'What the kiosk offers now: open services by agency, Guidance, the "I don\'t know" questions',
        querystring: KioskMenuQuery,
        response: { 200: KioskMenu, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const device = requireDevice(req, 'kiosk');
      const lang = req.query.lang;
      const q = app.q;
      const hub = q.hub(device.hubId)!;
      // an untranslated text reads as on the hub's own signs, not in English (issue 13 §1)
      const fallback = fallbackLanguage(hub.languages);
      const text = (t: LocalizedText) => pickText(t, lang, fallback);
      const seq = q.lastSeq(hub.id);
      const now = app.config.now();
      const open = q.services(hub.id).filter((s) => s.active && isOpenAt(s.schedule, now, hub.timeZone));
      const waits = new Map(queuesData(q, hub).queues.map((w) => [w.serviceId, w]));
      const item = (s: (typeof open)[number]) => ({
        id: s.id,
        label: text(s.publicLabel),
        prefix: s.prefix,
        waiting: waits.get(s.id)?.waiting ?? 0,
        estimateMin: waits.get(s.id)?.estimateMin ?? 0,
      });
      const guidance = open.find((s) => s.isGuidance);
      const byCode = new Map(open.map((s) => [s.code, s]));
      const printer = PrinterSettings.safeParse(device.printer);
      return {
        seq,
        language: lang,
        languages: hub.kioskLanguages,
        printer: printer.success ? printer.data.kind : ('none' as const),
        hubName: text(hub.name),
        guidance: guidance ? item(guidance) : null,
        agencies: q
          .agencies(hub.id)
          .filter((a) => !a.isGuidance)
          .map((a) => ({
            id: a.id,
            name: text(a.name),
            color: a.color,
            services: open.filter((s) => s.agencyId === a.id && !s.isGuidance).map(item),
          }))
          .filter((a) => a.services.length > 0),
        questions: q.kioskQuestions(hub.id).map((question) => ({
          id: question.id,
          icon: question.icon,
          label: text(question.label),
          // a suggestion of a service that is closed today is dropped, not offered
          suggests: question.suggests.flatMap((code) => {
            const s = byCode.get(code);
            return s ? [s.id] : [];
          }),
        })),
      };
    },
  );
}
