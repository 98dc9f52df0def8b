-- A phone page or kiosk that reconnects needs only its own visit's news and the latest line
-- counts and setup change, not the hub's whole stream: these indexes answer that without
-- scanning events. Partial, so the busy events table pays for them only on those rows.
CREATE INDEX events_visit ON events (visit_id, seq) WHERE visit_id IS NOT NULL;
CREATE INDEX events_queues ON events (hub_id, seq) WHERE type = 'queues';
CREATE INDEX events_catalog ON events (hub_id, seq) WHERE type = 'catalog';

-- /api/health commits one write here, so "ok" means the database can really be written.
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL
);
