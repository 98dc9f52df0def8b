import { ApiError, createApi } from '@luukku/shared/http';
import type { AppointmentImportResult, ImportProblem } from '@luukku/shared';

export type ImportAnswer =
  | { ok: true; result: AppointmentImportResult }
  | { ok: false; message: string; problems: ImportProblem[] };

const api = createApi({ timeoutMs: 30_000 });

/** Sends a file to the import (or its dry run); a refusal comes back with its problems by line. */
export async function importAppointments(body: { format: 'ics' | 'csv'; serviceId?: number; text: string; dryRun: boolean }): Promise<ImportAnswer> {
  try {
    return { ok: true, result: await api.request<AppointmentImportResult>('POST', '/api/admin/appointments/import', body) };
  } catch (err) {
    if (!(err instanceof ApiError)) return { ok: false, message: String(err), problems: [] };
    const problems = (err.details as { problems?: ImportProblem[] } | undefined)?.problems ?? [];
    return { ok: false, message: err.message, problems };
  }
}
