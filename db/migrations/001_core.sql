-- The core schema. Times are UTC milliseconds (INTEGER); local days are 'YYYY-MM-DD' in the
-- hub's time zone. Texts per language are JSON objects {"fi": …, "sv": …, "en": …}.

CREATE TABLE hubs (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Europe/Helsinki',
  languages TEXT NOT NULL DEFAULT '["fi","sv","en"]',
  referral_policy TEXT NOT NULL DEFAULT 'keep' CHECK (referral_policy IN ('keep', 'back', 'front')),
  target_wait_min INTEGER NOT NULL DEFAULT 15,
  note_retention TEXT NOT NULL DEFAULT 'end_of_day',
  visit_retention_days INTEGER NOT NULL DEFAULT 90,
  -- the hub-wide event sequence: bumped in the same transaction as every change
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL DEFAULT '#555555',
  is_guidance INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (hub_id, code)
);

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  public_label TEXT NOT NULL,
  prefix TEXT NOT NULL CHECK (length(prefix) = 1),
  is_guidance INTEGER NOT NULL DEFAULT 0,
  target_wait_min INTEGER,
  schedule TEXT NOT NULL DEFAULT '{"weekly":{},"dates":[],"closed":[]}',
  default_service_min REAL NOT NULL DEFAULT 8,
  active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (hub_id, code)
);

CREATE TABLE desks (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  name TEXT NOT NULL,
  zone TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open', 'break')),
  user_id INTEGER REFERENCES users(id),
  opened_at INTEGER,
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (hub_id, name)
);

CREATE TABLE desk_services (
  desk_id INTEGER NOT NULL REFERENCES desks(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  PRIMARY KEY (desk_id, service_id)
) WITHOUT ROWID;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'guide', 'admin')),
  language TEXT NOT NULL DEFAULT 'fi',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE user_agencies (
  user_id INTEGER NOT NULL REFERENCES users(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (user_id, agency_id)
) WITHOUT ROWID;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  zone TEXT,
  printer TEXT,
  revoked_at INTEGER,
  last_seen_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE day_counters (
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  day TEXT NOT NULL,
  prefix TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (hub_id, day, prefix)
) WITHOUT ROWID;

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  day TEXT NOT NULL,
  number TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL,
  needs TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'no_show', 'cancelled')),
  device_id INTEGER REFERENCES devices(id),
  issued_by_user_id INTEGER REFERENCES users(id),
  arrived_at INTEGER NOT NULL,
  ended_at INTEGER,
  anonymised_at INTEGER,
  UNIQUE (hub_id, day, number)
);

CREATE TABLE steps (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  visit_id INTEGER NOT NULL REFERENCES visits(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  position INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'referred')),
  -- place in line: the moment the line orders by (arrival, referral time, or earlier)
  queue_time INTEGER,
  priority INTEGER NOT NULL DEFAULT 0,
  placement TEXT,
  desk_id INTEGER REFERENCES desks(id),
  user_id INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  called_at INTEGER,
  started_at INTEGER,
  ended_at INTEGER,
  UNIQUE (visit_id, position)
);
-- the hot path: "call next" and "people ahead" scan waiting steps of some services in order
CREATE INDEX steps_waiting ON steps (service_id, priority DESC, queue_time, id) WHERE status = 'waiting';
CREATE INDEX steps_active_desk ON steps (desk_id) WHERE status IN ('called', 'serving');
CREATE INDEX steps_done_service ON steps (service_id, ended_at) WHERE status = 'done';
CREATE INDEX steps_visit ON steps (visit_id, position);

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  visit_id INTEGER NOT NULL REFERENCES visits(id),
  from_step_id INTEGER NOT NULL REFERENCES steps(id),
  to_step_id INTEGER NOT NULL REFERENCES steps(id),
  from_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  to_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  reason TEXT NOT NULL,
  placement TEXT NOT NULL,
  note TEXT,
  note_deleted_at INTEGER,
  by_user_id INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX referrals_visit ON referrals (visit_id);
CREATE INDEX referrals_to_step ON referrals (to_step_id);

CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  step_id INTEGER NOT NULL REFERENCES steps(id),
  desk_id INTEGER NOT NULL REFERENCES desks(id),
  user_id INTEGER REFERENCES users(id),
  recall INTEGER NOT NULL DEFAULT 0,
  at INTEGER NOT NULL
);

CREATE TABLE events (
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  -- who may receive it: 'public' (displays, phones), or staff of the listed agencies
  zone TEXT,
  agency_ids TEXT,
  visit_id INTEGER,
  data TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (hub_id, seq)
) WITHOUT ROWID;

CREATE TABLE idempotency_keys (
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  key TEXT NOT NULL,
  visit_id INTEGER NOT NULL REFERENCES visits(id),
  request_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (hub_id, key)
) WITHOUT ROWID;

CREATE TABLE kiosk_questions (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  icon TEXT NOT NULL,
  label TEXT NOT NULL,
  -- service codes this answer suggests, in visiting order; empty = Guidance
  suggests TEXT NOT NULL DEFAULT '[]',
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER REFERENCES hubs(id),
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id INTEGER,
  action TEXT NOT NULL,
  subject TEXT,
  detail TEXT
);
