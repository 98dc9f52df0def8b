-- luukku:foreign-keys-off
-- Many hubs in one install (issue 12 §1). A region admin manages every hub; an admin manages the
-- hubs they are assigned to. The roster says which hubs a user works in and on which ISO weekdays
-- (1 = Monday … 7 = Sunday, as a comma list; null = any day); users.hub_id stays as the home hub,
-- opened when no roster row names today. A session carries the hub it is in now. The role CHECK
-- cannot change in place, so users is rebuilt (as 012 rebuilt devices).
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'guide', 'admin', 'region_admin')),
  language TEXT NOT NULL DEFAULT 'fi',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
INSERT INTO users_new (id, hub_id, username, display_name, password_hash, role, language, active, created_at)
  SELECT id, hub_id, username, display_name, password_hash, role, language, active, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE user_hubs (
  user_id INTEGER NOT NULL REFERENCES users(id),
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  weekdays TEXT CHECK (weekdays IS NULL OR weekdays GLOB '[1-7]*'),
  PRIMARY KEY (user_id, hub_id)
) WITHOUT ROWID;
CREATE INDEX user_hubs_hub ON user_hubs (hub_id);
INSERT INTO user_hubs (user_id, hub_id, weekdays) SELECT id, hub_id, NULL FROM users;

ALTER TABLE sessions ADD COLUMN hub_id INTEGER REFERENCES hubs(id);
UPDATE sessions SET hub_id = (SELECT hub_id FROM users WHERE users.id = sessions.user_id);
