/**
 * Every error the API or a socket acknowledgement can answer with. The code is the contract;
 * the message is for people. Status codes live here so that server and clients agree.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  HUB_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  DESK_NOT_FOUND: 404,
  STEP_NOT_FOUND: 404,
  VISIT_NOT_FOUND: 404,
  DEVICE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  SERVICE_CLOSED: 409,
  SERVICE_NOT_SERVED_HERE: 409,
  DESK_CLOSED: 409,
  DESK_BUSY: 409,
  DESK_TAKEN: 409,
  QUEUE_EMPTY: 409,
  STEP_NOT_WAITING: 409,
  STEP_NOT_CALLED: 409,
  STEP_NOT_ACTIVE: 409,
  ILLEGAL_TRANSITION: 409,
  REFER_TO_SAME_SERVICE: 409,
  IDEMPOTENCY_CONFLICT: 409,
  NUMBER_SPACE_EXHAUSTED: 409,
  USERNAME_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PRINTER_UNAVAILABLE: 503,
  VISIT_EXPIRED: 410,
  REPORT_RANGE_TOO_LARGE: 400,
  REPORTS_BUSY: 503,
  REPORT_TIMEOUT: 504,
  STORAGE_UNAVAILABLE: 503,
  TOO_MANY_ATTEMPTS: 429,
  TOO_MANY_PAIRINGS: 429,
  CROSS_SITE_REQUEST: 403,
  /** The desk still serves a line of an agency the user no longer belongs to. */
  DESK_SERVICE_NOT_ALLOWED: 403,
  /** The server cannot render this phrase as audio (espeak-ng missing, or no voice for the language). */
  SPEECH_UNAVAILABLE: 503,
  /** A push subscription whose endpoint is not at a known push service (LUUKKU_PUSH_HOSTS). */
  PUSH_SERVICE_NOT_ALLOWED: 400,
  /** A visit holds a few push subscriptions (a few phones), not more. */
  PUSH_SUBSCRIPTIONS_FULL: 409,
  /** The visit has ended: nothing left to be nudged about. */
  VISIT_ENDED: 409,
  /** The visit has already answered the end-of-visit question. */
  FEEDBACK_ALREADY_GIVEN: 409,
  /** Only a visit that has ended (done) answers the end-of-visit question. */
  VISIT_NOT_ENDED: 409,
  /** No appointment of this hub has that check-in code. */
  APPOINTMENT_NOT_FOUND: 404,
  /** The code is for an appointment on another day. */
  APPOINTMENT_NOT_TODAY: 409,
  APPOINTMENT_ALREADY_CHECKED_IN: 409,
  APPOINTMENT_CANCELLED: 409,
  /** Checked in, cancelled or missed: it can no longer be moved. */
  APPOINTMENT_NOT_MOVABLE: 409,
  /** A start time in the past, or too far ahead. */
  APPOINTMENT_TIME_INVALID: 400,
  /** The visitor asked for an accessible desk and this desk is not one. */
  DESK_NOT_ACCESSIBLE: 409,
  /** The service is served by appointment only: no walk-in numbers (the kiosk shows how to book). */
  APPOINTMENT_ONLY: 409,
  /** An appointment import with bad rows: every problem by line in details.problems; nothing stored. */
  IMPORT_INVALID: 400,
  /** A new hub's slug (its address part) is another hub's already. */
  HUB_SLUG_TAKEN: 409,
  /** Sign-in with the organisation's account is not configured on this install. */
  OIDC_NOT_CONFIGURED: 404,
  /** The identity provider could not be reached, or its discovery document was refused (e.g. it names another issuer). */
  OIDC_UNAVAILABLE: 502,
  /** The sign-in came back wrong: unknown or reused state, a tampered nonce, another issuer, a refused code. */
  OIDC_LOGIN_FAILED: 400,
  /** The user's claims map to no Luukku role: they have no access (any more). */
  OIDC_NOT_MAPPED: 403,
  /** Local passwords are turned off on this install, except for its break-glass admins. */
  LOCAL_LOGIN_DISABLED: 403,
  /** A hub switch while the user still has a desk open in the hub they are in. */
  DESK_STILL_OPEN: 409,
  /** A hub switch to a hub the user is not assigned to (region admins may enter any). */
  HUB_NOT_ASSIGNED: 403,
  /** A roster edit that would leave the person in no hub at all. */
  ROSTER_EMPTY: 400,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}
