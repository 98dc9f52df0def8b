-- Appointments that flow into the line (issue 11 §1). An appointment holds no name and no
-- personal identity code: the agency's own booking id, service, time, length, language, needs
-- and a short check-in code. The hub's early/late window is the hub setting `appointments`.
CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  -- the booking system's own id: a retry with it returns the same appointment, a new body moves it
  booking_id TEXT NOT NULL,
  -- the hub's local day of starts_at: check-in codes are unique within it
  day TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  length_min INTEGER NOT NULL CHECK (length_min BETWEEN 1 AND 480),
  language TEXT,
  needs TEXT NOT NULL DEFAULT '{}',
  code TEXT NOT NULL CHECK (length(code) = 6),
  status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  visit_id INTEGER REFERENCES visits(id),
  source TEXT NOT NULL CHECK (source IN ('api', 'import', 'console')),
  -- what the booking system last sent, so the same body again is recognised as a retry
  request_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  checked_in_at INTEGER,
  UNIQUE (hub_id, agency_id, booking_id),
  UNIQUE (hub_id, day, code)
);
CREATE INDEX appointments_day ON appointments (hub_id, day, starts_at);
CREATE INDEX appointments_code ON appointments (hub_id, code);
CREATE INDEX appointments_visit ON appointments (visit_id) WHERE visit_id IS NOT NULL;
