import type { Queries, ServiceRecord } from '@luukku/db';
import { DomainError, type AppointmentImportBody, type AppointmentImportResult, type ImportChange, type ImportProblem } from '@luukku/shared';
import { parseCsv } from '../appointments/csv.js';
import { parseIcs } from '../appointments/ics.js';
import type { ImportRow } from '../appointments/import-row.js';
import { iso } from '../views/time.js';
import { bookIn, cancelIn } from './appointments.js';
import { write, type Actor, type CommandContext } from './context.js';
import { emitQueues } from './events.js';
import { loadHub } from './load.js';

/** Thrown at the end of a dry run, so the transaction rolls back with the result in hand. */
class DryRun extends Error {
  constructor(readonly result: AppointmentImportResult) {
    super('dry run');
  }
}

const refused = (problems: ImportProblem[]) =>
  new DomainError('IMPORT_INVALID', `The file was not imported: ${problems.length} problem(s), nothing stored`, { problems });

function serviceOf(q: Queries, hubId: number, row: ImportRow, defaultId: number | undefined): ServiceRecord | string {
  const services = q.services(hubId).filter((s) => s.active);
  if (row.serviceCode !== null) return services.find((s) => s.code === row.serviceCode) ?? `no service with the code "${row.serviceCode}"`;
  if (defaultId === undefined) return 'no service: add X-LUUKKU-SERVICE to the event, or choose a default service';
  return services.find((s) => s.id === defaultId) ?? `no service ${defaultId} in this hub`;
}

/**
 * Imports a booking system's export, all rows or none: each row goes through the same booking
 * or cancelling as POST /api/appointments (idempotent on the booking id, so the same file again
 * changes nothing), all in one transaction. Any problem, from the file or from a row's booking
 * (a closed service, another agency's service, a time already over), refuses the whole file with
 * every problem by line. A dry run does all of it and rolls back: the admin page's preview.
 */
export function importAppointments(ctx: CommandContext, actor: Actor, body: AppointmentImportBody): AppointmentImportResult {
  const { q } = ctx;
  const hub = loadHub(q, actor.hubId);
  const parsed = body.format === 'ics' ? parseIcs(body.text, hub.timeZone) : parseCsv(body.text, hub.timeZone);
  if (!parsed.ok) throw refused(parsed.problems);
  try {
    return write(ctx, hub.id, (w, now) => {
      const problems: ImportProblem[] = [];
      const result: AppointmentImportResult = { dryRun: body.dryRun, created: 0, moved: 0, cancelled: 0, unchanged: 0, rows: [] };
      for (const row of parsed.rows) {
        const service = serviceOf(q, hub.id, row, body.serviceId);
        if (typeof service === 'string') {
          problems.push({ line: row.line, message: service, code: 'SERVICE_NOT_FOUND' });
          continue;
        }
        try {
          let change: ImportChange;
          let code: string | null = null;
          if (row.cancelled) {
            const existing = q.appointmentByBooking(hub.id, service.agencyId, row.bookingId);
            // a cancellation of a booking never imported: nothing to store
            const after = existing ? cancelIn(q, w, actor, existing, now) : undefined;
            change = existing && after !== existing ? 'cancelled' : 'unchanged';
            code = existing?.code ?? null;
          } else {
            const booked = bookIn(q, w, hub, actor, {
              bookingId: row.bookingId,
              serviceId: service.id,
              startsAt: iso(row.startsAt),
              lengthMin: row.lengthMin,
              ...(row.language ? { language: row.language } : {}),
              needs: row.needs,
            }, 'import', now);
            change = booked.change;
            code = booked.appointment.code;
          }
          result[change]++;
          result.rows.push({
            line: row.line, bookingId: row.bookingId, change, serviceId: service.id, startsAt: iso(row.startsAt),
            // a dry run's new code is thrown away with it
            code: body.dryRun && change === 'created' ? null : code,
          });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problems.push({ line: row.line, message: err.message, code: err.code });
        }
      }
      if (problems.length > 0) throw refused(problems);
      if (body.dryRun) throw new DryRun(result);
      // an import that changed nothing leaves no trace: the same file again is a no-op
      if (result.created + result.moved + result.cancelled === 0) return result;
      q.audit({
        hubId: hub.id, at: now, actorKind: actor.kind, actorId: actor.kind === 'device' ? actor.device.id : actor.user.id,
        action: 'appointment.import', subject: `hub:${hub.id}`,
        detail: { format: body.format, created: result.created, moved: result.moved, cancelled: result.cancelled, unchanged: result.unchanged },
      });
      emitQueues(q, w, hub, now);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    throw err;
  }
}
