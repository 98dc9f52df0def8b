-- Web Push for the phone page (issue 11 §2). A visit may have a few subscriptions (two phones);
-- they are deleted when the visit ends, so nothing here outlives the visit's day. The endpoint is
-- a capability URL at the browser's push service: it is never logged, audited or put in events.
-- The hub's "notify at N people ahead" is a hub setting (hub_settings, key 'push_ahead').
CREATE TABLE push_subscriptions (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  endpoint TEXT NOT NULL,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (visit_id, endpoint)
);

-- Which nudges a visit has had, per step: "3 ahead" goes once even when the count bounces
-- 3 → 4 → 3, and a referral's new step may be nudged again.
CREATE TABLE push_nudges (
  visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  step_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ahead', 'called', 'referred')),
  at INTEGER NOT NULL,
  PRIMARY KEY (visit_id, step_id, kind)
) WITHOUT ROWID;
