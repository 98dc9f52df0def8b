/**
 * Copies played days of a hub onto other days with SQL straight into the file: a year of
 * history through the commands would take minutes, this takes seconds. A copy keeps every time
 * of day and every service, desk and referral of its source day (notes left out), so reports
 * over copies do the same work as over real traffic. Numbers get a `-copy` suffix and tokens a
 * `-k` one, so several copies fit on one day. Test and benchmark data only.
 */
import type { Db } from '@luukku/db';

export interface DayCopy {
  /** The played day to copy, YYYY-MM-DD. */
  src: string;
  /** The day it lands on. */
  dst: string;
  /** 1, 2, … for several copies on one day. */
  copy: number;
}

/** Returns how many visits the file holds afterwards. */
export function copyDays(db: Db, copies: readonly DayCopy[]): number {
  db.exec('CREATE TEMP TABLE copy_plan (k INTEGER PRIMARY KEY, src TEXT NOT NULL, dst TEXT NOT NULL, shift INTEGER NOT NULL, copy INTEGER NOT NULL)');
  const plan = db.prepare('INSERT INTO copy_plan (k, src, dst, shift, copy) VALUES (?, ?, ?, ?, ?)');
  // whole days of 24 h: a copy across a clock change lands an hour off, which no figure minds
  copies.forEach((c, i) => plan.run(i + 1, c.src, c.dst, Date.parse(c.dst) - Date.parse(c.src), c.copy));
  const id = 1_000_000;
  db.transaction(() => {
    db.exec(/* sql */ `
      INSERT INTO visits (id, hub_id, day, number, token, language, needs, status, device_id, issued_by_user_id, arrived_at, ended_at, anonymised_at)
      SELECT v.id + p.k * ${id}, v.hub_id, p.dst, v.number || '-' || p.copy, v.token || '-' || p.k, v.language, v.needs, v.status,
             v.device_id, v.issued_by_user_id, v.arrived_at + p.shift, v.ended_at + p.shift, v.anonymised_at
      FROM visits v JOIN copy_plan p ON v.day = p.src;
      INSERT INTO steps (id, hub_id, visit_id, service_id, position, status, queue_time, priority, placement, desk_id, user_id, created_at, called_at, started_at, ended_at)
      SELECT s.id + p.k * ${id}, s.hub_id, s.visit_id + p.k * ${id}, s.service_id, s.position, s.status, s.queue_time + p.shift, s.priority, s.placement,
             s.desk_id, s.user_id, s.created_at + p.shift, s.called_at + p.shift, s.started_at + p.shift, s.ended_at + p.shift
      FROM steps s JOIN visits v ON v.id = s.visit_id JOIN copy_plan p ON v.day = p.src;
      INSERT INTO referrals (id, hub_id, visit_id, from_step_id, to_step_id, from_agency_id, to_agency_id, reason, placement, note, note_deleted_at, by_user_id, created_at)
      SELECT r.id + p.k * ${id}, r.hub_id, r.visit_id + p.k * ${id}, r.from_step_id + p.k * ${id}, r.to_step_id + p.k * ${id}, r.from_agency_id, r.to_agency_id,
             r.reason, r.placement, NULL, r.note_deleted_at, r.by_user_id, r.created_at + p.shift
      FROM referrals r JOIN visits v ON v.id = r.visit_id JOIN copy_plan p ON v.day = p.src;
    `);
  })();
  db.exec('DROP TABLE copy_plan');
  return (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
}
