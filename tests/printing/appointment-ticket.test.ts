/**
 * Issue 11 §1: a checked-in appointment gets "the same kind of ticket and number as a walk-in,
 * with the appointment's time on it"; a late one says it joined the line at check-in time. Through
 * the real print route, to a fake printer that is a real TCP server, read back with the
 * independent ESC/POS look-ups of support/escpos-bytes.ts.
 */
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitsPc858 } from '../../server/src/printing/cp858.js';
import { previewPng } from '../../server/src/printing/preview.js';
import { ticketLayout } from '../../server/src/printing/ticket-layout.js';
import { languageInfo, languages, ticketWords } from '@luukku/shared/i18n';
import type { IssuedVisit, VisitorLanguage } from '@luukku/shared';
import { key, kiosk, startHub, type TestHub } from '../support/app.js';
import { aid, as, expectOk, issue, sid } from '../api/helpers.js';
import { indexesOf, pc858, rasterImages } from './support/escpos-bytes.js';
import { startFakePrinter, type FakePrinter } from './support/fake-printer.js';
import { finnishTicket } from './support/tickets.js';
import { ticketRasterLines } from '../../kiosk-ui/src/ticket-raster.js';

/** The words of the appointment lines in every visitor language, for "no such line" checks. */
const visitorLanguages = languages.map((l) => l.code as VisitorLanguage);
const appointmentWords = visitorLanguages.flatMap((l) => [ticketWords[l].appointmentAt('').trim(), ticketWords[l].lateJoined]);

/** A small black PNG, standing in for the kiosk's picture of the visitor-language lines. */
function blackPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  return PNG.sync.write(png);
}

describe("a checked-in appointment's printed ticket", () => {
  let hub: TestHub;
  let printer: FakePrinter;
  let booking: { token: string };
  beforeEach(async () => {
    // Tuesday 10:00 in Helsinki (the hub's zone), 08:00 UTC: the server's own zone must not matter
    hub = await startHub();
    printer = await startFakePrinter();
    const admin = await as(hub, 'admin');
    const devices = expectOk(await hub.call('GET', '/api/admin/devices', admin)).devices as { id: number; kind: string }[];
    const kioskId = devices.find((d) => d.kind === 'kiosk')!.id;
    expectOk(await hub.call('PUT', `/api/admin/devices/${kioskId}/printer`, admin, { kind: 'network', host: printer.host, port: printer.port, timeoutMs: 2000 }));
    booking = { token: expectOk(await hub.call('POST', '/api/admin/devices', admin, { kind: 'booking', name: 'Kela bookings', agencyId: aid(hub, 'kela') }), 201).token };
  });
  afterEach(async () => {
    await printer.close();
    await hub.app.close();
  });

  /** Books a Kela appointment at a Helsinki time, checks it in at the kiosk and prints its ticket. */
  async function checkInAndPrint(at: string, language: string, raster?: Buffer): Promise<{ bytes: Buffer; number: string; late: boolean; visit: IssuedVisit }> {
    const startsAt = `2026-11-24T${at}:00+02:00`;
    const appointment = expectOk(
      await hub.call('POST', '/api/appointments', booking, { serviceId: sid(hub, 'kela'), lengthMin: 30, bookingId: `KELA-${at}-${language}`, startsAt }),
      201,
    ).appointment;
    const checked = expectOk(await hub.call('POST', '/api/appointments/check-in', kiosk, { code: appointment.code, language, idempotencyKey: key() }), 201);
    const body = raster ? { token: checked.token, raster: raster.toString('base64') } : { token: checked.token };
    expect(expectOk(await hub.call('POST', '/api/kiosk/print', kiosk, body))).toEqual({ ok: true, printer: 'network', previewPath: null });
    return { bytes: await printer.nextJob(), number: checked.number, late: checked.appointment.late, visit: checked };
  }

  it("reads the appointment's time on the hub's clock, below the number (fi)", async () => {
    const { bytes, number, late } = await checkInAndPrint('10:30', 'fi');
    expect(late).toBe(false);
    const line = indexesOf(bytes, pc858('Varattu aikasi: klo 10:30'));
    expect(line).toHaveLength(1);
    expect(line[0]!).toBeGreaterThan(indexesOf(bytes, number)[0]!);
    expect(indexesOf(bytes, pc858('Vuoronumero'))).toHaveLength(1);
    expect(indexesOf(bytes, pc858(ticketWords.fi.lateJoined))).toEqual([]);
  });

  it("reads the appointment's time in Swedish", async () => {
    const { bytes } = await checkInAndPrint('10:45', 'sv');
    expect(indexesOf(bytes, pc858('Din bokade tid: kl. 10:45'))).toHaveLength(1);
    expect(indexesOf(bytes, pc858('Könummer'))).toHaveLength(1);
  });

  it("reads the time in English beside the kiosk's picture of the Arabic lines", async () => {
    const { bytes, visit, number } = await checkInAndPrint('10:15', 'ar', blackPng(200, 96));
    expect(indexesOf(bytes, 'Your appointment: 10:15')).toHaveLength(1);
    expect(indexesOf(bytes, 'Queue number')).toHaveLength(1);
    expect(rasterImages(bytes)).toEqual([expect.objectContaining({ widthBytes: 25, height: 96 })]);
    // the lines the kiosk draws into that picture (kiosk-ui/src/ticket-raster.ts) have the time under the number
    const ar = ticketWords.ar;
    expect(ticketRasterLines(visit, 'ar', { time: '10:15', late: false }).slice(0, 2)).toEqual([`${ar.queueNumber}: ${number}`, ar.appointmentAt('10:15')]);
    expect(ticketRasterLines(visit, 'ar', { time: '10:15', late: false })).not.toContain(ar.lateJoined);
    expect(ticketRasterLines(visit, 'ar', null)).toEqual([`${ar.queueNumber}: ${number}`, ...ticketRasterLines(visit, 'ar', { time: '10:15', late: false }).slice(2)]);
  });

  it('says a late check-in joined the line at check-in time (fi, and English words for Persian)', async () => {
    // 20 minutes past its time; the demo hub's late limit is 10
    const fi = await checkInAndPrint('09:40', 'fi');
    expect(fi.late).toBe(true);
    expect(indexesOf(fi.bytes, pc858('Varattu aikasi: klo 09:40'))).toHaveLength(1);
    expect(indexesOf(fi.bytes, pc858(ticketWords.fi.lateJoined))).toHaveLength(1);

    const fa = await checkInAndPrint('09:45', 'fa');
    expect(fa.late).toBe(true);
    expect(indexesOf(fa.bytes, 'Your appointment: 09:45')).toHaveLength(1);
    expect(indexesOf(fa.bytes, ticketWords.en.lateJoined)).toHaveLength(1);
    expect(ticketRasterLines(fa.visit, 'fa', { time: '09:45', late: true }).slice(1, 3)).toEqual([ticketWords.fa.appointmentAt('09:45'), ticketWords.fa.lateJoined]);
  });

  it("prints a walk-in's ticket with no appointment line, in any language", async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const visit = await issue(hub, ['kela'], { language });
      expectOk(await hub.call('POST', '/api/kiosk/print', kiosk, { token: visit.token }));
      const bytes = await printer.nextJob();
      expect(indexesOf(bytes, visit.number)).toHaveLength(1);
      for (const words of appointmentWords) if (fitsPc858(words)) expect(indexesOf(bytes, pc858Of(words))).toEqual([]);
    }
  });
});

describe('the appointment lines in the ticket layout', () => {
  it('are in every visitor language, printable in PC858 where the language is printed as text', () => {
    for (const lang of visitorLanguages) {
      const words = ticketWords[lang];
      expect(words.appointmentAt('10:30')).toContain('10:30');
      expect(words.lateJoined.length).toBeGreaterThan(0);
      if (!languageInfo(lang).raster) {
        expect(fitsPc858(words.appointmentAt('10:30')), lang).toBe(true);
        expect(fitsPc858(words.lateJoined), lang).toBe(true);
      }
    }
  });

  it('adds the time line, and the late line only when late; a walk-in layout is unchanged', () => {
    const texts = (t: Parameters<typeof ticketLayout>[0]) => ticketLayout(t).flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    const walkIn = texts(finnishTicket());
    expect(texts(finnishTicket({ appointment: null }))).toEqual(walkIn);
    const onTime = texts(finnishTicket({ appointment: { time: '10:30', late: false } }));
    expect(onTime.filter((t) => !walkIn.includes(t))).toEqual(['Varattu aikasi: klo 10:30']);
    const late = texts(finnishTicket({ appointment: { time: '10:30', late: true } }));
    expect(late.filter((t) => !walkIn.includes(t))).toEqual(['Varattu aikasi: klo 10:30', ticketWords.fi.lateJoined]);
  });

  it('shows in the preview picture as the printer would print it: one more line, two when late', () => {
    const height = (png: Buffer) => PNG.sync.read(png).height;
    const walkIn = height(previewPng(finnishTicket()));
    // 30-dot lines (paper-geometry.ts)
    expect(height(previewPng(finnishTicket({ appointment: { time: '10:30', late: false } })))).toBe(walkIn + 30);
    expect(height(previewPng(finnishTicket({ appointment: { time: '10:30', late: true } })))).toBe(walkIn + 60);
  });
});

/** PC858 bytes of words with letters beyond pc858()'s small table (the test checks absence only). */
function pc858Of(words: string): Buffer {
  try {
    return pc858(words);
  } catch {
    return Buffer.from(words, 'latin1');
  }
}
