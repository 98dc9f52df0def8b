import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, ErrorBody, fallbackLanguage, languageInfo, maxRasterBytes, pickText, PrintBody, PrinterSettings, PrintResult } from '@luukku/shared';
import type { HubRecord, VisitRecord } from '@luukku/db';
import { recordPrintResult } from '../commands/printing.js';
import { requireDevice } from '../plugins/auth.js';
import { printTicket } from '../printing/print-ticket.js';
import { PrintError, type TicketModel } from '../printing/ticket-model.js';
import { publicVisit } from '../views/visits.js';

/** A PNG no larger than the paper: checks the signature and the IHDR size, not the pixels. */
function rasterFrom(base64: string | undefined): Buffer | null {
  if (!base64) return null;
  const png = Buffer.from(base64, 'base64');
  const signature = '89504e470d0a1a0a';
  if (png.length > maxRasterBytes || png.length < 33 || png.subarray(0, 8).toString('hex') !== signature) {
    throw new DomainError('VALIDATION_FAILED', 'raster: expected a PNG image');
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 1 || width > 576 || height < 1 || height > 1600) {
    throw new DomainError('VALIDATION_FAILED', `raster: ${width}×${height} does not fit 80 mm paper (at most 576 wide, 1600 high)`);
  }
  return png;
}

function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('fi-FI', { timeZone, day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    .format(new Date(ms))
    .replace(' klo', '');
}

/** HH:MM on the hub's clock, as the kiosk's screen shows the appointment. */
function clockTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}

/** The appointment a visit was checked in for; null for a walk-in. */
function appointmentOf(app: FastifyInstance, hub: HubRecord, visit: VisitRecord): TicketModel['appointment'] {
  const first = app.q.stepsOfVisit(visit.id)[0];
  const startsAt = first && app.q.appointmentStartOfStep(visit.id, first.serviceId);
  if (!first || startsAt === undefined) return null;
  // the check-in's own rule (commands/appointments.ts): past the late limit its step joined the
  // line like a walk-in's, with no appointment priority
  return { time: clockTime(startsAt, hub.timeZone), late: first.priority === 0 };
}

function ticketModel(app: FastifyInstance, hub: HubRecord, visit: VisitRecord, phoneUrl: string, raster: Buffer | null): TicketModel {
  const view = publicVisit(app.q, hub, visit, app.config.now().getTime());
  const lang = view.language;
  // a printer's code page has no Cyrillic, Arabic or Persian: those lines come as the raster,
  // and the text lines fall back to English
  const textLang = languageInfo(lang).raster ? 'en' : lang;
  return {
    hubName: pickText(hub.name, textLang, fallbackLanguage(hub.languages)),
    number: visit.number,
    services: view.steps.map((s) => pickText(s.label, textLang, fallbackLanguage(hub.languages))),
    issuedAt: localTime(visit.arrivedAt, hub.timeZone),
    peopleAhead: view.current?.peopleAhead ?? 0,
    estimateMin: view.current?.estimateMin ?? 0,
    phoneUrl,
    language: lang,
    appointment: appointmentOf(app, hub, visit),
    raster,
  };
}

export default async function printingRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/kiosk/print',
    {
      bodyLimit: 700 * 1024,
      schema: {
        tags: ['kiosk'],
        summary: "Print a visit's ticket on this kiosk's printer; a failure leaves the visit intact and is shown to staff",
        body: PrintBody,
        response: { 200: PrintResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (req) => {
      const device = requireDevice(req, 'kiosk');
      const visit = app.q.visitByToken(req.body.token);
      if (!visit || visit.hubId !== device.hubId) throw new DomainError('VISIT_NOT_FOUND', 'No such visit');
      const raster = rasterFrom(req.body.raster);
      const parsed = PrinterSettings.safeParse(device.printer);
      const settings: PrinterSettings = parsed.success ? parsed.data : { kind: 'none' };
      if (!parsed.success && device.printer !== null) req.log.warn({ deviceId: device.id }, 'kiosk printer settings are invalid; not printing');
      const origin = app.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const model = ticketModel(app, app.q.hub(device.hubId)!, visit, `${origin.replace(/\/$/, '')}/v/${visit.token}`, raster);
      try {
        const { previewPath } = await printTicket(settings, model, { dataDir: app.config.dataDir, now: app.config.now() });
        if (settings.kind === 'network' || settings.kind === 'file') recordPrintResult(app.commands, device, true, null);
        if (previewPath) req.log.info({ previewPath, number: visit.number }, 'ticket preview written');
        return { ok: true as const, printer: settings.kind, previewPath };
      } catch (err) {
        if (!(err instanceof PrintError)) throw err;
        req.log.warn({ err, deviceId: device.id, number: visit.number }, 'ticket did not print');
        recordPrintResult(app.commands, device, false, err.message);
        throw new DomainError('PRINTER_UNAVAILABLE', `The ticket did not print: ${err.message}`);
      }
    },
  );
}
