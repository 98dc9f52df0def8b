-- One question at the end of a visit: "did you get your matter sorted today?" (issue 11 §3).
-- Answers are anonymous. A row is a count of identical answers of one hub and local day, keyed
-- by the answer, where it was given and the visit's path: no visit id, number, token or time
-- finer than the day, and not even an insertion order (one row per answer would keep one in
-- its rowid, which the visits' end times could be lined up against).
CREATE TABLE feedback (
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  day TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),
  source TEXT NOT NULL CHECK (source IN ('phone', 'tablet')),
  -- 0: a tablet answer without a ticket; the path columns below are then empty
  path_known INTEGER NOT NULL CHECK (path_known IN (0, 1)),
  -- the agencies whose desks called the visit: a sorted JSON array of agency ids
  agencies TEXT NOT NULL DEFAULT '[]',
  -- the same agencies in the order the visit met them, for the referral path ("Kela → Asunnot")
  route TEXT NOT NULL DEFAULT '[]',
  referred INTEGER NOT NULL DEFAULT 0 CHECK (referred IN (0, 1)),
  guidance INTEGER NOT NULL DEFAULT 0 CHECK (guidance IN (0, 1)),
  -- began as "I don't know what I need"; the outcome is the route: Guidance alone, or where next
  guidance_first INTEGER NOT NULL DEFAULT 0 CHECK (guidance_first IN (0, 1)),
  n INTEGER NOT NULL CHECK (n > 0),
  PRIMARY KEY (hub_id, day, answer, source, path_known, agencies, route, referred, guidance, guidance_first)
) WITHOUT ROWID;

-- One answer per visit. The mark is cleared when the visit is anonymised, so an anonymised
-- record does not say which visit of a day answered.
ALTER TABLE visits ADD COLUMN feedback_given INTEGER NOT NULL DEFAULT 0;
