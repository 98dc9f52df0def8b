import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppointmentImportBody, AppointmentImportResult, ErrorBody, importMaxChars } from '@luukku/shared';
import { importAppointments } from '../commands/import-appointments.js';
import { requireActor, requireUser } from '../plugins/auth.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody };

/** Appointments from a booking system's .ics or CSV export, in the admin pages (issue 11 §1). */
export default async function appointmentImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/admin/appointments/import',
    {
      // the file's text in JSON, with room for escaping; the hub's other bodies stay at 64 KiB
      bodyLimit: 2 * importMaxChars + 4096,
      schema: {
        tags: ['admin', 'appointments'],
        summary:
          "Import appointments from an .ics or CSV file: all rows or none (400 IMPORT_INVALID lists every problem by line). Each row books, moves or cancels like POST /api/appointments, idempotent on its booking id; admins for any agency, staff for their own. dryRun checks and counts without storing",
        body: AppointmentImportBody,
        response: { 200: AppointmentImportResult, ...errors },
      },
    },
    async (req) => {
      requireUser(req);
      return importAppointments(app.commands, requireActor(req), req.body);
    },
  );
}
