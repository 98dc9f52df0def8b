/**
 * Small conveniences for the API tests. Everything goes through the real HTTP routes of a
 * real app (tests/support/app.ts); nothing here reaches past the API.
 */
import { expect } from 'vitest';
import { key, kiosk, type Identity, type TestHub } from '../support/app.js';

export type Res = { status: number; body: any };
export type Staff = { cookie: string };

/** The one error shape: `{ error: { code, message } }` with the exact code and status. */
export function expectError(res: Res, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }, JSON.stringify(res.body).slice(0, 400)).toEqual({ status, code });
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(res.body.error).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
  expect(res.body.error.message.length).toBeGreaterThan(0);
}

export function expectOk(res: Res, status = 200): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const sessions = new WeakMap<TestHub, Map<string, Promise<string>>>();

/** A demo user's session, logged in once per hub through POST /api/auth/login. */
export async function as(hub: TestHub, username: string): Promise<Staff> {
  let m = sessions.get(hub);
  if (!m) sessions.set(hub, (m = new Map()));
  let p = m.get(username);
  if (!p) m.set(username, (p = hub.login(username)));
  return { cookie: await p };
}

/** Forgets cached logins, e.g. after moving the clock past the session lifetime. */
export function forgetLogins(hub: TestHub): void {
  sessions.delete(hub);
}

export interface IssueOptions {
  language?: string;
  needs?: Record<string, boolean>;
  by?: Identity;
  idempotencyKey?: string;
}

export function issueBody(hub: TestHub, services: string[] | 'guidance', o: IssueOptions = {}): Record<string, unknown> {
  return {
    ...(services === 'guidance' ? { guidance: true } : { services: services.map((s) => sid(hub, s)) }),
    language: o.language ?? 'fi',
    ...(o.needs ? { needs: o.needs } : {}),
    idempotencyKey: o.idempotencyKey ?? key(),
  };
}

/** Issues a visit (kiosk by default) and expects a new number. */
export async function issue(hub: TestHub, services: string[] | 'guidance', o: IssueOptions = {}): Promise<any> {
  const res = await hub.call('POST', '/api/visits', o.by ?? kiosk, issueBody(hub, services, o));
  return expectOk(res, 201);
}

export function sid(hub: TestHub, code: string): number {
  const id = hub.ids.service[code];
  if (id === undefined) throw new Error(`no demo service ${code}`);
  return id;
}

export function did(hub: TestHub, name: string): number {
  const id = hub.ids.desk[name];
  if (id === undefined) throw new Error(`no demo desk ${name}`);
  return id;
}

export function aid(hub: TestHub, code: string): number {
  const id = hub.ids.agency[code];
  if (id === undefined) throw new Error(`no demo agency ${code}`);
  return id;
}

export async function openDesk(hub: TestHub, who: Staff, desk: string, services: string[]): Promise<any> {
  return expectOk(await hub.call('POST', `/api/desks/${did(hub, desk)}/open`, who, { services: services.map((s) => sid(hub, s)) }));
}

export async function callNext(hub: TestHub, who: Staff, desk: string): Promise<Res> {
  return hub.call('POST', `/api/desks/${did(hub, desk)}/call-next`, who);
}

/** Calls next and returns the called number, failing on an error answer. */
export async function callNextNumber(hub: TestHub, who: Staff, desk: string): Promise<string> {
  const body = expectOk(await callNext(hub, who, desk));
  return body.step.number;
}

export async function stepAction(hub: TestHub, who: Identity, stepId: number, action: string, body?: unknown): Promise<Res> {
  return hub.call('POST', `/api/steps/${stepId}/${action}`, who, body);
}

/** Calls next at the desk and finishes that visitor; returns the number served. */
export async function serveNext(hub: TestHub, who: Staff, desk: string): Promise<string> {
  const called = expectOk(await callNext(hub, who, desk));
  expectOk(await stepAction(hub, who, called.step.id, 'finish'));
  return called.step.number;
}

/** Waiting lines as the given identity sees them. */
export async function queues(hub: TestHub, who: Identity = kiosk): Promise<any[]> {
  return expectOk(await hub.call('GET', '/api/queues', who)).queues;
}

export async function waitingCount(hub: TestHub, service: string): Promise<number> {
  return (await queues(hub)).find((q) => q.serviceId === sid(hub, service))!.waiting;
}

/** The waiting step of a visit number in a line, looked up in the staff queue view. */
export async function waitingStepId(hub: TestHub, who: Staff, service: string, number: string): Promise<number> {
  const line = (await queues(hub, who)).find((q) => q.serviceId === sid(hub, service));
  const entry = line?.entries?.find((e: any) => e.number === number);
  if (!entry) throw new Error(`${number} is not waiting for ${service}`);
  return entry.stepId;
}

/**
 * Everything a 4xx must leave alone: the event sequence, every line with its visitors, and
 * every desk. Compare a snapshot before and after a refused request.
 */
export async function snapshot(hub: TestHub): Promise<unknown> {
  const admin = await as(hub, 'admin');
  const q = expectOk(await hub.call('GET', '/api/queues', admin));
  const desks = expectOk(await hub.call('GET', '/api/desks', admin));
  return { queues: q, desks };
}

export async function phonePage(hub: TestHub, token: string): Promise<any> {
  return expectOk(await hub.call('GET', `/api/visits/${token}`));
}

export async function me(hub: TestHub, who: Identity): Promise<any> {
  return expectOk(await hub.call('GET', '/api/me', who));
}
