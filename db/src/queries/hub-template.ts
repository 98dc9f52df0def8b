import type { QueryCache } from '../cache.js';
import type { Db } from '../open.js';

/**
 * A new hub made from another's catalogue (issue 12 §1, "a page to create a hub from a
 * template"): its settings, agencies (with what the kiosk offers on days they are away),
 * services and kiosk questions. Not its desks (rooms differ
 * from building to building), people, devices or anything that happened there.
 *
 * Columns are copied by name as the schema has them, so a column a later migration adds to
 * these tables (an agency's absence text, say) is carried over without this file knowing it.
 */
const hubColumnsNotCopied = new Set(['id', 'slug', 'name', 'last_seq', 'created_at']);
const copiedSettings = ['appointments', 'push_ahead'];

export interface HubTemplateCopy {
  hubId: number;
  agencies: number;
  services: number;
  questions: number;
}

export function hubTemplateQueries(db: Db, cache: QueryCache) {
  const columns = (table: string, skip: (c: string) => boolean): string[] =>
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => !skip(c));
  const list = (cs: string[]) => cs.map((c) => `"${c}"`).join(', ');

  // the tables' columns are read once per database, after its migrations
  const hubCols = columns('hubs', (c) => hubColumnsNotCopied.has(c));
  const agencyCols = columns('agencies', (c) => c === 'id' || c === 'hub_id');
  const serviceCols = columns('services', (c) => c === 'id' || c === 'hub_id' || c === 'agency_id');
  const questionCols = columns('kiosk_questions', (c) => c === 'id' || c === 'hub_id');
  const presenceCols = columns('agency_presence', (c) => c === 'agency_id' || c === 'hub_id');

  const insertHub = db.prepare(/* sql */ `
    INSERT INTO hubs (slug, name, created_at, ${list(hubCols)})
    SELECT @slug, @name, @now, ${list(hubCols)} FROM hubs WHERE id = @from`);
  const agencyIds = db.prepare<[number], number>(/* sql */ `SELECT id FROM agencies WHERE hub_id = ? ORDER BY id`).pluck();
  const copyAgency = db.prepare(/* sql */ `
    INSERT INTO agencies (hub_id, ${list(agencyCols)}) SELECT @to, ${list(agencyCols)} FROM agencies WHERE id = @id`);
  const copyServices = db.prepare(/* sql */ `
    INSERT INTO services (hub_id, agency_id, ${list(serviceCols)})
    SELECT @to, @newAgency, ${list(serviceCols)} FROM services WHERE agency_id = @oldAgency ORDER BY id`);
  const copyPresence = db.prepare(/* sql */ `
    INSERT INTO agency_presence (agency_id, hub_id, ${list(presenceCols)})
    SELECT @newAgency, @to, ${list(presenceCols)} FROM agency_presence WHERE agency_id = @oldAgency`);
  const copyQuestions = db.prepare(/* sql */ `
    INSERT INTO kiosk_questions (hub_id, ${list(questionCols)}) SELECT @to, ${list(questionCols)} FROM kiosk_questions WHERE hub_id = @from ORDER BY id`);
  const copySettings = db.prepare(/* sql */ `
    INSERT INTO hub_settings (hub_id, key, value, updated_at)
    SELECT @to, key, value, @now FROM hub_settings WHERE hub_id = @from AND key IN (${copiedSettings.map(() => '?').join(', ')})`);

  return {
    /** Call inside a transaction: the new hub and its copied catalogue appear together or not at all. */
    insertHubFromTemplate: (from: number, hub: { slug: string; name: Record<string, string> }, now: number): HubTemplateCopy => {
      const made = insertHub.run({ from, slug: hub.slug, name: JSON.stringify(hub.name), now });
      if (made.changes === 0) throw new Error(`no hub ${from} to copy`);
      const to = Number(made.lastInsertRowid);
      let services = 0;
      const agencies = agencyIds.all(from);
      for (const oldAgency of agencies) {
        const newAgency = Number(copyAgency.run({ to, id: oldAgency }).lastInsertRowid);
        services += copyServices.run({ to, newAgency, oldAgency }).changes;
        copyPresence.run({ to, newAgency, oldAgency });
      }
      const questions = copyQuestions.run({ to, from }).changes;
      copySettings.run({ to, from, now }, ...copiedSettings);
      cache.catalog = null;
      return { hubId: to, agencies: agencies.length, services, questions };
    },
  };
}
