import type { Db } from '../open.js';

/** Hub settings kept as JSON documents, and what each display reports it can speak. */
export function displayQueries(db: Db) {
  const setting = db.prepare<[number, string], { value: string }>(/* sql */ `SELECT value FROM hub_settings WHERE hub_id = ? AND key = ?`);
  const putSetting = db.prepare(/* sql */ `
    INSERT INTO hub_settings (hub_id, key, value, updated_at) VALUES (@hubId, @key, @value, @now)
    ON CONFLICT (hub_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const putSpeech = db.prepare(/* sql */ `UPDATE devices SET speech = @speech, speech_at = @now WHERE id = @id AND kind = 'display'`);
  const displaysSpeech = db.prepare<[number], { id: number; name: string; zone: string | null; revoked_at: number | null; speech: string | null; speech_at: number | null }>(/* sql */ `
    SELECT id, name, zone, revoked_at, speech, speech_at FROM devices WHERE hub_id = ? AND kind = 'display' ORDER BY id`);

  return {
    /** The stored JSON of a hub setting, parsed; undefined when never set. The caller validates it. */
    hubSetting: (hubId: number, key: string): unknown => {
      const row = setting.get(hubId, key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    putHubSetting: (hubId: number, key: string, value: unknown, now: number): void => {
      putSetting.run({ hubId, key, value: JSON.stringify(value), now });
    },
    putDisplaySpeech: (deviceId: number, speech: unknown, now: number): boolean =>
      putSpeech.run({ id: deviceId, speech: JSON.stringify(speech), now }).changes === 1,
    displaysSpeech: (hubId: number) =>
      displaysSpeech.all(hubId).map((r) => ({
        id: r.id,
        name: r.name,
        zone: r.zone,
        revoked: r.revoked_at !== null,
        speech: r.speech === null ? null : (JSON.parse(r.speech) as unknown),
        speechAt: r.speech_at,
      })),
  };
}
