/**
 * Issue 9 §1, "a note reaches every agency in a plan": a note is addressed to one receiving
 * agency (the next step's by default, or one the writer picks), and only that agency reads it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { as, callNext, expectError, expectOk, issue, openDesk, sid, stepAction, type Staff } from '../api/helpers.js';

const note = 'Lost passport reported stolen on 2.11.; also asks about housing allowance';
let hub: TestHub;
let guide: Staff;
beforeEach(async () => {
  hub = await startHub();
  guide = await as(hub, 'neuvonta');
});
afterEach(async () => {
  await hub.app.close();
});

/** A guide plans Police, then Kela, with the note (and `noteFor`, if given). */
async function planned(noteFor?: string): Promise<{ poliisiStep: number; kelaStep: number; referral: any }> {
  await issue(hub, 'guidance');
  await openDesk(hub, guide, '1', ['neuvonta']);
  const called = expectOk(await callNext(hub, guide, '1'));
  const body = { services: [sid(hub, 'poliisi'), sid(hub, 'kela')], reason: 'planned_visit', note, ...(noteFor ? { noteFor: hub.ids.agency[noteFor] } : {}) };
  const res = expectOk(await stepAction(hub, guide, called.step.id, 'refer', body));
  const steps = res.visit.steps as { id: number; serviceId: number }[];
  return {
    poliisiStep: steps.find((s) => s.serviceId === sid(hub, 'poliisi'))!.id,
    kelaStep: steps.find((s) => s.serviceId === sid(hub, 'kela'))!.id,
    referral: res.visit.referrals,
  };
}

async function finishPolice(): Promise<void> {
  const poliisi = await as(hub, 'poliisi');
  await openDesk(hub, poliisi, '2', ['poliisi']);
  const c = expectOk(await callNext(hub, poliisi, '2'));
  expectOk(await stepAction(hub, poliisi, c.step.id, 'finish'));
}

describe('a note has one addressee', () => {
  it('keeps a note the guide wrote for a Police-then-Kela plan from Kela; the Police reads it', async () => {
    const { poliisiStep, kelaStep } = await planned();
    const poliisi = await as(hub, 'poliisi');
    expect(JSON.stringify(expectOk(await hub.call('GET', `/api/steps/${poliisiStep}`, poliisi)))).toContain(note);

    await finishPolice();
    const kela = await as(hub, 'kela');
    const read = expectOk(await hub.call('GET', `/api/steps/${kelaStep}`, kela));
    expect(JSON.stringify(read)).not.toContain('passport');
    await openDesk(hub, kela, '3', ['kela']);
    expect(JSON.stringify(expectOk(await callNext(hub, kela, '3')))).not.toContain('passport');
  });

  it('lets the writer address the note to a later agency of the plan; then only that agency reads it', async () => {
    const { poliisiStep, kelaStep, referral } = await planned('kela');
    expect(referral.filter((r: any) => r.note === note).map((r: any) => r.noteFor)).toEqual([hub.ids.agency.kela]);
    const poliisi = await as(hub, 'poliisi');
    expect(JSON.stringify(expectOk(await hub.call('GET', `/api/steps/${poliisiStep}`, poliisi)))).not.toContain('passport');
    await finishPolice();
    expect(JSON.stringify(expectOk(await hub.call('GET', `/api/steps/${kelaStep}`, await as(hub, 'kela'))))).toContain(note);
    // the writer reads what they wrote; the admin does not
    expect(JSON.stringify(expectOk(await hub.call('GET', `/api/steps/${kelaStep}`, guide)))).toContain(note);
    expect(JSON.stringify(expectOk(await hub.call('GET', `/api/steps/${kelaStep}`, await as(hub, 'admin'))))).not.toContain('passport');
  });

  it('refuses a noteFor agency that is not among the targets, and changes nothing', async () => {
    await issue(hub, 'guidance');
    await openDesk(hub, guide, '1', ['neuvonta']);
    const called = expectOk(await callNext(hub, guide, '1'));
    const body = { services: [sid(hub, 'poliisi')], reason: 'planned_visit', note, noteFor: hub.ids.agency.kela };
    expectError(await stepAction(hub, guide, called.step.id, 'refer', body), 400, 'VALIDATION_FAILED');
    expect(expectOk(await hub.call('GET', `/api/steps/${called.step.id}`, guide)).step.status).toBe('called');
  });
});
