/**
 * One known Tuesday in the demo hub, played through the real API with the hand-moved clock.
 * Every figure the reports must find is worked out by hand next to the test that checks it.
 *
 * Desks: 1 Kela (kela), 2 rental housing (asunnot), 3 Guidance (neuvonta), 4 Ohjaamo (ohjaamo).
 * Kela's own target is 10 min; every other service uses the hub's 15.
 *
 *   visit  arrives  what happens (minutes of 24.11.2026, Helsinki)
 *   K001   09:00    Kela called 09:04, started 09:05, finished 09:17
 *   A001   09:02    Guidance called 09:03, started 09:04, referred 09:08 to Kela then housing (planned_visit)
 *                   Kela called 09:31, started 09:32, finished 09:40 → housing waits from 09:40
 *                   housing called 09:50, started 09:51, finished 10:01
 *   K002   09:05    Kela called 09:17, started 09:18, referred 09:28 to housing (needs_other_service, with a note)
 *                   housing called 09:35, started 09:36, finished 09:50
 *   K003   09:10    Kela called 09:28, did not come 09:31
 *   V001   09:15    housing called 09:16, started 09:17, finished 09:35
 *   A002   09:20    Guidance called 09:21, started 09:22, finished 09:27 (sorted out at the info desk)
 *   K004   09:30    Kela called 09:40, started 09:41, finished 09:55
 *   O001   10:00    Ohjaamo called 10:05, started 10:06, referred 10:20 to Kela (wrong_queue, with a note)
 *                   Kela called 10:25, did not come 10:28
 *   A003   10:10    Guidance called 10:12, started 10:13, referred 10:16 to Ohjaamo (needs_other_service)
 *                   Ohjaamo called 10:30, started 10:31, finished 10:46
 *   K005   10:30    left the Kela line unserved: cancelled 10:50
 */
import { expect } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, did, expectOk, issue, openDesk, sid, stepAction, waitingStepId, type Staff } from '../api/helpers.js';

export const day = '2026-11-24';
export const notes = ['Vuokravakuus erääntyy, maksusuunnitelma', 'Ohjaamon luottamuksellinen huomio'];

export interface SyntheticDay {
  hub: TestHub;
  staff: Record<'kela' | 'asunnot' | 'neuvonta' | 'ohjaamo' | 'admin', Staff>;
}

export async function playSyntheticDay(): Promise<SyntheticDay> {
  const hub = await startHub({ now: `${day}T08:30:00+02:00` });
  const at = (hhmm: string) => hub.clock.set(`${day}T${hhmm}:00+02:00`);
  const staff = {
    kela: await as(hub, 'kela'),
    asunnot: await as(hub, 'asunnot'),
    neuvonta: await as(hub, 'neuvonta'),
    ohjaamo: await as(hub, 'ohjaamo'),
    admin: await as(hub, 'admin'),
  };

  // Kela's own waiting target: 10 minutes (the hub's stays 15)
  const catalog = expectOk(await hub.call('GET', '/api/admin/catalog', staff.admin));
  const kelaService = catalog.services.find((s: any) => s.code === 'kela');
  const { id, code: _code, isGuidance: _g, openNow: _o, ...editable } = kelaService;
  expectOk(await hub.call('PUT', `/api/admin/services/${id}`, staff.admin, { ...editable, targetWaitMin: 10 }));

  await openDesk(hub, staff.kela, '1', ['kela']);
  await openDesk(hub, staff.asunnot, '2', ['asunnot']);
  await openDesk(hub, staff.neuvonta, '3', ['neuvonta']);
  await openDesk(hub, staff.ohjaamo, '4', ['ohjaamo']);

  const desks = { kela: '1', asunnot: '2', neuvonta: '3', ohjaamo: '4' } as const;
  type Who = keyof typeof desks;
  const call = async (who: Who, stepId: number) =>
    expectOk(await hub.call('POST', `/api/steps/${stepId}/call`, staff[who], { deskId: did(hub, desks[who]) })).step.id as number;
  const act = async (who: Who, stepId: number, action: string, body?: unknown) => expectOk(await stepAction(hub, staff[who], stepId, action, body));
  const waiting = (who: Who, service: string, number: string) => waitingStepId(hub, staff[who], service, number);
  const arrive = async (hhmm: string, services: string[] | 'guidance', expected: string) => {
    at(hhmm);
    expect((await issue(hub, services)).number).toBe(expected);
  };

  await arrive('09:00', ['kela'], 'K001');
  await arrive('09:02', 'guidance', 'A001');
  at('09:03');
  const a001 = await call('neuvonta', await waiting('neuvonta', 'neuvonta', 'A001'));
  at('09:04');
  await act('neuvonta', a001, 'start');
  const k001 = await call('kela', await waiting('kela', 'kela', 'K001'));
  await arrive('09:05', ['kela'], 'K002');
  at('09:05');
  await act('kela', k001, 'start');
  at('09:08');
  const a001Kela = (await act('neuvonta', a001, 'refer', { services: [sid(hub, 'kela'), sid(hub, 'asunnot')], reason: 'planned_visit' })).step.id;
  await arrive('09:10', ['kela'], 'K003');
  await arrive('09:15', ['asunnot'], 'V001');
  at('09:16');
  const v001 = await call('asunnot', await waiting('asunnot', 'asunnot', 'V001'));
  at('09:17');
  await act('asunnot', v001, 'start');
  await act('kela', k001, 'finish');
  const k002 = await call('kela', await waiting('kela', 'kela', 'K002'));
  at('09:18');
  await act('kela', k002, 'start');
  await arrive('09:20', 'guidance', 'A002');
  at('09:21');
  const a002 = await call('neuvonta', await waiting('neuvonta', 'neuvonta', 'A002'));
  at('09:22');
  await act('neuvonta', a002, 'start');
  at('09:27');
  await act('neuvonta', a002, 'finish');
  at('09:28');
  const k002Housing = (await act('kela', k002, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service', note: notes[0] })).step.id;
  const k003 = await call('kela', await waiting('kela', 'kela', 'K003'));
  await arrive('09:30', ['kela'], 'K004');
  at('09:31');
  await act('kela', k003, 'no-show');
  await call('kela', a001Kela);
  at('09:32');
  await act('kela', a001Kela, 'start');
  at('09:35');
  await act('asunnot', v001, 'finish');
  await call('asunnot', k002Housing);
  at('09:36');
  await act('asunnot', k002Housing, 'start');
  at('09:40');
  await act('kela', a001Kela, 'finish');
  const k004 = await call('kela', await waiting('kela', 'kela', 'K004'));
  at('09:41');
  await act('kela', k004, 'start');
  at('09:50');
  await act('asunnot', k002Housing, 'finish');
  const a001Housing = await call('asunnot', await waiting('asunnot', 'asunnot', 'A001'));
  at('09:51');
  await act('asunnot', a001Housing, 'start');
  at('09:55');
  await act('kela', k004, 'finish');
  await arrive('10:00', ['ohjaamo'], 'O001');
  at('10:01');
  await act('asunnot', a001Housing, 'finish');
  at('10:05');
  const o001 = await call('ohjaamo', await waiting('ohjaamo', 'ohjaamo', 'O001'));
  at('10:06');
  await act('ohjaamo', o001, 'start');
  await arrive('10:10', 'guidance', 'A003');
  at('10:12');
  const a003 = await call('neuvonta', await waiting('neuvonta', 'neuvonta', 'A003'));
  at('10:13');
  await act('neuvonta', a003, 'start');
  at('10:16');
  const a003Ohjaamo = (await act('neuvonta', a003, 'refer', { services: [sid(hub, 'ohjaamo')], reason: 'needs_other_service' })).step.id;
  at('10:20');
  const o001Kela = (await act('ohjaamo', o001, 'refer', { services: [sid(hub, 'kela')], reason: 'wrong_queue', note: notes[1] })).step.id;
  at('10:25');
  await call('kela', o001Kela);
  at('10:28');
  await act('kela', o001Kela, 'no-show');
  await arrive('10:30', ['kela'], 'K005');
  at('10:30');
  await call('ohjaamo', a003Ohjaamo);
  at('10:31');
  await act('ohjaamo', a003Ohjaamo, 'start');
  at('10:46');
  await act('ohjaamo', a003Ohjaamo, 'finish');
  at('10:50');
  await act('kela', await waiting('kela', 'kela', 'K005'), 'cancel');
  at('17:00');
  return { hub, staff };
}
