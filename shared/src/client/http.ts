import type { ErrorCode } from '../errors.js';
import type { IssuedVisit, IssueVisitBody, PublicVisit, StepResponse, ReferBody } from '../schemas/visit.js';
import type { KioskMenu } from '../schemas/kiosk.js';
import type { Me } from '../schemas/auth.js';
import type { QueuesResponse } from '../schemas/queue.js';
import type { Desk } from '../schemas/catalog.js';
import type { PrintBody, PrintResult } from '../schemas/printer.js';
import type { VisitorLanguage } from '../schemas/common.js';
import type { CheckedIn, CheckInBody } from '../schemas/appointments.js';
import type { LoginOptions, LogoutResult } from '../schemas/oidc.js';

/** A failed call: the server's code, or NETWORK when it could not be reached at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'UNKNOWN',
    message: string,
    /** The error's `details`, e.g. the visit's language with VISIT_EXPIRED. */
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** The server was not reached (or a proxy answered for it): worth retrying. */
  get isNetwork(): boolean {
    return this.code === 'NETWORK';
  }
}

export interface ApiOptions {
  /** Origin of the server; '' for the page's own. */
  base?: string;
  /** A device token (kiosk, display); staff use the session cookie instead. */
  token?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type StepAction = 'recall' | 'start' | 'finish' | 'no-show' | 'return' | 'cancel';

/** The one HTTP client of the UIs; its types come from the shared zod schemas. */
export function createApi(options: ApiOptions = {}) {
  const base = options.base ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 8000;

  async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'network error');
    }
    const text = await res.text();
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      // a proxy's HTML error page: treat as unreachable
    }
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      const code = (e?.code as ErrorCode | undefined) ?? (res.status >= 502 ? 'NETWORK' : 'UNKNOWN');
      throw new ApiError(res.status, code, e?.message ?? res.statusText, e?.details);
    }
    return data as T;
  }

  return {
    request,
    kioskMenu: (lang: VisitorLanguage) => request<KioskMenu>('GET', `/api/kiosk/menu?lang=${encodeURIComponent(lang)}`),
    issueVisit: (body: IssueVisitBody) => request<IssuedVisit>('POST', '/api/visits', body),
    checkIn: (body: CheckInBody) => request<CheckedIn>('POST', '/api/appointments/check-in', body),
    printTicket: (body: PrintBody) => request<PrintResult>('POST', '/api/kiosk/print', body),
    visit: (token: string) => request<PublicVisit>('GET', `/api/visits/${encodeURIComponent(token)}`),
    me: () => request<Me>('GET', '/api/me'),
    login: (username: string, password: string) => request<Me>('POST', '/api/auth/login', { username, password }),
    logout: () => request<LogoutResult>('POST', '/api/auth/logout'),
    loginOptions: () => request<LoginOptions>('GET', '/api/auth/options'),
    queues: () => request<QueuesResponse>('GET', '/api/queues'),
    desks: () => request<{ desks: Desk[] }>('GET', '/api/desks'),
    openDesk: (deskId: number, services: number[]) => request<Desk>('POST', `/api/desks/${deskId}/open`, { services }),
    closeDesk: (deskId: number) => request<Desk>('POST', `/api/desks/${deskId}/close`),
    setBreak: (deskId: number, onBreak: boolean) => request<Desk>('POST', `/api/desks/${deskId}/break`, { onBreak }),
    callNext: (deskId: number) => request<StepResponse>('POST', `/api/desks/${deskId}/call-next`),
    callStep: (stepId: number, deskId: number) => request<StepResponse>('POST', `/api/steps/${stepId}/call`, { deskId }),
    step: (stepId: number) => request<StepResponse>('GET', `/api/steps/${stepId}`),
    stepAction: (stepId: number, action: StepAction) => request<StepResponse>('POST', `/api/steps/${stepId}/${action}`),
    refer: (stepId: number, body: ReferBody) => request<StepResponse>('POST', `/api/steps/${stepId}/refer`, body),
  };
}
export type Api = ReturnType<typeof createApi>;
