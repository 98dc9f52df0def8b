-- Hub settings that are one JSON document each, validated by their zod schema before they are
-- written (the display's information between calls is the first).
CREATE TABLE hub_settings (
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (hub_id, key)
) WITHOUT ROWID;

-- What a display last said it can speak: per language, its browser's voice, the server's audio,
-- or none; so the admin view shows a silent display instead of it skipping calls quietly.
ALTER TABLE devices ADD COLUMN speech TEXT;
ALTER TABLE devices ADD COLUMN speech_at INTEGER;
