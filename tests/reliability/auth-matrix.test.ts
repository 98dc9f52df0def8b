/**
 * Every route × every kind of caller, with the expected answer written out by hand. Bodies and
 * targets are made so that a caller who may act gets a 2xx; where the answer is a 409 instead of
 * a 403 (someone else's desk is a state, not a role), the table says so with the code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, startHub, type Identity, type TestHub } from '../support/app.js';
import { expectOk } from '../api/helpers.js';
import { apiRoutes } from './support/routes.js';

const callers = ['anonymous', 'kiosk', 'display', 'otherAgency', 'staff', 'guide', 'admin'] as const;
type Caller = (typeof callers)[number];
/** A status, or a status and the error code it must carry. */
type Expected = number | `${number} ${string}`;
type Row = [route: string, ...expected: [Expected, Expected, Expected, Expected, Expected, Expected, Expected]];

const taken = '409 DESK_TAKEN';
const displayInfo = {
  items: {
    hours: { enabled: true, text: { fi: '', sv: '', en: '' } },
    agencies: { enabled: true, text: { fi: '', sv: '', en: '' } },
    phone: { enabled: false, text: { fi: '', sv: '', en: '' } },
  },
  rotateSeconds: 10,
  callSeconds: 60,
};
/** At the discard port of this machine: a nudge to it is refused at once, nothing leaves the host. */
const pushSubscription = {
  endpoint: 'https://127.0.0.1:9/push/matrix',
  keys: { p256dh: 'B' + 'A'.repeat(86), auth: 'A'.repeat(22) },
};
// prettier-ignore
const table: Row[] = [
  //  route                                    anonymous kiosk display other  staff  guide  admin
  ['GET /api/health',                            200,    200,   200,   200,   200,   200,   200],
  ['GET /api/openapi.json',                      200,    200,   200,   200,   200,   200,   200],
  // loopback without LUUKKU_METRICS_TOKEN (the token case is in tests/api/metrics.test.ts)
  ['GET /metrics',                               200,    200,   200,   200,   200,   200,   200],
  ['POST /api/auth/login',                       200,    200,   200,   200,   200,   200,   200],
  ['POST /api/auth/logout',                      200,    200,   200,   200,   200,   200,   200],
  ['GET /api/me',                                401,    200,   200,   200,   200,   200,   200],
  // the organisation's sign-in is for anyone to begin; its provider here is unreachable, so
  // /start comes back to the console (303 ?loginError=OIDC_UNAVAILABLE), and a callback with no
  // sign-in under way in this browser is refused the same way (tests/security/oidc.test.ts)
  ['GET /api/auth/options',                      200,    200,   200,   200,   200,   200,   200],
  ['GET /api/auth/oidc/start',                   303,    303,   303,   303,   303,   303,   303],
  ['GET /api/auth/oidc/callback',                303,    303,   303,   303,   303,   303,   303],
  // into the caller's own hub (Mäntsälä); other hubs are the hub dimension below
  ['POST /api/auth/hub',                         401,    403,   403,   200,   200,   200,   200],
  // "my day" is a staff member's own counts: devices have none
  ['GET /api/me/day',                            401,    403,   403,   200,   200,   200,   200],
  ['POST /api/pairing',                          201,    201,   201,   201,   201,   201,   201],
  ['GET /api/pairing/{id}',                      200,    200,   200,   200,   200,   200,   200],

  ['GET /api/kiosk/menu',                        401,    200,   403,   403,   403,   403,   403],
  ['POST /api/kiosk/print',                      401,    200,   403,   403,   403,   403,   403],
  ['GET /api/display/snapshot',                  401,    403,   200,   200,   200,   200,   200],
  ['GET /api/display/info',                      401,    403,   200,   200,   200,   200,   200],
  // audio for displays only; Somali has no voice, so a display gets 503 wherever the test runs
  ['GET /api/display/audio',                     401,    403,   '503 SPEECH_UNAVAILABLE', 403, 403, 403, 403],
  ['POST /api/display/speech',                   401,    403,   200,   403,   403,   403,   403],
  ['GET /api/admin/display-info',                401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/display-info',                401,    403,   403,   403,   403,   403,   200],
  ['GET /api/admin/displays/speech',             401,    403,   403,   403,   403,   403,   200],
  ['GET /api/printers',                          401,    403,   403,   200,   200,   200,   200],
  // a kiosk issues; staff of any agency may issue a walk-in; a display may not
  ['POST /api/visits',                           401,    201,   403,   201,   201,   201,   201],
  ['GET /api/visits/{token}',                    200,    200,   200,   200,   200,   200,   200],
  // the phone page's nudges: the visit's token is the credential, whoever holds it
  ['GET /api/push/key',                          200,    200,   200,   200,   200,   200,   200],
  ['POST /api/visits/{token}/push',              201,    201,   201,   201,   201,   201,   201],
  ['DELETE /api/visits/{token}/push',            200,    200,   200,   200,   200,   200,   200],
  ['GET /api/admin/push',                        401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/push',                        401,    403,   403,   403,   403,   403,   200],
  ['GET /api/desks',                             401,    200,   200,   200,   200,   200,   200],
  ['GET /api/queues',                            401,    200,   200,   200,   200,   200,   200],
  ['GET /api/services',                          401,    200,   200,   200,   200,   200,   200],

  // desk 3 for the Kela line; close/break/call-next act on desk 3 opened by the Kela clerk
  ['POST /api/desks/{id}/open',                  401,    403,   403,   403,   200,   403,   200],
  ['POST /api/desks/{id}/close',                 401,    403,   403,   taken, 200,   taken, 200],
  ['POST /api/desks/{id}/break',                 401,    403,   403,   taken, 200,   taken, taken],
  ['POST /api/desks/{id}/call-next',             401,    403,   403,   taken, 200,   taken, taken],

  // a visitor in the Kela line; `call` brings them to the caller's own open desk. A called or
  // served visitor is acted on only by the desk (user) holding them: the admin too is refused
  // until they take the step over (docs/security.md §1)
  ['GET /api/steps/{id}',                        401,    403,   403,   403,   200,   403,   200],
  ['POST /api/steps/{id}/call',                  401,    403,   403,   403,   200,   403,   200],
  ['POST /api/steps/{id}/recall',                401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/start',                 401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/finish',                401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/no-show',               401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/return',                401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/cancel',                401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/refer',                 401,    403,   403,   403,   200,   403,   403],
  ['POST /api/steps/{id}/take-over',             401,    403,   403,   403,   403,   403,   200],

  // the Kela agency's reports: Kela staff and admins
  ['GET /api/reports/arrivals',                  401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/waits',                     401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/services',                  401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/desks',                     401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/referrals',                 401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/guidance',                  401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/stay',                      401,    403,   403,   403,   200,   403,   200],
  ['GET /api/reports/feedback',                  401,    403,   403,   403,   200,   403,   200],
  // hubs side by side: admins, for the hubs they are assigned to (a region admin: any; tests/api/hubs.test.ts)
  ['GET /api/reports/hubs',                      401,    403,   403,   403,   403,   403,   200],
  // a hub from a template is the region admin's alone: a hub admin may not make hubs
  ['POST /api/admin/hubs',                       401,    403,   403,   403,   403,   403,   403],

  // the end-of-visit question: the phone page by the visit's token (anyone who holds it), the
  // feedback tablet by its device token only (its 201 is in tests/api/feedback.test.ts)
  ['POST /api/visits/{token}/feedback',          201,    201,   201,   201,   201,   201,   201],
  ['POST /api/feedback',                         401,    403,   403,   403,   403,   403,   403],
  ['GET /api/feedback/setup',                    401,    403,   403,   403,   403,   403,   403],

  ['GET /api/admin/catalog',                     401,    403,   403,   403,   403,   403,   200],
  ['GET /api/admin/audit',                       401,    403,   403,   403,   403,   403,   200],
  ['GET /api/admin/devices',                     401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/devices',                    401,    403,   403,   403,   403,   403,   201],
  ['POST /api/admin/devices/pair',               401,    403,   403,   403,   403,   403,   201],
  ['PUT /api/admin/devices/{id}',                401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/devices/{id}/printer',        401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/devices/{id}/revoke',        401,    403,   403,   403,   403,   403,   200],
  ['GET /api/admin/users',                       401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/users',                      401,    403,   403,   403,   403,   403,   201],
  ['PUT /api/admin/users/{id}',                  401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/users/{id}/password',        401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/users/{id}/roster',           401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/hub/policy',                  401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/agencies',                   401,    403,   403,   403,   403,   403,   201],
  ['PUT /api/admin/agencies/{id}',               401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/services',                   401,    403,   403,   403,   403,   403,   201],
  ['PUT /api/admin/services/{id}',               401,    403,   403,   403,   403,   403,   200],
  ['POST /api/admin/desks',                      401,    403,   403,   403,   403,   403,   201],
  ['PUT /api/admin/desks/{id}',                  401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/kiosk-questions',             401,    403,   403,   403,   403,   403,   200],
  ['GET /api/admin/agency-presence',             401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/agencies/{id}/presence',      401,    403,   403,   403,   403,   403,   200],

  // a Kela appointment: Kela staff and admins book and cancel it (and Kela's booking system,
  // tests/api/appointments.test.ts); a kiosk or any Kela-serving staff, guide or admin checks in
  ['POST /api/appointments',                     401,    403,   403,   403,   201,   403,   201],
  ['POST /api/appointments/{id}/cancel',         401,    403,   403,   403,   200,   403,   200],
  ['GET /api/appointments',                      401,    403,   403,   200,   200,   200,   200],
  ['POST /api/appointments/check-in',            401,    201,   403,   403,   201,   201,   201],
  ['GET /api/admin/hub/appointment-policy',      401,    403,   403,   403,   403,   403,   200],
  ['PUT /api/admin/hub/appointment-policy',      401,    403,   403,   403,   403,   403,   200],
  // an import of one Kela booking: another agency's staff and a guide get their row refused
  ['POST /api/admin/appointments/import',        401,    403,   403,   '400 IMPORT_INVALID', 200, '400 IMPORT_INVALID', 200],
];

let hub: TestHub;
let dir: string;
let sessions: Record<'otherAgency' | 'staff' | 'guide' | 'admin', Identity>;
const usernames = { otherAgency: 'ohjaamo', staff: 'kela', guide: 'neuvonta', admin: 'admin' } as const;
/** Things made once for the admin routes to act on, so the demo's own stay as they are. */
let targets: { kiosk: number; display: number; user: number; service: number };

const identityOf = (c: Caller): Identity =>
  c === 'anonymous' ? null : c === 'kiosk' ? { token: 'demo-kiosk' } : c === 'display' ? { token: 'demo-display' } : sessions[c];
const as = (c: 'otherAgency' | 'staff' | 'guide' | 'admin') => sessions[c];
const sid = (code: string) => hub.ids.service[code]!;
const did = (name: string) => hub.ids.desk[name]!;
let serial = 0;
const text = { fi: 'Testi', sv: 'Test', en: 'Test' };
const always = { weekly: { mon: [{ from: '00:00', to: '24:00' }] }, dates: [], closed: [] };

/** Every desk closed and free: whatever a cell left at a desk is finished by the admin. */
async function resetDesks(): Promise<void> {
  const desks = expectOk(await hub.call('GET', '/api/desks', as('admin'))).desks as { id: number; status: string; currentStepId: number | null }[];
  for (const d of desks) {
    if (d.currentStepId !== null) {
      // the admin acts on another desk's visitor only after an audited take-over
      expectOk(await hub.call('POST', `/api/steps/${d.currentStepId}/take-over`, as('admin'), { reason: 'matrix reset' }));
      expectOk(await hub.call('POST', `/api/steps/${d.currentStepId}/finish`, as('admin')));
    }
    if (d.status !== 'closed') expectOk(await hub.call('POST', `/api/desks/${d.id}/close`, as('admin')));
  }
}

async function issueKela(): Promise<{ visitId: number; token: string; stepId: number }> {
  const v = expectOk(await hub.call('POST', '/api/visits', { token: 'demo-kiosk' }, { services: [sid('kela')], language: 'fi', idempotencyKey: key() }), 201);
  return { visitId: v.visitId, token: v.token, stepId: hub.app.q.stepsOfVisit(v.visitId)[0]!.id };
}

/** A Kela visitor called to desk 1 by the Kela clerk (started too, if asked). */
async function calledKela(start = false): Promise<number> {
  await resetDesks();
  expectOk(await hub.call('POST', `/api/desks/${did('1')}/open`, as('staff'), { services: [sid('kela')] }));
  await issueKela();
  const step = expectOk(await hub.call('POST', `/api/desks/${did('1')}/call-next`, as('staff'))).step;
  if (start) expectOk(await hub.call('POST', `/api/steps/${step.id}/start`, as('staff')));
  return step.id;
}

/** A Kela visit served to its end by the Kela clerk: its token, for the end-of-visit question. */
async function endedKela(): Promise<string> {
  await resetDesks();
  expectOk(await hub.call('POST', `/api/desks/${did('1')}/open`, as('staff'), { services: [sid('kela')] }));
  // other cells leave Kela visitors waiting: call this one by its step, not the next in line
  const { token, stepId } = await issueKela();
  expectOk(await hub.call('POST', `/api/steps/${stepId}/call`, as('staff'), { deskId: did('1') }));
  expectOk(await hub.call('POST', `/api/steps/${stepId}/finish`, as('staff')));
  return token;
}

/** A Kela appointment this afternoon, booked by the Kela clerk. */
async function kelaAppointment(): Promise<{ id: number; code: string }> {
  const body = { bookingId: `matrix-${++serial}`, serviceId: sid('kela'), startsAt: '2026-11-24T15:00:00+02:00' };
  return expectOk(await hub.call('POST', '/api/appointments', as('staff'), body), 201).appointment;
}

/** Desk 3 open for Kela by the Kela clerk. */
async function kelaDesk3(): Promise<number> {
  await resetDesks();
  expectOk(await hub.call('POST', `/api/desks/${did('3')}/open`, as('staff'), { services: [sid('kela')] }));
  return did('3');
}

interface Cell {
  path: string;
  body?: unknown;
  /** Send as someone else than the table's caller (a fresh session to log out). */
  as?: Identity;
  headers?: Record<string, string>;
}
type Prepare = (caller: Caller) => Promise<Cell>;

const kelaAgencyQuery = () => `?day=2026-11-24&agency=${hub.ids.agency.kela}`;
const cells: Record<string, Prepare> = {
  'POST /api/auth/login': async () => ({ path: '/api/auth/login', body: { username: 'kela', password: 'demo' } }),
  'POST /api/auth/logout': async (c) => ({
    path: '/api/auth/logout',
    ...(c in usernames ? { as: { cookie: await hub.login(usernames[c as keyof typeof usernames]) } } : {}),
  }),
  'GET /api/auth/oidc/callback': async () => ({ path: '/api/auth/oidc/callback?code=matrix&state=matrix' }),
  'POST /api/auth/hub': async () => {
    await resetDesks();
    return { path: '/api/auth/hub', body: { hubId: hub.app.q.hubBySlug('mantsala')!.id } };
  },
  'POST /api/pairing': async () => ({ path: '/api/pairing', body: { kind: 'display' } }),
  'GET /api/pairing/{id}': async () => {
    const p = expectOk(await hub.call('POST', '/api/pairing', null, { kind: 'kiosk' }), 201);
    return { path: `/api/pairing/${p.id}`, headers: { 'x-pairing-secret': p.secret } };
  },
  'GET /api/kiosk/menu': async () => ({ path: '/api/kiosk/menu?lang=sv' }),
  'POST /api/kiosk/print': async () => ({ path: '/api/kiosk/print', body: { token: (await issueKela()).token } }),
  'GET /api/display/snapshot': async () => ({ path: '/api/display/snapshot?zone=a&limit=5' }),
  'GET /api/display/info': async () => ({ path: '/api/display/info' }),
  'GET /api/display/audio': async () => ({ path: '/api/display/audio?lang=so&text=Lambarka' }),
  'POST /api/display/speech': async () => ({ path: '/api/display/speech', body: { voices: [{ lang: 'fi', via: 'server' }], lastSilent: null } }),
  'GET /api/admin/display-info': async () => ({ path: '/api/admin/display-info' }),
  'PUT /api/admin/display-info': async () => ({ path: '/api/admin/display-info', body: displayInfo }),
  'GET /api/admin/displays/speech': async () => ({ path: '/api/admin/displays/speech' }),
  'POST /api/visits': async () => ({ path: '/api/visits', body: { services: [sid('kela')], language: 'en', idempotencyKey: key() } }),
  'GET /api/visits/{token}': async () => ({ path: `/api/visits/${(await issueKela()).token}` }),
  'POST /api/visits/{token}/push': async () => ({ path: `/api/visits/${(await issueKela()).token}/push`, body: pushSubscription }),
  'DELETE /api/visits/{token}/push': async () => ({ path: `/api/visits/${(await issueKela()).token}/push`, body: { endpoint: pushSubscription.endpoint } }),
  'PUT /api/admin/push': async () => ({ path: '/api/admin/push', body: { ahead: 3 } }),
  'POST /api/visits/{token}/feedback': async () => ({ path: `/api/visits/${await endedKela()}/feedback`, body: { answer: 'yes' } }),
  'POST /api/feedback': async () => ({ path: '/api/feedback', body: { answer: 'yes', ticket: await endedKela() } }),

  'POST /api/desks/{id}/open': async () => {
    await resetDesks();
    return { path: `/api/desks/${did('3')}/open`, body: { services: [sid('kela')] } };
  },
  'POST /api/desks/{id}/close': async () => ({ path: `/api/desks/${await kelaDesk3()}/close` }),
  'POST /api/desks/{id}/break': async () => ({ path: `/api/desks/${await kelaDesk3()}/break`, body: { onBreak: true } }),
  'POST /api/desks/{id}/call-next': async () => {
    const desk = await kelaDesk3();
    await issueKela();
    return { path: `/api/desks/${desk}/call-next` };
  },

  'GET /api/steps/{id}': async () => ({ path: `/api/steps/${(await issueKela()).stepId}` }),
  'POST /api/steps/{id}/call': async (c) => {
    await resetDesks();
    // the caller's own desk, open for a line they serve
    const serves = { otherAgency: 'ohjaamo', staff: 'kela', guide: 'neuvonta', admin: 'kela' } as const;
    if (c in serves) expectOk(await hub.call('POST', `/api/desks/${did('2')}/open`, as(c as keyof typeof serves), { services: [sid(serves[c as keyof typeof serves])] }));
    return { path: `/api/steps/${(await issueKela()).stepId}/call`, body: { deskId: did('2') } };
  },
  'POST /api/steps/{id}/recall': async () => ({ path: `/api/steps/${await calledKela()}/recall` }),
  'POST /api/steps/{id}/start': async () => ({ path: `/api/steps/${await calledKela()}/start` }),
  'POST /api/steps/{id}/finish': async () => ({ path: `/api/steps/${await calledKela(true)}/finish` }),
  'POST /api/steps/{id}/no-show': async () => ({ path: `/api/steps/${await calledKela()}/no-show` }),
  'POST /api/steps/{id}/return': async () => ({ path: `/api/steps/${await calledKela(true)}/return` }),
  'POST /api/steps/{id}/cancel': async () => ({ path: `/api/steps/${await calledKela()}/cancel` }),
  'POST /api/steps/{id}/take-over': async () => ({ path: `/api/steps/${await calledKela()}/take-over`, body: { reason: 'The clerk was called away' } }),
  'POST /api/steps/{id}/refer': async () => ({
    path: `/api/steps/${await calledKela(true)}/refer`,
    body: { services: [sid('asunnot')], reason: 'needs_other_service', note: 'For the housing office' },
  }),

  ...Object.fromEntries(
    ['arrivals', 'waits', 'services', 'desks', 'referrals', 'guidance', 'stay', 'feedback'].map((kind) => [
      `GET /api/reports/${kind}`,
      async (): Promise<Cell> => ({ path: `/api/reports/${kind}${kelaAgencyQuery()}` }),
    ]),
  ),

  'GET /api/reports/hubs': async () => ({ path: '/api/reports/hubs?day=2026-11-24' }),
  'POST /api/admin/hubs': async () => ({
    path: '/api/admin/hubs',
    body: { slug: `matrix-${++serial}`, name: { fi: 'Matriisi' }, templateHubId: hub.app.q.hubBySlug('mantsala')!.id },
  }),
  'GET /api/admin/audit': async () => ({ path: '/api/admin/audit?limit=5' }),
  'POST /api/admin/devices': async () => ({ path: '/api/admin/devices', body: { kind: 'display', name: `Display ${++serial}`, zone: 'a' } }),
  'POST /api/admin/devices/pair': async () => {
    const p = expectOk(await hub.call('POST', '/api/pairing', null, { kind: 'display' }), 201);
    return { path: '/api/admin/devices/pair', body: { code: p.code, name: `Paired ${++serial}`, zone: 'b' } };
  },
  'PUT /api/admin/devices/{id}': async () => ({ path: `/api/admin/devices/${targets.display}`, body: { name: 'Lobby B', zone: 'b' } }),
  'PUT /api/admin/devices/{id}/printer': async () => ({ path: `/api/admin/devices/${targets.kiosk}/printer`, body: { kind: 'none' } }),
  'POST /api/admin/devices/{id}/revoke': async () => {
    const d = expectOk(await hub.call('POST', '/api/admin/devices', as('admin'), { kind: 'kiosk', name: `Doomed ${++serial}` }), 201);
    return { path: `/api/admin/devices/${d.device.id}/revoke` };
  },
  'POST /api/admin/users': async () => ({
    path: '/api/admin/users',
    body: { username: `matrix-${++serial}`, displayName: 'Matrix', password: 'matrix-password-1', role: 'staff', agencyIds: [hub.ids.agency.kela] },
  }),
  'PUT /api/admin/users/{id}': async () => ({
    path: `/api/admin/users/${targets.user}`,
    body: { displayName: 'Target', role: 'staff', agencyIds: [hub.ids.agency.tyo], active: true, language: 'sv' },
  }),
  'POST /api/admin/users/{id}/password': async () => ({ path: `/api/admin/users/${targets.user}/password`, body: { password: 'another-password-1' } }),
  'PUT /api/admin/users/{id}/roster': async () => ({
    path: `/api/admin/users/${targets.user}/roster`,
    body: { hubs: [{ hubId: hub.app.q.hubBySlug('mantsala')!.id, weekdays: null }] },
  }),
  'PUT /api/admin/hub/policy': async () => ({ path: '/api/admin/hub/policy', body: { referralPolicy: 'keep', targetWaitMin: 15 } }),
  'POST /api/admin/agencies': async () => ({ path: '/api/admin/agencies', body: { code: `matrix-${++serial}`, name: text, color: '#224466' } }),
  'PUT /api/admin/agencies/{id}': async () => ({
    path: `/api/admin/agencies/${hub.ids.agency.kela}`,
    body: { name: { fi: 'Kela', sv: 'FPA', en: 'Kela' }, color: '#0b6e8a' },
  }),
  'PUT /api/admin/agencies/{id}/presence': async () => ({
    path: `/api/admin/agencies/${hub.ids.agency.poliisi}/presence`,
    body: { phone: '0295 419 800', onlineUrl: 'https://poliisi.fi', guidance: true, text: null },
  }),
  'POST /api/admin/services': async () => ({
    path: '/api/admin/services',
    body: { agencyId: hub.ids.agency.kela, code: `matrix-${++serial}`, name: text, publicLabel: text, prefix: 'Z', schedule: always },
  }),
  'PUT /api/admin/services/{id}': async () => ({
    path: `/api/admin/services/${targets.service}`,
    body: { agencyId: hub.ids.agency.kela, name: text, publicLabel: text, prefix: 'Y', schedule: always, active: true },
  }),
  'POST /api/admin/desks': async () => ({ path: '/api/admin/desks', body: { name: `M${++serial}`, zone: 'c' } }),
  'PUT /api/admin/desks/{id}': async () => ({ path: `/api/admin/desks/${did('6')}`, body: { name: '6', zone: 'b' } }),
  'POST /api/appointments': async () => ({
    path: '/api/appointments',
    body: { bookingId: `matrix-${++serial}`, serviceId: sid('kela'), startsAt: '2026-11-24T15:00:00+02:00' },
  }),
  'POST /api/appointments/{id}/cancel': async () => ({ path: `/api/appointments/${(await kelaAppointment()).id}/cancel` }),
  'GET /api/appointments': async () => ({ path: '/api/appointments?day=2026-11-24' }),
  'POST /api/appointments/check-in': async () => ({ path: '/api/appointments/check-in', body: { code: (await kelaAppointment()).code, idempotencyKey: key() } }),
  'PUT /api/admin/hub/appointment-policy': async () => ({ path: '/api/admin/hub/appointment-policy', body: { earlyMin: 10, lateMin: 10 } }),
  'POST /api/admin/appointments/import': async () => ({
    path: '/api/admin/appointments/import',
    body: { format: 'csv', text: `bookingId,service,start\nmatrix-${++serial},kela,2026-11-24 15:00\n` },
  }),
  'PUT /api/admin/kiosk-questions': async () => ({
    path: '/api/admin/kiosk-questions',
    body: { questions: [{ icon: 'home', label: { fi: 'Asunto', sv: 'Bostad', en: 'Housing' }, suggests: [sid('asunnot')] }] },
  }),
};

const routes = await apiRoutes();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luukku-auth-matrix-'));
  // the organisation's sign-in is on, at the discard port: nothing answers there
  const oidc = { issuer: 'http://127.0.0.1:9', clientId: 'matrix', clientSecret: undefined, redirectUrl: 'http://127.0.0.1/api/auth/oidc/callback', postLogoutUrl: 'http://127.0.0.1/staff', scopes: 'openid', claims: { claim: 'groups', map: {} }, allowInsecureRequests: true };
  hub = await startHub({ config: { dataDir: dir, uiDir: dir, pushHosts: ['127.0.0.1'], oidc } });
  const [otherAgency, staff, guide, admin] = await Promise.all(Object.values(usernames).map((u) => hub.login(u)));
  sessions = { otherAgency: { cookie: otherAgency! }, staff: { cookie: staff! }, guide: { cookie: guide! }, admin: { cookie: admin! } };
  const kiosk = expectOk(await hub.call('POST', '/api/admin/devices', sessions.admin, { kind: 'kiosk', name: 'Target kiosk' }), 201);
  const display = expectOk(await hub.call('POST', '/api/admin/devices', sessions.admin, { kind: 'display', name: 'Target display' }), 201);
  const user = expectOk(
    await hub.call('POST', '/api/admin/users', sessions.admin, { username: 'matrix-target', displayName: 'Target', password: 'matrix-password-0', role: 'staff', agencyIds: [] }),
    201,
  );
  const service = expectOk(
    await hub.call('POST', '/api/admin/services', sessions.admin, { agencyId: hub.ids.agency.kela, code: 'matrix-target', name: text, publicLabel: text, prefix: 'Y', schedule: always }),
    201,
  );
  targets = { kiosk: kiosk.device.id, display: display.device.id, user: user.id, service: service.id };
}, 60_000);

afterAll(async () => {
  await hub?.app.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Like hub.call, but an answer that is not JSON (the metrics text) is kept as text. */
async function send(method: string, url: string, who: Identity, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...extra };
  if (who && 'cookie' in who) headers.cookie = who.cookie;
  if (who && 'token' in who) headers.authorization = `Bearer ${who.token}`;
  const res = await hub.app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
  return { status: res.statusCode, body: json ? res.json() : res.body };
}

describe('who may call what', () => {
  it('has a row for every route the server has, and no row for one it has not', () => {
    expect(table.map((r) => r[0]).sort()).toEqual(routes.map((r) => r.key).sort());
    expect(new Set(table.map((r) => r[0])).size).toBe(table.length);
  });

  it.each(table.map((row) => [row[0], row] as const))('%s', async (route, row) => {
    const method = route.split(' ')[0]!;
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const [i, caller] of callers.entries()) {
      const expected = String(row[i + 1]);
      const cell: Cell = await (cells[route] ?? (async () => ({ path: route.split(' ')[1]! })))(caller);
      const res = await send(method, cell.path, cell.as ?? identityOf(caller), cell.body, cell.headers);
      const [status, code] = expected.split(' ');
      const defaultCode = status === '401' ? 'UNAUTHENTICATED' : status === '403' ? 'FORBIDDEN' : undefined;
      const wantCode = code ?? defaultCode;
      wanted.push(`${caller}: ${status}${wantCode ? ` ${wantCode}` : ''}`);
      answers.push(`${caller}: ${res.status}${wantCode ? ` ${res.body?.error?.code}` : ''}${String(res.status) !== status ? ` (${JSON.stringify(res.body).slice(0, 160)})` : ''}`);
    }
    expect(answers.join('\n')).toBe(wanted.join('\n'));
  });
});

/**
 * The access rules of docs/security.md §1 that depend on who holds what, not on the route:
 * each row is a situation made fresh for every caller. `hidden`/`visible` say whether the
 * answer (200) carries the referral note.
 */
type RuleExpected = Expected | 'hidden' | 'visible';
type RuleRow = [rule: string, ...expected: [RuleExpected, RuleExpected, RuleExpected, RuleExpected, RuleExpected, RuleExpected, RuleExpected]];
const planNote = 'matrix: passport stolen, asks about allowance';
// prettier-ignore
const rules: RuleRow[] = [
  //  rule                                                              anonymous kiosk display other  staff      guide      admin
  // holder vs non-holder: a Guidance visitor called to desk 1 by the guide
  ['finish a Guidance visitor the guide holds',                           401,    403,   403,   403,   403,       200,       403],
  ['finish a Guidance visitor after the admin took it over',              401,    403,   403,   403,   403,       403,       200],
  // Guidance opt-in: the Kela clerk has desk 2 open for Kela and Guidance; Ohjaamo has no desk
  ['read a waiting Guidance visitor',                                     401,    403,   403,   403,   200,       200,       200],
  ['cancel a waiting Guidance visitor',                                   401,    403,   403,   403,   200,       200,       200],
  // note addressee: the guide planned Police then Kela with a note (for the Police, the default); read Kela's step
  ['read the note of a Police-then-Kela plan, addressed to the Police',   401,    403,   403,   403,   'hidden',  'visible', 'hidden'],
  ['read the note of a Police-then-Kela plan, addressed to Kela',         401,    403,   403,   403,   'visible', 'visible', 'hidden'],
];

async function guideHolds(): Promise<number> {
  await resetDesks();
  expectOk(await hub.call('POST', `/api/desks/${did('1')}/open`, as('guide'), { services: [sid('neuvonta')] }));
  expectOk(await hub.call('POST', '/api/visits', { token: 'demo-kiosk' }, { guidance: true, language: 'fi', idempotencyKey: key() }), 201);
  return expectOk(await hub.call('POST', `/api/desks/${did('1')}/call-next`, as('guide'))).step.id;
}

async function waitingGuidance(): Promise<number> {
  await resetDesks();
  expectOk(await hub.call('POST', `/api/desks/${did('2')}/open`, as('staff'), { services: [sid('kela'), sid('neuvonta')] }));
  const v = expectOk(await hub.call('POST', '/api/visits', { token: 'demo-kiosk' }, { guidance: true, language: 'fi', idempotencyKey: key() }), 201);
  return hub.app.q.stepsOfVisit(v.visitId)[0]!.id;
}

/** The guide plans Police then Kela with the note; returns the Kela step. */
async function plannedKela(noteFor?: 'kela'): Promise<number> {
  const held = await guideHolds();
  const body = { services: [sid('poliisi'), sid('kela')], reason: 'planned_visit', note: planNote, ...(noteFor ? { noteFor: hub.ids.agency[noteFor] } : {}) };
  const res = expectOk(await hub.call('POST', `/api/steps/${held}/refer`, as('guide'), body));
  return res.visit.steps.find((s: { serviceId: number }) => s.serviceId === sid('kela')).id;
}

const ruleCells: Record<string, () => Promise<{ method: string; path: string; body?: unknown }>> = {
  'finish a Guidance visitor the guide holds': async () => ({ method: 'POST', path: `/api/steps/${await guideHolds()}/finish` }),
  'finish a Guidance visitor after the admin took it over': async () => {
    const id = await guideHolds();
    expectOk(await hub.call('POST', `/api/steps/${id}/take-over`, as('admin'), { reason: 'The guide went home ill' }));
    return { method: 'POST', path: `/api/steps/${id}/finish` };
  },
  'read a waiting Guidance visitor': async () => ({ method: 'GET', path: `/api/steps/${await waitingGuidance()}` }),
  'cancel a waiting Guidance visitor': async () => ({ method: 'POST', path: `/api/steps/${await waitingGuidance()}/cancel` }),
  'read the note of a Police-then-Kela plan, addressed to the Police': async () => ({ method: 'GET', path: `/api/steps/${await plannedKela()}` }),
  'read the note of a Police-then-Kela plan, addressed to Kela': async () => ({ method: 'GET', path: `/api/steps/${await plannedKela('kela')}` }),
};

describe('who may act on and read a visitor, by who holds what', () => {
  it('has a situation for every rule row', () => {
    expect(Object.keys(ruleCells).sort()).toEqual(rules.map((r) => r[0]).sort());
  });

  it.each(rules.map((row) => [row[0], row] as const))('%s', async (rule, row) => {
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const [i, caller] of callers.entries()) {
      const expected = String(row[i + 1]);
      const cell = await ruleCells[rule]!();
      const res = await send(cell.method, cell.path, identityOf(caller), cell.body);
      if (expected === 'hidden' || expected === 'visible') {
        wanted.push(`${caller}: 200 ${expected}`);
        answers.push(`${caller}: ${res.status} ${JSON.stringify(res.body).includes(planNote) ? 'visible' : 'hidden'}`);
        continue;
      }
      const [status, code] = expected.split(' ');
      const wantCode = code ?? (status === '401' ? 'UNAUTHENTICATED' : status === '403' ? 'FORBIDDEN' : undefined);
      wanted.push(`${caller}: ${status}${wantCode ? ` ${wantCode}` : ''}`);
      answers.push(`${caller}: ${res.status}${wantCode ? ` ${res.body?.error?.code}` : ''}${String(res.status) !== status ? ` (${JSON.stringify(res.body).slice(0, 160)})` : ''}`);
    }
    expect(answers.join('\n')).toBe(wanted.join('\n'));
  });
});

/**
 * The hub dimension (issue 12 §1): every route, called by the Pornainen pop-up point's kiosk,
 * display, rotating Kela worker (rostered to Pornainen today) and hub admin, on Mäntsälä's
 * targets, made by the same cells as above for the caller of the same kind. Each is refused, or
 * answers for its own hub only: `own` is a 2xx whose answer names none of Mäntsälä's services
 * or agencies.
 */
const otherHub = ['kioskB', 'displayB', 'staffB', 'adminB'] as const;
type OtherHubCaller = (typeof otherHub)[number];
const kindOf = { kioskB: 'kiosk', displayB: 'display', staffB: 'staff', adminB: 'admin' } as const satisfies Record<OtherHubCaller, Caller>;
type HubExpected = Expected | 'own';
type HubRow = [route: string, ...expected: [HubExpected, HubExpected, HubExpected, HubExpected]];
// prettier-ignore
const hubTable: HubRow[] = [
  //  route                                      Pornainen's kiosk, display, rotating Kela worker (in Pornainen today), hub admin
  ['GET /api/health',                          'own', 'own', 'own', 'own'],
  ['GET /api/openapi.json',                    'own', 'own', 'own', 'own'],
  ['GET /metrics',                             'own', 'own', 'own', 'own'],
  ['POST /api/auth/login',                     'own', 'own', 'own', 'own'],
  ['POST /api/auth/logout',                    'own', 'own', 'own', 'own'],
  ['GET /api/me',                              'own', 'own', 'own', 'own'],
  // into Mäntsälä: the rotating worker is assigned there too; Pornainen's hub admin is not
  ['POST /api/auth/hub',                       '403 FORBIDDEN', '403 FORBIDDEN', 'own', '403 HUB_NOT_ASSIGNED'],
  // the organisation's sign-in begins and ends the same for everyone (its provider is unreachable here)
  ['GET /api/auth/options',                    'own', 'own', 'own', 'own'],
  ['GET /api/auth/oidc/start',                 303, 303, 303, 303],
  ['GET /api/auth/oidc/callback',              303, 303, 303, 303],
  ['GET /api/me/day',                          '403 FORBIDDEN', '403 FORBIDDEN', 'own', 'own'],
  ['POST /api/pairing',                        'own', 'own', 'own', 'own'],
  ['GET /api/pairing/{id}',                    'own', 'own', 'own', 'own'],
  ['GET /api/kiosk/menu',                      'own', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['POST /api/kiosk/print',                    '404 VISIT_NOT_FOUND', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['GET /api/display/snapshot',                '403 FORBIDDEN', 'own', 'own', 'own'],
  ['GET /api/display/info',                    '403 FORBIDDEN', 'own', 'own', 'own'],
  ['GET /api/display/audio',                   '403 FORBIDDEN', '503 SPEECH_UNAVAILABLE', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['POST /api/display/speech',                 '403 FORBIDDEN', 'own', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['GET /api/admin/display-info',              '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['PUT /api/admin/display-info',              '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['GET /api/admin/displays/speech',           '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['GET /api/printers',                        '403 FORBIDDEN', '403 FORBIDDEN', 'own', 'own'],
  ['POST /api/visits',                         '404 SERVICE_NOT_FOUND', '403 FORBIDDEN', '404 SERVICE_NOT_FOUND', '404 SERVICE_NOT_FOUND'],
  ['GET /api/visits/{token}',                  '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND'],
  ['GET /api/push/key',                        'own', 'own', 'own', 'own'],
  ['POST /api/visits/{token}/push',            '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND'],
  ['DELETE /api/visits/{token}/push',          '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND'],
  ['GET /api/admin/push',                      '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['PUT /api/admin/push',                      '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['GET /api/desks',                           'own', 'own', 'own', 'own'],
  ['GET /api/queues',                          'own', 'own', 'own', 'own'],
  ['GET /api/services',                        'own', 'own', 'own', 'own'],
  ['POST /api/desks/{id}/open',                '403 FORBIDDEN', '403 FORBIDDEN', '404 DESK_NOT_FOUND', '404 DESK_NOT_FOUND'],
  ['POST /api/desks/{id}/close',               '403 FORBIDDEN', '403 FORBIDDEN', '404 DESK_NOT_FOUND', '404 DESK_NOT_FOUND'],
  ['POST /api/desks/{id}/break',               '403 FORBIDDEN', '403 FORBIDDEN', '404 DESK_NOT_FOUND', '404 DESK_NOT_FOUND'],
  ['POST /api/desks/{id}/call-next',           '403 FORBIDDEN', '403 FORBIDDEN', '404 DESK_NOT_FOUND', '404 DESK_NOT_FOUND'],
  ['GET /api/steps/{id}',                      '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/call',                '403 FORBIDDEN', '403 FORBIDDEN', '404 DESK_NOT_FOUND', '404 DESK_NOT_FOUND'],
  ['POST /api/steps/{id}/recall',              '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/start',               '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/finish',              '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/no-show',             '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/return',              '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/cancel',              '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/refer',               '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND', '404 STEP_NOT_FOUND'],
  ['POST /api/steps/{id}/take-over',           '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 STEP_NOT_FOUND'],
  ['GET /api/reports/arrivals',                '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/waits',                   '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/services',                '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/desks',                   '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/referrals',               '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/guidance',                '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/stay',                    '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['GET /api/reports/feedback',                '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND', '404 NOT_FOUND'],
  ['POST /api/visits/{token}/feedback',        '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND', '404 VISIT_NOT_FOUND'],
  ['POST /api/feedback',                       '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['GET /api/feedback/setup',                  '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['GET /api/admin/catalog',                   '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['GET /api/admin/audit',                     '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['GET /api/admin/devices',                   '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['POST /api/admin/devices',                  '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['POST /api/admin/devices/pair',             '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['PUT /api/admin/devices/{id}',              '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 DEVICE_NOT_FOUND'],
  ['PUT /api/admin/devices/{id}/printer',      '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 DEVICE_NOT_FOUND'],
  ['POST /api/admin/devices/{id}/revoke',      '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 DEVICE_NOT_FOUND'],
  ['GET /api/admin/users',                     '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['POST /api/admin/users',                    '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND'],
  ['PUT /api/admin/users/{id}',                '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 USER_NOT_FOUND'],
  ['POST /api/admin/users/{id}/password',      '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 USER_NOT_FOUND'],
  ['PUT /api/admin/users/{id}/roster',         '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 USER_NOT_FOUND'],
  ['PUT /api/admin/hub/policy',                '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['POST /api/admin/agencies',                 '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['PUT /api/admin/agencies/{id}',             '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND'],
  ['GET /api/admin/agency-presence',           '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['GET /api/reports/hubs',                    '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['POST /api/admin/hubs',                     '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN'],
  ['PUT /api/admin/agencies/{id}/presence',    '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND'],
  ['POST /api/admin/services',                 '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 NOT_FOUND'],
  ['PUT /api/admin/services/{id}',             '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 SERVICE_NOT_FOUND'],
  ['POST /api/admin/desks',                    '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['PUT /api/admin/desks/{id}',                '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 DESK_NOT_FOUND'],
  ['PUT /api/admin/kiosk-questions',           '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '404 SERVICE_NOT_FOUND'],
  ['POST /api/appointments',                   '404 SERVICE_NOT_FOUND', '404 SERVICE_NOT_FOUND', '404 SERVICE_NOT_FOUND', '404 SERVICE_NOT_FOUND'],
  ['POST /api/appointments/{id}/cancel',       '404 APPOINTMENT_NOT_FOUND', '404 APPOINTMENT_NOT_FOUND', '404 APPOINTMENT_NOT_FOUND', '404 APPOINTMENT_NOT_FOUND'],
  ['GET /api/appointments',                    '403 FORBIDDEN', '403 FORBIDDEN', 'own', 'own'],
  ['POST /api/appointments/check-in',          '404 APPOINTMENT_NOT_FOUND', '403 FORBIDDEN', '404 APPOINTMENT_NOT_FOUND', '404 APPOINTMENT_NOT_FOUND'],
  ['GET /api/admin/hub/appointment-policy',    '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['PUT /api/admin/hub/appointment-policy',    '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', 'own'],
  ['POST /api/admin/appointments/import',      '403 FORBIDDEN', '403 FORBIDDEN', 'own', 'own'],
];

let otherSessions: Record<'staffB' | 'adminB', Identity>;
const otherIdentity = (c: OtherHubCaller): Identity =>
  c === 'kioskB' ? { token: 'demo-kiosk-pornainen' } : c === 'displayB' ? { token: 'demo-display-pornainen' } : otherSessions[c];

/** Whether an answer names one of Mäntsälä's services or agencies by id. */
function namesHubA(body: unknown): boolean {
  const text = JSON.stringify(body ?? null);
  const ids = (key: string, values: number[]) => values.some((v) => new RegExp(`"${key}":${v}[,}]`).test(text));
  return ids('serviceId', Object.values(hub.ids.service)) || ids('agencyId', Object.values(hub.ids.agency));
}

describe('who may call what, from another hub', () => {
  beforeAll(async () => {
    const [staffB, adminB] = await Promise.all(['kela-kierto', 'admin-pornainen'].map((u) => hub.login(u)));
    otherSessions = { staffB: { cookie: staffB! }, adminB: { cookie: adminB! } };
    const pornainen = hub.app.q.hubBySlug('pornainen')!.id;
    for (const c of ['staffB', 'adminB'] as const) expect(expectOk(await hub.call('GET', '/api/me', otherSessions[c])).hubId).toBe(pornainen);
  });

  it('has a row for every route the server has', () => {
    expect(hubTable.map((r) => r[0]).sort()).toEqual(routes.map((r) => r.key).sort());
  });

  it.each(hubTable.map((row) => [row[0], row] as const))('%s', async (route, row) => {
    const method = route.split(' ')[0]!;
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const [i, caller] of otherHub.entries()) {
      const expected = String(row[i + 1]);
      const cell: Cell = await (cells[route] ?? (async () => ({ path: route.split(' ')[1]! })))(kindOf[caller]);
      // the rotating worker may move into Mäntsälä, their other hub: a fresh session does, so the
      // table's own session stays in Pornainen for the rows after this one
      const fresh = route === 'POST /api/auth/hub' && caller === 'staffB' ? { cookie: await hub.login('kela-kierto') } : undefined;
      const who = cell.as ?? fresh ?? otherIdentity(caller);
      const res = await send(method, cell.path, who, cell.body, cell.headers);
      if (expected === 'own') {
        wanted.push(`${caller}: own`);
        const ok = res.status >= 200 && res.status < 300 && !namesHubA(res.body);
        answers.push(`${caller}: ${ok ? 'own' : `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`}`);
        continue;
      }
      const [status, code] = expected.split(' ');
      const wantCode = code ?? (status === '401' ? 'UNAUTHENTICATED' : status === '403' ? 'FORBIDDEN' : undefined);
      wanted.push(`${caller}: ${status}${wantCode ? ` ${wantCode}` : ''}`);
      answers.push(`${caller}: ${res.status}${wantCode ? ` ${res.body?.error?.code}` : ''}${String(res.status) !== status ? ` (${JSON.stringify(res.body).slice(0, 160)})` : ''}`);
    }
    expect(answers.join('\n')).toBe(wanted.join('\n'));
  });
});
