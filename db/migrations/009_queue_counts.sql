-- The waiting count per line, kept by triggers in the same transaction as every status change
-- (issue, call, return, refer, cancel, no-show, finish, the end-of-day close…), so a count is
-- read in one row per service instead of by scanning every waiting visitor of the hub. Being
-- transactional, a crash leaves it as consistent as the steps themselves.
CREATE TABLE queue_counts (
  service_id INTEGER PRIMARY KEY REFERENCES services(id),
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  waiting INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX queue_counts_hub ON queue_counts (hub_id);

INSERT INTO queue_counts (service_id, hub_id, waiting)
SELECT sv.id, sv.hub_id, (SELECT count(*) FROM steps s WHERE s.service_id = sv.id AND s.status = 'waiting')
FROM services sv;

CREATE TRIGGER queue_counts_service AFTER INSERT ON services
BEGIN
  INSERT INTO queue_counts (service_id, hub_id, waiting) VALUES (NEW.id, NEW.hub_id, 0);
END;

CREATE TRIGGER queue_counts_step_insert AFTER INSERT ON steps WHEN NEW.status = 'waiting'
BEGIN
  UPDATE queue_counts SET waiting = waiting + 1 WHERE service_id = NEW.service_id;
END;

CREATE TRIGGER queue_counts_step_delete AFTER DELETE ON steps WHEN OLD.status = 'waiting'
BEGIN
  UPDATE queue_counts SET waiting = waiting - 1 WHERE service_id = OLD.service_id;
END;

-- every transition writes `status`, often unchanged: only a move into or out of a line counts
CREATE TRIGGER queue_counts_step_update AFTER UPDATE OF status, service_id ON steps
WHEN (OLD.status = 'waiting') != (NEW.status = 'waiting') OR (OLD.status = 'waiting' AND OLD.service_id != NEW.service_id)
BEGIN
  UPDATE queue_counts SET waiting = waiting - 1 WHERE OLD.status = 'waiting' AND service_id = OLD.service_id;
  UPDATE queue_counts SET waiting = waiting + 1 WHERE NEW.status = 'waiting' AND service_id = NEW.service_id;
END;

-- the longest wait of a line: the smallest queue time among its waiting steps, found at the
-- front of this index (steps_waiting orders by priority first, so it cannot answer min())
CREATE INDEX steps_waiting_oldest ON steps (service_id, queue_time) WHERE status = 'waiting';
