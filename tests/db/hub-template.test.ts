/**
 * Issue 12 §1: a region admin makes a new hub from a template — the demo hub's settings,
 * agencies, services and kiosk questions — and nothing that belongs to the template's building
 * or its day: desks, people, devices, visits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@luukku/shared';
import type { UserRecord } from '@luukku/db';
import { createHubFromTemplate } from '../../server/src/commands/hub-template.js';
import type { CommandContext } from '../../server/src/commands/context.js';
import { kioskMenu } from '../../server/src/views/kiosk.js';
import { startHub, type TestHub } from '../support/app.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.app.close();
  hub = undefined;
});

const count = (h: TestHub, table: string, hubId: number) =>
  (h.app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE hub_id = ?`).get(hubId) as { n: number }).n;

describe('a hub made from a template', () => {
  async function setUp() {
    hub = await startHub();
    const q = hub.app.q;
    const ctx: CommandContext = { q, now: hub.clock.now, publish: () => undefined, newToken: () => 'unused' };
    const demo = q.hubs()[0]!;
    const admin = q.userByUsername('admin') as UserRecord;
    return { h: hub, q, ctx, demo, admin };
  }

  it("copies the template's agencies, services (by code, with their own agency), questions and settings, under new ids", async () => {
    const { h, q, ctx, demo, admin } = await setUp();
    expect((await h.call('PUT', '/api/admin/push', { cookie: await h.login('admin') }, { ahead: 2 })).status).toBe(200);
    const made = createHubFromTemplate(ctx, admin, { slug: 'ohkola', name: { fi: 'Ohkolan palvelupiste', sv: 'Ohkola servicepunkt' }, templateHubId: demo.id });

    const copy = q.hub(made.hubId)!;
    expect(copy).toMatchObject({ slug: 'ohkola', name: { fi: 'Ohkolan palvelupiste', sv: 'Ohkola servicepunkt' }, timeZone: demo.timeZone, lastSeq: 0 });
    expect(copy.kioskLanguages).toEqual(demo.kioskLanguages);
    const agencies = (id: number) => q.agencies(id).map((a) => [a.code, a.name, a.color, a.isGuidance]);
    expect(agencies(made.hubId)).toEqual(agencies(demo.id));
    expect(made.agencies).toBe(q.agencies(demo.id).length);

    const services = (id: number) => {
      const codeOf = new Map(q.agencies(id).map((a) => [a.id, a.code]));
      return q.services(id).map((s) => ({ ...s, id: 0, hubId: 0, agencyId: codeOf.get(s.agencyId) }));
    };
    expect(services(made.hubId)).toEqual(services(demo.id));
    expect(made.services).toBe(q.services(demo.id).length);
    // no copied service points at one of the template's rows
    const own = new Set(q.agencies(made.hubId).map((a) => a.id));
    expect(q.services(made.hubId).every((s) => own.has(s.agencyId))).toBe(true);

    // what the kiosk offers on a day an agency is away (the demo's Kela: its phone service)
    const presence = (id: number) => {
      const codeOf = new Map(q.agencies(id).map((a) => [a.id, a.code]));
      return (h.app.db.prepare('SELECT * FROM agency_presence WHERE hub_id = ? ORDER BY agency_id').all(id) as { agency_id: number; hub_id: number }[])
        .map((r) => ({ ...r, agency_id: codeOf.get(r.agency_id), hub_id: 0 }));
    };
    expect(presence(demo.id).length).toBeGreaterThan(0);
    expect(presence(made.hubId)).toEqual(presence(demo.id));
    expect(q.kioskQuestions(made.hubId).map((x) => ({ ...x, id: 0 }))).toEqual(q.kioskQuestions(demo.id).map((x) => ({ ...x, id: 0 })));
    const pushAhead = (id: number) => h.app.db.prepare(`SELECT value FROM hub_settings WHERE hub_id = ? AND key = 'push_ahead'`).pluck().get(id);
    expect(pushAhead(demo.id)).toBeDefined();
    expect(pushAhead(made.hubId)).toBe(pushAhead(demo.id));
  });

  it('starts with no desks, people, devices, visits or events of its own, and its kiosk menu offers the copied services', async () => {
    const { h, q, ctx, demo, admin } = await setUp();
    const made = createHubFromTemplate(ctx, admin, { slug: 'kylakioski', name: { fi: 'Kyläkioski' }, templateHubId: demo.id });
    for (const table of ['desks', 'users', 'devices', 'visits', 'events', 'appointments', 'feedback']) {
      expect(count(h, table, made.hubId), table).toBe(0);
    }
    const device = q.devices(demo.id).find((d) => d.kind === 'kiosk')!;
    const menu = kioskMenu(q, q.hub(made.hubId)!, device, 'fi', h.clock.now());
    const demoMenu = kioskMenu(q, demo, device, 'fi', h.clock.now());
    expect(menu.hubName).toBe('Kyläkioski');
    expect(menu.agencies.map((a) => [a.name, a.services.map((s) => s.label)])).toEqual(demoMenu.agencies.map((a) => [a.name, a.services.map((s) => s.label)]));
    expect(menu.questions.map((x) => x.label)).toEqual(demoMenu.questions.map((x) => x.label));
    // audited in both hubs
    const audits = h.app.db.prepare(`SELECT hub_id FROM audit_log WHERE action = 'hub.create' ORDER BY hub_id`).pluck().all();
    expect(audits).toEqual([demo.id, made.hubId]);
  });

  it('refuses a slug in use and an unknown template, and changes nothing', async () => {
    const { h, q, ctx, demo, admin } = await setUp();
    const before = { hubs: q.hubs().length, agencies: (h.app.db.prepare('SELECT count(*) FROM agencies').pluck().get() as number) };
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DomainError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(refusal(() => createHubFromTemplate(ctx, admin, { slug: demo.slug, name: { fi: 'Toinen' }, templateHubId: demo.id }))).toBe('HUB_SLUG_TAKEN');
    expect(refusal(() => createHubFromTemplate(ctx, admin, { slug: 'uusi', name: { fi: 'Uusi' }, templateHubId: 999 }))).toBe('HUB_NOT_FOUND');
    expect({ hubs: q.hubs().length, agencies: h.app.db.prepare('SELECT count(*) FROM agencies').pluck().get() }).toEqual(before);
  });
});
