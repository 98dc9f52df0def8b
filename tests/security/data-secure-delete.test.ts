import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/src/commands/retention.js';
import { startHub, type TestHub } from '../support/app.js';
import { as, callNext, expectOk, issue, openDesk, sid, stepAction } from '../api/helpers.js';

/** Does the text appear anywhere in the bytes of the database or its write-ahead log? */
function onDisk(path: string, text: string): { db: boolean; wal: boolean } {
  const needle = Buffer.from(text, 'utf8');
  const has = (p: string) => existsSync(p) && readFileSync(p).includes(needle);
  return { db: has(path), wal: has(path + '-wal') };
}

describe('a deleted note is gone from the database file and its WAL', () => {
  const dirs: string[] = [];
  const hubs: TestHub[] = [];
  afterEach(async () => {
    for (const h of hubs.splice(0)) await h.app.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function hubIn(dir: string, now: string): Promise<TestHub> {
    const hub = await startHub({ now, config: { dataDir: dir, databasePath: join(dir, 'luukku.sqlite') } });
    hubs.push(hub);
    return hub;
  }

  /**
   * Refers a visitor with a note that starts with `marker`. A real note is a few sentences; the
   * length matters, as SQLite writes a shorter row over the end of the old one and would hide
   * the end of a short note by chance.
   */
  async function referWithNote(hub: TestHub, marker: string): Promise<void> {
    const note = `${marker}. Asiakas kertoo vuokrarästeistä maaliskuusta lähtien, vuokranantaja on lähettänyt häätöilmoituksen. Toimeentulotukihakemus vireillä, liitteet puuttuvat. Sovittu, että asuntotoimisto soittaa huomenna.`;
    await issue(hub, ['kela']);
    const kela = await as(hub, 'kela');
    await openDesk(hub, kela, '1', ['kela']);
    const called = expectOk(await callNext(hub, kela, '1'));
    expectOk(await stepAction(hub, kela, called.step.id, 'refer', { services: [sid(hub, 'asunnot')], reason: 'needs_other_service', note }));
  }

  it('leaves no trace of the note after the periodic purge past midnight', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-secure-delete-'));
    dirs.push(dir);
    const hub = await hubIn(dir, '2026-11-24T15:00:00+02:00');
    const note = `Vuokrarästit-${Math.random().toString(36).slice(2, 10)}-häätöuhka`;
    await referWithNote(hub, note);
    const path = join(dir, 'luukku.sqlite');
    // the note was written: the check below can see it where it lies
    expect(Object.values(onDisk(path, note))).toContain(true);

    hub.clock.set('2026-11-25T00:05:00+02:00');
    expect(purgeExpired(hub.app.commands).notesDeleted).toBe(1);
    expect(onDisk(path, note)).toEqual({ db: false, wal: false });
  });

  it('leaves no trace of a note that had already reached the main file, after the start-up purge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luukku-secure-delete-'));
    dirs.push(dir);
    const path = join(dir, 'luukku.sqlite');
    const first = await hubIn(dir, '2026-11-24T15:00:00+02:00');
    const note = `Lastensuojelu-${Math.random().toString(36).slice(2, 10)}-ilmoitus`;
    await referWithNote(first, note);
    // closing checkpoints the WAL: the note now lies in the main file, as it does on any busy day
    await first.app.close();
    hubs.splice(hubs.indexOf(first), 1);
    expect(onDisk(path, note).db).toBe(true);

    // the server starts the next morning; its start-up purge deletes yesterday's notes
    await hubIn(dir, '2026-11-25T07:30:00+02:00');
    expect(onDisk(path, note)).toEqual({ db: false, wal: false });
  });
});
