/**
 * A demo hub on a real database file with a year of history, for the tests that need a report
 * to take a while (the report worker). The known Tuesday of synthetic-day.ts is played through
 * the real API, then copied onto every weekday of the year before, `copies` times a day
 * (tests/support/history-copy.ts).
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
import { copyDays, type DayCopy } from '../support/history-copy.js';
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
  const plan: DayCopy[] = [];
  for (let date = yearFrom; date < day; date = addDays(date, 1)) {
    if (isoWeekday(date) > 5) continue;
    for (let copy = 1; copy <= copies; copy++) plan.push({ src: day, dst: date, copy });
  }
  const visits = copyDays(db, plan);
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
