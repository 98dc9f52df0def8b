import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../server/src/views/csv.js';
import { kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, callNext, expectError, expectOk, issue, openDesk, sid, stepAction, type Staff } from './helpers.js';

const day = '2026-11-24';
const kinds = ['arrivals', 'waits', 'services', 'desks', 'referrals', 'guidance', 'stay'] as const;
const note = 'Asiakkaan terveystieto: ei raportteihin';
const ohjaamoName = 'Ohjaamo: alle 30-vuotiaat';

let hub: TestHub;
let kela: Staff;
let ohjaamo: Staff;
let admin: Staff;

beforeAll(async () => {
  hub = await startHub({ now: `${day}T09:00:00+02:00` });
  kela = await as(hub, 'kela');
  ohjaamo = await as(hub, 'ohjaamo');
  admin = await as(hub, 'admin');
  await openDesk(hub, kela, '1', ['kela']);
  await openDesk(hub, ohjaamo, '4', ['ohjaamo']);
  // 09:00 K001 (Kela) and O001 (Ohjaamo) arrive; 09:05 Kela calls K001, 09:15 refers her to
  // Ohjaamo with a note; Ohjaamo serves O001 09:18–09:30 and K001 09:33–09:45 (hand-off 18 min)
  await issue(hub, ['kela']);
  await issue(hub, ['ohjaamo']);
  hub.clock.advanceMinutes(5);
  const k = expectOk(await callNext(hub, kela, '1'));
  expectOk(await stepAction(hub, kela, k.step.id, 'start'));
  hub.clock.advanceMinutes(10);
  expectOk(await stepAction(hub, kela, k.step.id, 'refer', { services: [sid(hub, 'ohjaamo')], reason: 'needs_other_service', note }));
  for (let i = 0; i < 2; i++) {
    hub.clock.advanceMinutes(3);
    const o = expectOk(await callNext(hub, ohjaamo, '4'));
    expectOk(await stepAction(hub, ohjaamo, o.step.id, 'start'));
    hub.clock.advanceMinutes(12);
    expectOk(await stepAction(hub, ohjaamo, o.step.id, 'finish'));
  }
});
afterAll(async () => {
  await hub.app.close();
});

const get = (url: string, who: Staff | { token: string } | null) => hub.app.inject({ method: 'GET', url, headers: who === null ? {} : 'cookie' in who ? { cookie: who.cookie } : { authorization: `Bearer ${who.token}` } });

describe('GET /api/reports/* — who sees what', () => {
  it('answers 401 without a login and 403 to a device', async () => {
    for (const kind of kinds) {
      expectError(await hub.call('GET', `/api/reports/${kind}?day=${day}`), 401, 'UNAUTHENTICATED');
      expectError(await hub.call('GET', `/api/reports/${kind}?day=${day}`, kiosk), 403, 'FORBIDDEN');
    }
  });

  it("gives Kela staff Kela's services only: no Ohjaamo service, no notes", async () => {
    const waits = expectOk(await hub.call('GET', `/api/reports/waits?day=${day}`, kela));
    expect(waits.meta.agencyIds).toEqual([aid(hub, 'kela')]);
    // Kela's two services: walk-ins and the appointments (by booking)
    expect(waits.services.map((s: any) => s.agencyId)).toEqual([aid(hub, 'kela'), aid(hub, 'kela')]);
    for (const kind of kinds) {
      for (const format of ['json', 'csv']) {
        const res = await get(`/api/reports/${kind}?day=${day}&format=${format}`, kela);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(ohjaamoName);
        expect(res.body).not.toContain(note);
        if (format === 'json' && kind !== 'referrals') {
          // services, desks and destinations are Kela's; only the referral matrix names the other agency
          expect(res.body).not.toContain(`"serviceId":${sid(hub, 'ohjaamo')},`);
        }
      }
    }
    // the referral it made is Kela's to see, to the agency, never the note
    const referrals = expectOk(await hub.call('GET', `/api/reports/referrals?day=${day}`, kela));
    expect(referrals.pairs).toEqual([expect.objectContaining({ fromAgencyId: aid(hub, 'kela'), toAgencyId: aid(hub, 'ohjaamo'), referrals: 1, completed: 1 })]);
  });

  it('gives admins the whole hub, and any one agency on request', async () => {
    const all = expectOk(await hub.call('GET', `/api/reports/services?day=${day}`, admin));
    expect(all.meta.agencyIds).toBeNull();
    expect(all.services.find((s: any) => s.serviceId === sid(hub, 'ohjaamo'))).toMatchObject({ served: 2, medianMin: 12 });
    const one = expectOk(await hub.call('GET', `/api/reports/services?day=${day}&agency=${aid(hub, 'ohjaamo')}`, admin));
    expect(one.meta.agencyIds).toEqual([aid(hub, 'ohjaamo')]);
    expect(one.services.map((s: any) => s.serviceId)).toEqual([sid(hub, 'ohjaamo')]);
    expect(JSON.stringify(await hub.call('GET', `/api/reports/referrals?day=${day}`, admin))).not.toContain(note);
  });

  it("refuses staff another agency's report, and an agency the hub does not have", async () => {
    expectError(await hub.call('GET', `/api/reports/waits?day=${day}&agency=${aid(hub, 'ohjaamo')}`, kela), 403, 'FORBIDDEN');
    expectOk(await hub.call('GET', `/api/reports/waits?day=${day}&agency=${aid(hub, 'kela')}`, kela));
    expectError(await hub.call('GET', `/api/reports/waits?day=${day}&agency=9999`, admin), 404, 'NOT_FOUND');
  });
});

describe('GET /api/reports/* — the period', () => {
  const bad = [
    ['a day that does not exist', 'day=2026-02-30'],
    ['a Finnish-style date', 'day=24.11.2026'],
    ['no period at all', ''],
    ['a day and a week', `day=${day}&week=${day}`],
    ['a day and a range', `day=${day}&from=${day}&to=${day}`],
    ['from without to', `from=${day}`],
    ['to before from', 'from=2026-11-24&to=2026-11-23'],
    ['an unknown parameter', `day=${day}&hub=2`],
    ['an unknown format', `day=${day}&format=xlsx`],
    ['a language staff do not use', `day=${day}&lang=de`],
    ['an agency that is not an id', `day=${day}&agency=kela`],
  ];
  for (const [what, query] of bad) {
    it(`refuses ${what} with 400 VALIDATION_FAILED`, async () => {
      expectError(await hub.call('GET', `/api/reports/waits?${query}`, admin), 400, 'VALIDATION_FAILED');
    });
  }

  it('refuses a range of more than 366 days with 400 REPORT_RANGE_TOO_LARGE, saying how long it may be', async () => {
    for (const query of ['from=2025-01-01&to=2026-01-02', 'from=2020-01-01&to=2026-11-24']) {
      const res = await hub.call('GET', `/api/reports/waits?${query}`, admin);
      expectError(res, 400, 'REPORT_RANGE_TOO_LARGE');
      expect(res.body.error.details).toMatchObject({ maxDays: 366 });
    }
  });

  it('accepts a leap year of 366 days and reports the days covered', async () => {
    const r = expectOk(await hub.call('GET', '/api/reports/arrivals?from=2024-01-01&to=2024-12-31', admin));
    expect(r.meta).toMatchObject({ from: '2024-01-01', to: '2024-12-31', days: 366 });
    expect(r.visits).toBe(0);
  });
});

describe('GET /api/reports/*?format=csv', () => {
  const headers: Record<(typeof kinds)[number], string> = {
    arrivals: 'hour,mon,tue,wed,thu,fri,sat,sun,total',
    waits: 'service_id,agency,service,target_min,queued,called,left_waiting,median_wait_min,p90_wait_min,within_target,within_target_pct',
    services: 'service_id,agency,service,served,median_service_min,p90_service_min,mean_service_min,no_shows,no_show_pct',
    desks: 'desk_id,desk,zone,called,served,no_shows,median_service_min',
    referrals: 'from_agency,to_agency,referrals,completed,median_handoff_min,needs_other_service,wrong_queue,planned_visit,visitor_request,other',
    guidance: 'outcome,service_id,agency,service,visits,served',
    stay: 'agencies_met,visits,median_min,p90_min',
  };

  it('answers text/csv with a header row and a file name for every report', async () => {
    for (const kind of kinds) {
      const res = await get(`/api/reports/${kind}?day=${day}&format=csv`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="luukku-${kind}-${day}.csv"`);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      // the demo admin works in Finnish: Excel there splits at semicolons
      expect(res.body.slice(1).split('\r\n')[0]).toBe(headers[kind].replaceAll(',', ';'));
    }
  });

  it('writes the rows in the language asked for', async () => {
    const fi = await get(`/api/reports/referrals?day=${day}&format=csv&lang=fi`, admin);
    expect(fi.body.split('\r\n')[1]).toBe('Kela;Ohjaamo;1;1;18;1;0;0;0;0');
    const sv = await get(`/api/reports/waits?week=${day}&format=csv&lang=sv`, admin);
    const lines = sv.body.split('\r\n');
    expect(lines.find((l: string) => l.startsWith(`${sid(hub, 'kela')};`))).toBe(`${sid(hub, 'kela')};FPA;FPA: förmåner och bostadsbidrag;15;1;1;0;5;5;1;100`);
    expect(sv.headers['content-disposition']).toBe('attachment; filename="luukku-waits-2026-11-23_2026-11-29.csv"');
  });

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '=HYPERLINK("x")', '-1', 3, null]])).toBe(
      '\uFEFFa,"b,c","say ""hi""","two\nlines","\'=HYPERLINK(""x"")",\'-1,3,\r\n',
    );
  });
});

describe('the reports in the OpenAPI document', () => {
  it('lists every report with its JSON and CSV answers', async () => {
    const { paths } = expectOk(await hub.call('GET', '/api/openapi.json'));
    for (const kind of kinds) {
      const op = paths[`/api/reports/${kind}`]?.get;
      expect(op, kind).toBeDefined();
      expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
      expect(op.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['day', 'week', 'from', 'to', 'agency', 'format']));
    }
  });
});
