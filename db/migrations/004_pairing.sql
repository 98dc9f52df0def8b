-- A kiosk or display that has no token yet shows a short code; an admin types it in and the
-- device picks up its new token once. The token waits here only until it is fetched.
CREATE TABLE pairings (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
  device_id INTEGER REFERENCES devices(id),
  token TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
