import type { ErrorCode } from '@luukku/shared';
import type { ReportJob, ReportOutcome } from '../views/reports/index.js';

/** The messages between the runner and the report worker. */
export interface ToWorker {
  id: number;
  job: ReportJob;
}

export type FromWorker =
  | { ready: true }
  | { id: number; ok: true; outcome: ReportOutcome }
  /** `code` only for a DomainError, whose message is for the caller; anything else is a fault. */
  | { id: number; ok: false; error: { code?: ErrorCode; message: string; details?: unknown } };
