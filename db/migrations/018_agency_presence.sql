-- Agency presence (issue 12 §1): when an agency is not in the hub today, the kiosk says when it
-- is next here and what else the visitor can do. One row per agency that has set it; an agency
-- without a row points to the Guidance desk only. Its own table, so the catalogue's agency rows
-- (and every reader of them) stay as they are.
CREATE TABLE agency_presence (
  agency_id INTEGER PRIMARY KEY REFERENCES agencies(id),
  hub_id INTEGER NOT NULL REFERENCES hubs(id),
  -- the agency's public phone service, as printed on its own pages ('020 692 202'); NULL = none
  phone TEXT,
  -- the agency's online service, an absolute http(s) URL; NULL = none
  online_url TEXT,
  -- whether the kiosk offers a Guidance ticket in the agency's place
  guidance INTEGER NOT NULL DEFAULT 1 CHECK (guidance IN (0, 1)),
  -- an optional short text per language, JSON {"fi": …, "sv": …, "en": …}, like service names
  text TEXT
);
CREATE INDEX agency_presence_hub ON agency_presence (hub_id);
