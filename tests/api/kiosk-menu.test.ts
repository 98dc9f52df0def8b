import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { display, kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, expectError, expectOk, issue, sid } from './helpers.js';

const menu = async (hub: TestHub, lang?: string) =>
  expectOk(await hub.call('GET', `/api/kiosk/menu${lang ? `?lang=${lang}` : ''}`, kiosk));

const allServiceIds = (m: any): number[] => [
  ...(m.guidance ? [m.guidance.id] : []),
  ...m.agencies.flatMap((a: any) => a.services.map((s: any) => s.id)),
];

describe('GET /api/kiosk/menu on a Tuesday', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.app.close();
  });

  it('shows the menu in Swedish', async () => {
    const m = await menu(hub, 'sv');
    expect(m.language).toBe('sv');
    expect(m.hubName).toBe('Mäntsälä servicetorg');
    expect(m.guidance).toMatchObject({ id: sid(hub, 'neuvonta'), label: 'Rådgivning', prefix: 'A' });
    const kela = m.agencies.find((a: any) => a.id === aid(hub, 'kela'));
    expect(kela).toMatchObject({ name: 'FPA', color: '#0b6e8a' });
    expect(kela.services).toEqual([
      expect.objectContaining({ id: sid(hub, 'kela'), label: 'FPA', prefix: 'K', appointmentOnly: false }),
      expect.objectContaining({ id: sid(hub, 'kela-aika'), label: 'Tidsbokning', appointmentOnly: true }),
    ]);
    expect(m.questions.map((q: any) => q.label)).toContain('Jag har förlorat mitt jobb');
  });

  it('shows the menu in English', async () => {
    const m = await menu(hub, 'en');
    expect(m.language).toBe('en');
    expect(m.hubName).toBe('Mäntsälä service hub');
    expect(m.guidance.label).toBe('Guidance');
    expect(m.agencies.find((a: any) => a.id === aid(hub, 'tyo')).name).toBe('Employment services');
    expect(m.questions.map((q: any) => q.label)).toContain('I lost my job');
  });

  it('shows the menu in Finnish, and in Finnish when no language is asked for', async () => {
    for (const m of [await menu(hub, 'fi'), await menu(hub)]) {
      expect(m.language).toBe('fi');
      expect(m.hubName).toBe('Mäntsälän palvelutori');
      expect(m.guidance.label).toBe('Neuvonta');
      expect(m.agencies.find((a: any) => a.id === aid(hub, 'asunnot')).services[0].label).toBe('Vuokra-asunnot');
      expect(m.questions.map((q: any) => q.label)).toContain('Menetin työni');
    }
  });

  it("falls back to the hub's first language for a kiosk language without translations", async () => {
    const m = await menu(hub, 'uk');
    expect(m.language).toBe('uk');
    expect(m.guidance.label).toBe('Neuvonta');
    expect((await menu(hub, 'fi-x-easy')).guidance.label).toBe('Neuvonta');
  });

  it('lists guidance on its own, not as an agency', async () => {
    const m = await menu(hub, 'fi');
    expect(m.agencies.map((a: any) => a.id)).not.toContain(aid(hub, 'neuvonta'));
    expect(m.agencies.map((a: any) => a.id)).toEqual(
      ['kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi'].map((a) => aid(hub, a)),
    );
  });

  it('offers the Tuesday pop-up under its neutral label', async () => {
    const m = await menu(hub, 'fi');
    const kunta = m.agencies.find((a: any) => a.id === aid(hub, 'kunta'));
    expect(kunta.services.map((s: any) => [s.id, s.label])).toEqual([
      [sid(hub, 'kunta'), 'Kunnan asiointipiste'],
      [sid(hub, 'terveys'), 'Hyvinvointineuvonta'],
    ]);
    for (const lang of ['fi', 'sv', 'en']) {
      expect(JSON.stringify(await menu(hub, lang))).not.toMatch(/terveys|hälso|health/i);
    }
  });

  it("suggests services by id for the 'I don't know' questions", async () => {
    const m = await menu(hub, 'en');
    const byIcon = Object.fromEntries(m.questions.map((q: any) => [q.icon, q.suggests]));
    expect(byIcon).toEqual({
      briefcase: [sid(hub, 'tyo'), sid(hub, 'kela')],
      home: [sid(hub, 'asunnot'), sid(hub, 'kela')],
      coins: [sid(hub, 'kela')],
      compass: [sid(hub, 'ohjaamo')],
      'id-card': [sid(hub, 'poliisi')],
      question: [],
    });
    const offered = new Set(allServiceIds(m));
    for (const q of m.questions) for (const id of q.suggests) expect(offered.has(id)).toBe(true);
  });

  it('needs the kiosk token (401 without, 403 for the display or staff)', async () => {
    expectError(await hub.call('GET', '/api/kiosk/menu?lang=fi'), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/kiosk/menu?lang=fi', { token: 'no-such-kiosk' }), 401, 'UNAUTHENTICATED');
    expectError(await hub.call('GET', '/api/kiosk/menu?lang=fi', display), 403, 'FORBIDDEN');
    expectError(await hub.call('GET', '/api/kiosk/menu?lang=fi', await as(hub, 'kela')), 403, 'FORBIDDEN');
  });

  it('refuses an unknown language or an unknown parameter (400 VALIDATION_FAILED)', async () => {
    expectError(await hub.call('GET', '/api/kiosk/menu?lang=de', kiosk), 400, 'VALIDATION_FAILED');
    expectError(await hub.call('GET', '/api/kiosk/menu?lang=fi&debug=1', kiosk), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /api/kiosk/menu — waiting lines and other days', () => {
  it('shows how many wait in each line and the estimate', async () => {
    const hub = await startHub();
    try {
      expect((await menu(hub, 'fi')).agencies.find((a: any) => a.id === aid(hub, 'kela')).services[0]).toMatchObject({
        waiting: 0,
        estimateMin: 0,
      });
      await issue(hub, ['kela']);
      await issue(hub, ['kela']);
      await issue(hub, 'guidance');
      const m = await menu(hub, 'fi');
      // two people at 12 minutes each, nobody at a desk yet: counted as one desk
      expect(m.agencies.find((a: any) => a.id === aid(hub, 'kela')).services[0]).toMatchObject({ waiting: 2, estimateMin: 24 });
      expect(m.guidance).toMatchObject({ waiting: 1, estimateMin: 5 });
    } finally {
      await hub.app.close();
    }
  });

  it('does not offer the pop-up on a Wednesday', async () => {
    const hub = await startHub({ now: '2026-11-25T10:00:00+02:00' });
    try {
      const m = await menu(hub, 'fi');
      expect(allServiceIds(m)).not.toContain(sid(hub, 'terveys'));
      expect(m.agencies.find((a: any) => a.id === aid(hub, 'kunta')).services.map((s: any) => s.id)).toEqual([sid(hub, 'kunta')]);
      // the regular services are still there
      expect(allServiceIds(m)).toEqual(
        expect.arrayContaining(['neuvonta', 'kela', 'kunta', 'asunnot', 'ohjaamo', 'tyo', 'poliisi'].map((s) => sid(hub, s))),
      );
    } finally {
      await hub.app.close();
    }
  });

  it('offers the pop-up again when the clock reaches the next Tuesday', async () => {
    const hub = await startHub({ now: '2026-11-25T10:00:00+02:00' });
    try {
      expect(allServiceIds(await menu(hub))).not.toContain(sid(hub, 'terveys'));
      hub.clock.set('2026-12-01T09:00:00+02:00');
      expect(allServiceIds(await menu(hub))).toContain(sid(hub, 'terveys'));
    } finally {
      await hub.app.close();
    }
  });
});
