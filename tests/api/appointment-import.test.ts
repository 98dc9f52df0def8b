import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from '../support/app.js';
import { aid, as, expectError, expectOk, sid, type Res, type Staff } from './helpers.js';

/**
 * Importing a booking system's export in the admin pages (issue 11 §1), through the real API on
 * the test hub's Tuesday, 24 November 2026 at 10:00 Helsinki (08:00 UTC).
 */

/** A real-looking export: a VTIMEZONE (whose RRULE is the zone's, not a repeating event), folded lines, TZID, UTC and floating times, an alarm, and names where exports put them. */
const kelaIcs = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Kela//Ajanvaraus 4.2//FI',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'BEGIN:STANDARD',
  'DTSTART:19701025T040000',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT', // line 13
  'UID:kela-2001@ajanvaraus.example',
  'DTSTAMP:20261120T120000Z',
  'DTSTART;TZID=Europe/Helsinki:20261124T113000',
  'DTEND;TZID="Europe/Helsinki":20261124T115000',
  'SUMMARY:Asumistuki: Matti Meikäläinen',
  'ATTENDEE;CN="Meikäläinen, Matti";ROLE=REQ-PARTICIPANT:mailto:matti.meikalainen@example.fi',
  'DESCRIPTION:Asiakas Matti Meikäläinen kysyy asumistuesta ja toimeentulotuest',
  ' a. Puhelin 040 123 4567',
  'X-LUUKKU-LANGUAGE:sv',
  'X-LUUKKU-NEEDS:interpreter',
  'END:VEVENT',
  'BEGIN:VEVENT', // line 25
  'UID:KELA-2002',
  'DTSTART:20261124T110000Z',
  'DURATION:PT30M',
  'SUMMARY:Liisa Virtanen',
  'X-LUUKKU-SERVICE:kela',
  'BEGIN:VALARM',
  'TRIGGER:-PT15M',
  'ACTION:DISPLAY',
  'DESCRIPTION:Muistutus: Liisa Virtanen',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT', // line 37
  'UID:KELA-2003',
  'DTSTART:20261124T140000',
  'DTEND:20261124T141500',
  'X-LUUKKU-SER',
  '\tVICE:kunta',
  'END:VEVENT',
  'BEGIN:VEVENT', // line 44
  'UID:KELA-2004',
  'DTSTART;TZID=Europe/Helsinki:20261124T150000',
  'DTEND;TZID=Europe/Helsinki:20261124T152000',
  'STATUS:CANCELLED',
  'SUMMARY:Peruttu: Pekka Peruja',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const names = ['Matti', 'Meikäläinen', 'meikalainen', 'Liisa', 'Virtanen', 'Pekka', 'Peruja', '040 123', 'mailto', 'Asumistuki', 'Muistutus'];

describe('appointment import', () => {
  let hub: TestHub;
  let admin: Staff;
  beforeEach(async () => {
    hub = await startHub();
    admin = await as(hub, 'admin');
  });
  afterEach(async () => {
    await hub.app.close();
  });

  const importFile = (body: Record<string, unknown>, who: Staff = admin): Promise<Res> =>
    hub.call('POST', '/api/admin/appointments/import', who, body);
  const rows = () => hub.app.db.prepare('SELECT * FROM appointments ORDER BY id').all() as Record<string, unknown>[];
  /** Everything an import that changes nothing must leave as it was. */
  const stored = () => ({
    appointments: rows(),
    events: hub.app.q.lastSeq(1),
    audit: hub.app.db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
  });
  const byBooking = (bookingId: string) => rows().find((r) => r.booking_id === bookingId)!;

  it('imports an .ics export: TZID, UTC and floating times, folded lines, a cancelled event, and the same file again changes nothing', async () => {
    // booked earlier through the API; the export now says it was cancelled
    expectOk(
      await hub.call('POST', '/api/appointments', admin, { bookingId: 'KELA-2004', serviceId: sid(hub, 'kela'), startsAt: '2026-11-24T15:00:00+02:00', lengthMin: 20 }),
      201,
    );
    const res = expectOk(await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: kelaIcs }));
    expect(res).toEqual(expect.objectContaining({ dryRun: false, created: 3, moved: 0, cancelled: 1, unchanged: 0 }));
    expect(res.rows.map((r: { line: number; change: string; startsAt: string }) => [r.line, r.change, r.startsAt])).toEqual([
      [13, 'created', '2026-11-24T09:30:00.000Z'],
      [25, 'created', '2026-11-24T11:00:00.000Z'],
      [37, 'created', '2026-11-24T12:00:00.000Z'],
      [44, 'cancelled', '2026-11-24T13:00:00.000Z'],
    ]);
    for (const r of res.rows) expect(r.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);

    // a UID with an address in it is kept only as its hash
    const first = rows().find((r) => r.code === res.rows[0].code)!;
    expect(first).toEqual(
      expect.objectContaining({ booking_id: expect.stringMatching(/^ics-[A-Za-z0-9_-]{32}$/), service_id: sid(hub, 'kela'), agency_id: aid(hub, 'kela'), length_min: 20, language: 'sv', source: 'import', status: 'booked' }),
    );
    expect(JSON.parse(first.needs as string)).toEqual({ interpreter: true, accessible: false, accompanied: false });
    expect(byBooking('KELA-2002')).toEqual(expect.objectContaining({ length_min: 30, language: null, starts_at: Date.parse('2026-11-24T11:00:00Z') }));
    // its folded X-LUUKKU-SERVICE names the municipality's line, not the default
    expect(byBooking('KELA-2003')).toEqual(expect.objectContaining({ service_id: sid(hub, 'kunta'), length_min: 15, starts_at: Date.parse('2026-11-24T12:00:00Z') }));
    expect(byBooking('KELA-2004')).toEqual(expect.objectContaining({ status: 'cancelled' }));
    const audit = expectOk(await hub.call('GET', '/api/admin/audit', admin)).entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['appointment.import', 'appointment.create', 'appointment.cancel']));

    const before = stored();
    const again = expectOk(await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: kelaIcs }));
    expect(again).toEqual(expect.objectContaining({ created: 0, moved: 0, cancelled: 0, unchanged: 4 }));
    expect(again.rows.map((r: { code: string }) => r.code)).toEqual(res.rows.map((r: { code: string }) => r.code));
    expect(stored()).toEqual(before);
  });

  it('never stores a name from SUMMARY, DESCRIPTION or ATTENDEE, nor the UID that holds an address', async () => {
    expectOk(await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: kelaIcs }));
    const everything = JSON.stringify([
      rows(),
      hub.app.db.prepare('SELECT * FROM audit_log').all(),
      hub.app.db.prepare('SELECT * FROM events').all(),
    ]);
    expect(rows().length).toBeGreaterThan(0);
    for (const n of [...names, 'ajanvaraus.example']) expect(everything).not.toContain(n);
  });

  it('moves an imported appointment when the file says another time, keeping its code', async () => {
    const first = expectOk(await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: kelaIcs }));
    const moved = expectOk(await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: kelaIcs.replace('DTSTART:20261124T140000', 'DTSTART:20261124T143000').replace('DTEND:20261124T141500', 'DTEND:20261124T144500') }));
    expect(moved).toEqual(expect.objectContaining({ created: 0, moved: 1, cancelled: 0, unchanged: 3 }));
    expect(moved.rows[2]).toEqual(expect.objectContaining({ line: 37, change: 'moved', code: first.rows[2].code, startsAt: '2026-11-24T12:30:00.000Z' }));
  });

  it('imports a CSV separated by ";" with local and ISO times, languages and needs', async () => {
    const csv = '\uFEFFbookingId;service;start;lengthMin;language;needs\r\nKUNTA-1;kunta;2026-11-24 12:00;20;fi;\r\n"KELA-9";kela;2026-11-24T13:15:00+02:00;;ar;interpreter accessible\r\n';
    const res = expectOk(await importFile({ format: 'csv', text: csv }));
    expect(res).toEqual(expect.objectContaining({ created: 2, moved: 0, cancelled: 0, unchanged: 0 }));
    expect(byBooking('KUNTA-1')).toEqual(expect.objectContaining({ service_id: sid(hub, 'kunta'), starts_at: Date.parse('2026-11-24T10:00:00Z'), length_min: 20, language: 'fi' }));
    const kela = byBooking('KELA-9');
    expect(kela).toEqual(expect.objectContaining({ service_id: sid(hub, 'kela'), starts_at: Date.parse('2026-11-24T11:15:00Z'), length_min: 15, language: 'ar' }));
    expect(JSON.parse(kela.needs as string)).toEqual({ interpreter: true, accessible: true, accompanied: false });
    const before = stored();
    expect(expectOk(await importFile({ format: 'csv', text: csv }))).toEqual(expect.objectContaining({ created: 0, unchanged: 2 }));
    expect(stored()).toEqual(before);
  });

  it('refuses a malformed .ics with every problem by line, and stores nothing', async () => {
    const malformed = [
      'BEGIN:VCALENDAR', // 1
      'VERSION:2.0',
      'BEGIN:VEVENT', // 3
      'UID:BAD-1',
      'DTSTART;TZID=Europe/Helsinki:2026-11-24 10:30', // 5
      'DTEND;TZID=Europe/Helsinki:20261124T110000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:GOOD-1',
      'DTSTART;TZID=Europe/Helsinki:20261124T120000',
      'END:VEVENT',
    ].join('\n');
    const beforeRows = rows().length;
    const beforeSeq = hub.app.q.lastSeq(1);
    const before = stored();
    const res = await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: malformed });
    expectError(res, 400, 'IMPORT_INVALID');
    expect(res.body.error.details.problems).toEqual([
      { line: 1, message: 'BEGIN:VCALENDAR has no END:VCALENDAR' },
      { line: 5, message: expect.stringContaining('DTSTART: "2026-11-24 10:30" is not a date and time') },
    ]);
    expect(rows().length).toBe(beforeRows);
    expect(hub.app.q.lastSeq(1)).toBe(beforeSeq);
    expect(stored()).toEqual(before);
  });

  it('refuses an all-day event, and a whole file when one row cannot be booked, naming each line', async () => {
    const allDay = kelaIcs.replace('DTSTART:20261124T140000\r\nDTEND:20261124T141500', 'DTSTART;VALUE=DATE:20261124');
    const kela = await as(hub, 'kela');
    const before = stored();
    const res = await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: allDay });
    expectError(res, 400, 'IMPORT_INVALID');
    expect(res.body.error.details.problems).toEqual([{ line: 39, message: expect.stringContaining('all-day event') }]);

    // good syntax, but an unknown service, a time already over, and another agency's service for Kela's staff
    const csv = 'bookingId,service,start,lengthMin\nK-1,kela,2026-11-24 12:00,20\nK-2,nosuch,2026-11-24 12:00,20\nK-3,kela,2026-11-24 08:00,20\nK-4,kunta,2026-11-24 12:00,20\n';
    const refused = await importFile({ format: 'csv', text: csv }, kela);
    expectError(refused, 400, 'IMPORT_INVALID');
    expect(refused.body.error.details.problems).toEqual([
      { line: 3, code: 'SERVICE_NOT_FOUND', message: 'no service with the code "nosuch"' },
      { line: 4, code: 'APPOINTMENT_TIME_INVALID', message: expect.any(String) },
      { line: 5, code: 'FORBIDDEN', message: expect.any(String) },
    ]);
    // a CSV's own mistakes, all at once
    const bad = await importFile({ format: 'csv', text: 'bookingId;service;start;name\nX;kela;tomorrow;Matti\n' });
    expectError(bad, 400, 'IMPORT_INVALID');
    expect(bad.body.error.details.problems).toEqual([{ line: 1, message: expect.stringContaining('unknown column "name"') }]);
    const badRows = await importFile({ format: 'csv', text: 'bookingId;service;start;lengthMin;language\nX 1;kela;tomorrow;0;xx\nK-1;kela;2026-11-24 12:00;20;fi\nK-1;kela;2026-11-24 13:00;20;fi\n' });
    expect(badRows.body.error.details.problems.map((p: { line: number }) => p.line)).toEqual([2, 2, 2, 2, 4]);
    expect(stored()).toEqual(before);
  });

  it("lets staff import their own agency's bookings, and refuses devices and people without a login", async () => {
    const csv = 'bookingId,service,start\nK-1,kela,2026-11-24 12:00\n';
    expectOk(await importFile({ format: 'csv', text: csv }, await as(hub, 'kela')));
    const before = stored();
    expectError(await hub.call('POST', '/api/admin/appointments/import', { token: 'demo-kiosk' }, { format: 'csv', text: csv }), 403, 'FORBIDDEN');
    expectError(await hub.call('POST', '/api/admin/appointments/import', null, { format: 'csv', text: csv }), 401, 'UNAUTHENTICATED');
    expect(stored()).toEqual(before);
  });

  it('previews an import as a dry run: the counts, and nothing stored', async () => {
    const before = stored();
    const res = expectOk(await importFile({ format: 'ics', serviceId: sid(hub, 'kela'), text: kelaIcs, dryRun: true }));
    expect(res).toEqual(expect.objectContaining({ dryRun: true, created: 3, cancelled: 0, unchanged: 1 }));
    expect(res.rows.slice(0, 3).map((r: { code: unknown }) => r.code)).toEqual([null, null, null]);
    expect(stored()).toEqual(before);
  });

  it('takes a file far beyond the API\'s usual 64 KiB body, and refuses one over its limit with nothing stored', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `BIG-${i},kela,2026-11-25 ${String(8 + Math.floor(i / 200)).padStart(2, '0')}:${String((i % 200) % 60).padStart(2, '0')},15,fi,`);
    const csv = ['bookingId,service,start,lengthMin,language,needs', ...lines].join('\n');
    expect(csv.length).toBeGreaterThan(64 * 1024);
    expect(expectOk(await importFile({ format: 'csv', text: csv }))).toEqual(expect.objectContaining({ created: 2000 }));
    const before = stored();
    expectError(await importFile({ format: 'csv', text: 'x'.repeat(1_000_001) }), 400, 'VALIDATION_FAILED');
    expectError(await importFile({ format: 'csv', text: '\u00e4'.repeat(1_000_000) + 'x'.repeat(1_100_000) }), 413, 'PAYLOAD_TOO_LARGE');
    expect(stored()).toEqual(before);
  });

  it('is in the OpenAPI document', async () => {
    const { paths } = expectOk(await hub.call('GET', '/api/openapi.json'));
    expect(paths['/api/admin/appointments/import'].post).toBeDefined();
  });
});
