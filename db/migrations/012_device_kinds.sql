-- luukku:foreign-keys-off
-- Two more kinds of device: a feedback tablet by the exit, and an agency's booking system (an
-- API client that writes that agency's appointments, hence agency_id). SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt (sqlite.org/lang_altertable.html, "making
-- other kinds of table schema changes"); the runner turns foreign keys off around this
-- migration and checks them before it commits. Pairings may now start any pairable kind.
CREATE TABLE devices_new (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'feedback', 'booking')),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  zone TEXT,
  printer TEXT,
  revoked_at INTEGER,
  last_seen_at INTEGER,
  created_at INTEGER NOT NULL,
  last_print_at INTEGER,
  last_print_ok INTEGER,
  last_print_error TEXT,
  speech TEXT,
  speech_at INTEGER,
  agency_id INTEGER REFERENCES agencies(id)
);
INSERT INTO devices_new (id, hub_id, kind, name, token_hash, zone, printer, revoked_at, last_seen_at, created_at,
  last_print_at, last_print_ok, last_print_error, speech, speech_at)
  SELECT id, hub_id, kind, name, token_hash, zone, printer, revoked_at, last_seen_at, created_at,
  last_print_at, last_print_ok, last_print_error, speech, speech_at FROM devices;
DROP TABLE devices;
ALTER TABLE devices_new RENAME TO devices;

CREATE TABLE pairings_new (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'feedback')),
  device_id INTEGER REFERENCES devices(id),
  token TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
INSERT INTO pairings_new SELECT * FROM pairings;
DROP TABLE pairings;
ALTER TABLE pairings_new RENAME TO pairings;
