import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '@luukku/shared';
import type { TestHub } from '../support/app.js';
import { callNext, Clients, issue, startRealtimeHub, noteFields, openDesk, stepAction, type TestClient } from './clients.js';

const secret = 'secret-note-xyz';

describe('notes and step details never reach public sockets', () => {
  let hub: TestHub;
  let url = '';
  const clients = new Clients(() => url);

  beforeEach(async () => {
    ({ hub, url } = await startRealtimeHub());
  });
  afterEach(async () => {
    clients.closeAll();
    await hub?.app.close();
  });

  /** Kela refers a visitor to Ohjaamo with a note; Ohjaamo calls and serves them. */
  async function referWithNote(kela: string, ohjaamo: string) {
    await openDesk(hub, kela, '1', 'kela');
    await openDesk(hub, ohjaamo, '4', 'ohjaamo');
    const visit = await issue(hub, 'kela');
    const called = await callNext(hub, kela, '1');
    await stepAction(hub, kela, called.stepId, 'start');
    const referred = await stepAction(hub, kela, called.stepId, 'refer', {
      services: [hub.ids.service.ohjaamo],
      reason: 'needs_other_service',
      note: `Asiakas tarvitsee apua: ${secret}`,
    });
    const second = await callNext(hub, ohjaamo, '4');
    expect(second.visitId).toBe(visit.visitId);
    await stepAction(hub, ohjaamo, second.stepId, 'start');
    await stepAction(hub, ohjaamo, second.stepId, 'finish');
    return { visit, toStepId: referred.step.id as number };
  }

  async function everything(client: TestClient): Promise<{ live: unknown[]; replay: HubEvent[] }> {
    await client.barrier();
    const ack = await client.sync({ since: 0 });
    if (!('data' in ack)) throw new Error(`${client.name}: sync failed ${JSON.stringify(ack)}`);
    return { live: client.raw.map((m) => m.payload), replay: ack.data.events };
  }

  it('a display never receives a note, a step or a visit event, live or through sync', async () => {
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    const displays = [await clients.display('all'), await clients.display('a'), await clients.display('b'), await clients.display()];
    const kiosk = await clients.connect('kiosk', { token: 'demo-kiosk' });

    await referWithNote(kela, ohjaamo);

    // the displays did hear the hub: both calls on 'all', one per zone display
    await displays[0]!.waitFor('call', (e) => e.data.zone === 'b');
    for (const client of [...displays, kiosk]) {
      const { live, replay } = await everything(client);
      for (const message of [...live, ...replay]) {
        expect(JSON.stringify(message)).not.toContain(secret);
        expect(JSON.stringify(message)).not.toContain('Asiakas tarvitsee');
        expect(noteFields(message)).toEqual([]);
      }
      const raw = client.raw.map((m) => m.event);
      expect(raw.filter((e) => e === 'step' || e === 'visit')).toEqual([]);
      expect(replay.filter((e) => e.type === 'step' || e.type === 'visit')).toEqual([]);
      expect(client.raw.length).toBeGreaterThan(0);
    }
    expect(kiosk.ofType('call')).toEqual([]);
    expect(displays[1]!.ofType('call').map((e) => e.data.zone)).toEqual(['a']);
    expect(displays[2]!.ofType('call').map((e) => e.data.zone)).toEqual(['b']);
  });

  it("the visitor's phone page hears its own visit but never the note", async () => {
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    await openDesk(hub, kela, '1', 'kela');
    await openDesk(hub, ohjaamo, '4', 'ohjaamo');
    const visit = await issue(hub, 'kela');
    const phone = await clients.phone(visit.token);
    const called = await callNext(hub, kela, '1');
    await stepAction(hub, kela, called.stepId, 'refer', {
      services: [hub.ids.service.ohjaamo],
      reason: 'needs_other_service',
      note: secret,
    });

    await phone.waitFor('visit', (e) => e.data.current?.status === 'waiting' && e.data.current.label.fi === 'Ohjaamo');
    const { live, replay } = await everything(phone);
    for (const message of [...live, ...replay]) {
      expect(JSON.stringify(message)).not.toContain(secret);
      expect(noteFields(message)).toEqual([]);
    }
    expect(phone.raw.filter((m) => m.event === 'step' || m.event === 'call')).toEqual([]);
  });

  it('staff events never carry the note text, only that there is one; the note is read over HTTP', async () => {
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    const staff = [
      await clients.staff(kela, 'kela'),
      await clients.staff(ohjaamo, 'ohjaamo'),
      await clients.staff(await hub.login('admin'), 'admin'),
      await clients.staff(await hub.login('neuvonta'), 'neuvonta'),
    ];

    const { toStepId } = await referWithNote(kela, ohjaamo);

    // the receiving agency and the admin hear the new step (the sender hears only its own step's `referred`)
    for (const client of [staff[1]!, staff[2]!]) {
      const activated = await client.waitFor('step', (e) => e.data.change === 'activated' && e.data.step.id === toStepId);
      expect(activated.data.step.referredFrom).toMatchObject({ agencyId: hub.ids.agency.kela, hasNote: true });
    }
    for (const client of staff) {
      const { live, replay } = await everything(client);
      for (const message of [...live, ...replay]) {
        expect(JSON.stringify(message)).not.toContain(secret);
        for (const field of noteFields(message)) expect(typeof field.value, field.path).toBe('boolean');
      }
    }

    // the note exists, for the receiving agency, over HTTP only
    const res = await hub.call('GET', `/api/steps/${toStepId}`, { cookie: ohjaamo });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(secret);
  });

  it('no stored event holds the note, so no replay can leak it', async () => {
    const kela = await hub.login('kela');
    const ohjaamo = await hub.login('ohjaamo');
    await referWithNote(kela, ohjaamo);
    const demo = hub.app.q.hubBySlug('mantsala')!;
    const stored = hub.app.q.eventsSince(demo.id, 0, 100_000);
    expect(stored.length).toBeGreaterThan(10);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });
});
