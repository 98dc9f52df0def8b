import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../server/src/views/csv.js';
import { startHub, type TestHub } from '../support/app.js';
import { as, callNext, expectError, expectOk, issue, openDesk, sid, type Staff } from './helpers.js';

const day = '2026-11-24';

let hub: TestHub;
let admin: Staff;
let english: Staff;

beforeAll(async () => {
  hub = await startHub({ now: `${day}T09:00:00+02:00` });
  admin = await as(hub, 'admin'); // the demo's users work in Finnish
  expectOk(
    await hub.call('POST', '/api/admin/users', admin, { username: 'coordinator', displayName: 'Coordinator', password: 'demo-demo', role: 'admin', language: 'en' }),
    201,
  );
  english = { cookie: await hub.login('coordinator', 'demo-demo') };
  const kela = await as(hub, 'kela');
  await openDesk(hub, kela, '1', ['kela']);
  // one Kela visitor waits a minute and a half: a wait with a decimal in it
  await issue(hub, ['kela']);
  hub.clock.advanceMinutes(1.5);
  expectOk(await callNext(hub, kela, '1'));
});
afterAll(async () => {
  await hub.app.close();
});

const waitsCsv = async (who: Staff, query = '') => {
  const res = await hub.app.inject({ method: 'GET', url: `/api/reports/waits?day=${day}&format=csv${query}`, headers: { cookie: who.cookie } });
  expect(res.statusCode).toBe(200);
  return res.body;
};
/** The header row and the Kela row of the waits report, split at the separator. */
const kelaRow = (body: string, sep: string) => {
  const lines = body.slice(1).split('\r\n');
  const row = lines.find((l) => l.startsWith(`${sid(hub, 'kela')}${sep}`));
  return { header: lines[0]!.split(sep), row: row?.split(sep) };
};

describe('report CSV for a spreadsheet in the user\'s language', () => {
  it('gives a Finnish user UTF-8 with a BOM, ";" between cells and decimal commas', async () => {
    const body = await waitsCsv(admin);
    expect(body.startsWith('\uFEFF')).toBe(true);
    const { header, row } = kelaRow(body, ';');
    expect(header.slice(0, 3)).toEqual(['service_id', 'agency', 'service']);
    expect(row?.[header.indexOf('median_wait_min')]).toBe('1,5');
    expect(row?.[header.indexOf('within_target_pct')]).toBe('100');
    expect(body).not.toContain('1.5');
  });

  it('follows the page\'s lang: ";" for Swedish, "," and decimal points for English', async () => {
    const sv = kelaRow(await waitsCsv(english, '&lang=sv'), ';');
    expect(sv.row?.[sv.header.indexOf('median_wait_min')]).toBe('1,5');
    const en = kelaRow(await waitsCsv(admin, '&lang=en'), ',');
    expect(en.header.slice(0, 3)).toEqual(['service_id', 'agency', 'service']);
    expect(en.row?.[en.header.indexOf('median_wait_min')]).toBe('1.5');
  });

  it('gives an English user commas when the page names no language', async () => {
    const { row, header } = kelaRow(await waitsCsv(english), ',');
    expect(row?.[header.indexOf('p90_wait_min')]).toBe('1.5');
  });

  it('switches the separator with sep, the decimal mark following it', async () => {
    const comma = kelaRow(await waitsCsv(admin, '&sep=comma'), ',');
    expect(comma.row?.[comma.header.indexOf('median_wait_min')]).toBe('1.5');
    const semicolon = kelaRow(await waitsCsv(english, '&lang=en&sep=semicolon'), ';');
    expect(semicolon.row?.[semicolon.header.indexOf('median_wait_min')]).toBe('1,5');
  });

  it('refuses an unknown separator with a 400', async () => {
    expectError(await hub.call('GET', `/api/reports/waits?day=${day}&format=csv&sep=tab`, admin), 400, 'VALIDATION_FAILED');
  });

  it('documents sep and its two values in the OpenAPI document', async () => {
    const { paths } = expectOk(await hub.call('GET', '/api/openapi.json'));
    const sep = paths['/api/reports/waits'].get.parameters.find((p: any) => p.name === 'sep');
    expect(sep?.schema.enum).toEqual(['comma', 'semicolon']);
  });

  it('quotes a text cell that holds the separator', () => {
    expect(toCsv([['a;b', 'c,d', 2.25, -1.5]], { separator: ';', decimalComma: true })).toBe('\uFEFF"a;b";c,d;2,25;-1,5\r\n');
    expect(toCsv([['a;b', 'c,d', 2.25]], { separator: ',', decimalComma: false })).toBe('\uFEFFa;b,"c,d",2.25\r\n');
  });
});
