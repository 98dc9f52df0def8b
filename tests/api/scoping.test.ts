import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import {
  as,
  callNext,
  did,
  expectError,
  expectOk,
  issue,
  openDesk,
  queues,
  sid,
  snapshot,
  stepAction,
  waitingStepId,
  type Staff,
} from './helpers.js';

let hub: TestHub;
let kela: Staff;
beforeEach(async () => {
  hub = await startHub();
  kela = await as(hub, 'kela');
});
afterEach(async () => {
  await hub.app.close();
});

describe("another agency's visitors", () => {
  it("keeps Kela staff from reading, calling or opening a desk for Ohjaamo's visitors (403 FORBIDDEN)", async () => {
    await issue(hub, ['ohjaamo']);
    const ohjaamo = await as(hub, 'ohjaamo');
    const stepId = await waitingStepId(hub, ohjaamo, 'ohjaamo', 'O001');
    await openDesk(hub, kela, '1', ['kela']);
    const before = await snapshot(hub);

    expectError(await hub.call('GET', `/api/steps/${stepId}`, kela), 403, 'FORBIDDEN');
    expectError(await stepAction(hub, kela, stepId, 'call', { deskId: did(hub, '1') }), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', `/api/desks/${did(hub, '1')}/open`, kela, { services: [sid(hub, 'ohjaamo')] }), 403, 'FORBIDDEN');
    expectError(await stepAction(hub, kela, stepId, 'cancel'), 403, 'FORBIDDEN');

    expect(await snapshot(hub)).toEqual(before);
    expect(expectOk(await hub.call('GET', `/api/steps/${stepId}`, ohjaamo)).step.status).toBe('waiting');
  });

  it("keeps Kela staff from acting on a visitor at Ohjaamo's desk (403 FORBIDDEN)", async () => {
    await issue(hub, ['ohjaamo']);
    const ohjaamo = await as(hub, 'ohjaamo');
    await openDesk(hub, ohjaamo, '4', ['ohjaamo']);
    const called = expectOk(await callNext(hub, ohjaamo, '4'));
    const before = await snapshot(hub);
    for (const action of ['recall', 'start', 'finish', 'no-show', 'return', 'cancel']) {
      expectError(await stepAction(hub, kela, called.step.id, action), 403, 'FORBIDDEN');
    }
    expectError(await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'kela')], reason: 'other' }), 403, 'FORBIDDEN');
    expect(await snapshot(hub)).toEqual(before);
  });

  it('lets any staff member take guidance visitors', async () => {
    await issue(hub, 'guidance');
    await openDesk(hub, kela, '1', ['kela', 'neuvonta']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expect(called.step).toMatchObject({ number: 'A001', serviceId: sid(hub, 'neuvonta') });
  });

  it("lets the admin read any agency's visitor", async () => {
    await issue(hub, ['poliisi']);
    const poliisi = await as(hub, 'poliisi');
    const stepId = await waitingStepId(hub, poliisi, 'poliisi', 'P001');
    expect(expectOk(await hub.call('GET', `/api/steps/${stepId}`, await as(hub, 'admin'))).step.number).toBe('P001');
  });
});

describe('referral notes', () => {
  const note = 'Eviction notice dated 3.11.; housing allowance decided today';

  /**
   * K001 goes Kela → housing (with the note) → employment (without a note). Returns the step
   * ids of the three steps.
   */
  async function referredTwice(): Promise<{ kelaStep: number; housingStep: number; tyoStep: number }> {
    await issue(hub, ['kela']);
    await openDesk(hub, kela, '1', ['kela']);
    const atKela = expectOk(await callNext(hub, kela, '1'));
    const toHousing = expectOk(
      await stepAction(hub, kela, atKela.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service', note }),
    );
    expect(toHousing.visit.referrals[0].note).toBe(note);
    const asunnot = await as(hub, 'asunnot');
    await openDesk(hub, asunnot, '2', ['asunnot']);
    const atHousing = expectOk(await callNext(hub, asunnot, '2'));
    expect(atHousing.step.id).toBe(toHousing.step.id);
    const toTyo = expectOk(await stepAction(hub, asunnot, atHousing.step.id, 'refer', { services: [sid(hub, 'tyo')], reason: 'visitor_request' }));
    return { kelaStep: atKela.step.id, housingStep: atHousing.step.id, tyoStep: toTyo.step.id };
  }

  it('shows the note to the sending agency (Kela)', async () => {
    const { kelaStep } = await referredTwice();
    const body = expectOk(await hub.call('GET', `/api/steps/${kelaStep}`, kela));
    expect(body.visit.referrals[0]).toMatchObject({ note, noteHidden: false });
  });

  it('shows the note to the receiving agency (housing)', async () => {
    const { housingStep } = await referredTwice();
    const body = expectOk(await hub.call('GET', `/api/steps/${housingStep}`, await as(hub, 'asunnot')));
    expect(body.step.referredFrom).toMatchObject({ hasNote: true });
    expect(body.visit.referrals[0]).toMatchObject({ note, noteHidden: false });
  });

  it('hides the note from the admin, who has not taken the step over', async () => {
    const { tyoStep } = await referredTwice();
    const body = expectOk(await hub.call('GET', `/api/steps/${tyoStep}`, await as(hub, 'admin')));
    expect(body.visit.referrals[0]).toMatchObject({ note: null, noteHidden: true });
  });

  it('hides the note from employment staff who receive the visitor later', async () => {
    const { tyoStep } = await referredTwice();
    const tyo = await as(hub, 'tyo');
    const body = expectOk(await hub.call('GET', `/api/steps/${tyoStep}`, tyo));
    expect(body.visit.referrals.map((r: any) => [r.fromAgencyId, r.toAgencyId, r.note, r.noteHidden])).toEqual([
      [hub.ids.agency.kela, hub.ids.agency.asunnot, null, true],
      [hub.ids.agency.asunnot, hub.ids.agency.tyo, null, false],
    ]);
    expect(JSON.stringify(body)).not.toContain('Eviction');

    // the same for the call and every answer employment staff get about the visit
    await openDesk(hub, tyo, '5', ['tyo']);
    const called = expectOk(await callNext(hub, tyo, '5'));
    expect(JSON.stringify(called)).not.toContain('Eviction');
    expect(called.visit.referrals[0]).toMatchObject({ note: null, noteHidden: true });
    expect(JSON.stringify(await queues(hub, tyo))).not.toContain('Eviction');
  });
});

describe('GET /api/queues', () => {
  it("gives counts of every line to everyone, and visitors only in the staff member's agency's lines (Guidance only with a desk open for it)", async () => {
    await issue(hub, ['kela']);
    await issue(hub, ['ohjaamo']);
    await issue(hub, 'guidance');
    const body = expectOk(await hub.call('GET', '/api/queues', kela));
    expect(body.seq).toEqual(expect.any(Number));
    const byService = new Map(body.queues.map((q: any) => [q.serviceId, q]));
    expect(byService.size).toBe(9);
    const withEntries = body.queues.filter((q: any) => q.entries !== undefined).map((q: any) => q.serviceId);
    // Kela's two lines: walk-ins and the appointments (by booking)
    expect(withEntries).toEqual([sid(hub, 'kela'), sid(hub, 'kela-aika')]);
    expect((byService.get(sid(hub, 'ohjaamo')) as any).waiting).toBe(1);
    expect((byService.get(sid(hub, 'kela')) as any).entries).toEqual([
      expect.objectContaining({ number: 'K001', language: 'fi', priority: 0, referredFrom: null }),
    ]);
    expect(JSON.stringify(body)).not.toContain('O001');
  });

  it('gives the Ohjaamo staff their own line and not Kela’s', async () => {
    await issue(hub, ['kela']);
    await issue(hub, ['ohjaamo']);
    const lines = await queues(hub, await as(hub, 'ohjaamo'));
    expect(lines.find((q) => q.serviceId === sid(hub, 'ohjaamo')).entries.map((e: any) => e.number)).toEqual(['O001']);
    expect(lines.find((q) => q.serviceId === sid(hub, 'kela')).entries).toBeUndefined();
  });

  it('gives the kiosk and the display counts only, no visitors', async () => {
    await issue(hub, ['kela']);
    for (const device of [kiosk, display]) {
      const lines = await queues(hub, device);
      expect(lines.every((q) => q.entries === undefined)).toBe(true);
      expect(lines.find((q) => q.serviceId === sid(hub, 'kela'))).toMatchObject({ waiting: 1, label: { fi: 'Kela' }, prefix: 'K', openNow: true });
    }
  });

  it('gives the admin the visitors of every line', async () => {
    const lines = await queues(hub, await as(hub, 'admin'));
    expect(lines.every((q) => Array.isArray(q.entries))).toBe(true);
  });

  it('shows how long the first in line has waited', async () => {
    await issue(hub, ['kela']);
    hub.clock.advanceMinutes(17);
    await issue(hub, ['kela']);
    const line = (await queues(hub)).find((q) => q.serviceId === sid(hub, 'kela'));
    expect(line).toMatchObject({ waiting: 2, longestWaitMin: 17, estimateMin: 24 });
  });

  it('answers 401 without a login or token', async () => {
    expectError(await hub.call('GET', '/api/queues'), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/queues', { token: 'forged' }), 401, 'UNAUTHENTICATED');
  });
});
