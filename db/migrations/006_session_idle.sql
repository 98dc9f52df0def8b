-- Sessions end after a spell without use (the idle timeout), not only at their absolute limit.
-- Each session keeps the idle limit it was created with, so the query that checks a session
-- needs only the time.
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN idle_ms INTEGER NOT NULL DEFAULT 1800000;
UPDATE sessions SET last_seen_at = created_at;
