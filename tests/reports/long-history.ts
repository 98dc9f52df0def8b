/**
 * A demo hub on a real database file with a year of history, for the tests that need a report
 * to take a while (the report worker). The known Tuesday of synthetic-day.ts is played through
 * the real API, then copied onto every weekday of the year before, `copies` times a day, with
 * SQL straight into the file: a year of commands would take minutes, this takes seconds.
 * Copies keep every time of day and every service, desk and referral of their source day, so
 * the reports over them do the same work as over real traffic.
 *
 * The history is written once into a template file; each hub starts on its own copy of it, so
 * hubs with different settings share the cost of writing it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@luukku/db';
import type { Config } from '@luukku/server';
import { addDays, isoWeekday } from '@luukku/shared';
import { startHub, type TestHub } from '../support/app.js';
import { day, playSyntheticDay } from './synthetic-day.js';

/** "Today" of these hubs; the year of history ends the day before, on the synthetic day. */
export const today = addDays(day, 1);
export const yearFrom = addDays(today, -365);
export const yearTo = day;
const now = `${today}T08:00:00+02:00`;

export interface LongHistory {
  path: string;
  visits: number;
  remove: () => void;
}

export async function writeLongHistory(copies: number): Promise<LongHistory> {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-long-history-'));
  const path = join(dir, 'template.sqlite');
  const { hub } = await playSyntheticDay();
  await hub.app.db.backup(path);
  await hub.app.close();

  const db = openDatabase(path);
  // test data need not survive a power cut
  db.pragma('synchronous = OFF');
  db.exec('CREATE TEMP TABLE copy_plan (k INTEGER PRIMARY KEY, dst TEXT NOT NULL, shift INTEGER NOT NULL, copy INTEGER NOT NULL)');
  const plan = db.prepare('INSERT INTO copy_plan (k, dst, shift, copy) VALUES (?, ?, ?, ?)');
  let k = 0;
  for (let date = yearFrom; date < day; date = addDays(date, 1)) {
    if (isoWeekday(date) > 5) continue;
    // whole days of 24 h: a copy across a clock change lands an hour off, which no test here minds
    const shift = Date.parse(date) - Date.parse(day);
    for (let copy = 1; copy <= copies; copy++) plan.run(++k, date, shift, copy);
  }
  const id = 1_000_000;
  db.transaction(() => {
    db.exec(/* sql */ `
      INSERT INTO visits (id, hub_id, day, number, token, language, needs, status, device_id, issued_by_user_id, arrived_at, ended_at, anonymised_at)
      SELECT v.id + p.k * ${id}, v.hub_id, p.dst, v.number || '-' || p.copy, v.token || '-' || p.k, v.language, v.needs, v.status,
             v.device_id, v.issued_by_user_id, v.arrived_at + p.shift, v.ended_at + p.shift, v.anonymised_at
      FROM visits v JOIN copy_plan p ON v.day = '${day}';
      INSERT INTO steps (id, hub_id, visit_id, service_id, position, status, queue_time, priority, placement, desk_id, user_id, created_at, called_at, started_at, ended_at)
      SELECT s.id + p.k * ${id}, s.hub_id, s.visit_id + p.k * ${id}, s.service_id, s.position, s.status, s.queue_time + p.shift, s.priority, s.placement,
             s.desk_id, s.user_id, s.created_at + p.shift, s.called_at + p.shift, s.started_at + p.shift, s.ended_at + p.shift
      FROM steps s JOIN visits v ON v.id = s.visit_id JOIN copy_plan p ON v.day = '${day}';
      INSERT INTO referrals (id, hub_id, visit_id, from_step_id, to_step_id, from_agency_id, to_agency_id, reason, placement, note, note_deleted_at, by_user_id, created_at)
      SELECT r.id + p.k * ${id}, r.hub_id, r.visit_id + p.k * ${id}, r.from_step_id + p.k * ${id}, r.to_step_id + p.k * ${id}, r.from_agency_id, r.to_agency_id,
             r.reason, r.placement, NULL, r.note_deleted_at, r.by_user_id, r.created_at + p.shift
      FROM referrals r JOIN visits v ON v.id = r.visit_id JOIN copy_plan p ON v.day = '${day}';
    `);
  })();
  const visits = (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
  // closing the last connection checkpoints the WAL into the file, so a plain copy is whole
  db.close();
  return { path, visits, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface FileHub extends TestHub {
  remove: () => Promise<void>;
}

/** A hub on its own copy of the history, with the given settings. */
export async function hubOn(history: LongHistory, config: Partial<Config> = {}): Promise<FileHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luukku-file-hub-'));
  const databasePath = join(dataDir, 'luukku.sqlite');
  copyFileSync(history.path, databasePath);
  const hub = await startHub({ now, config: { dataDir, databasePath, ...config } });
  return {
    ...hub,
    remove: async () => {
      await hub.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
