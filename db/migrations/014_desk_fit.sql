-- Desks that fit the need, and appointment-only services (issue 11 §1).
-- A desk says whether it is accessible (a visitor who asked for an accessible desk is called
-- only to one) and which languages are spoken there (a JSON array of visitor language codes:
-- the console says when no open desk speaks an interpreter visitor's language).
ALTER TABLE desks ADD COLUMN accessible INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1));
ALTER TABLE desks ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
-- A service served by appointment only gives no walk-in numbers; the kiosk shows how to book
-- (booking_info: text per language, like service names; NULL = none).
ALTER TABLE services ADD COLUMN appointment_only INTEGER NOT NULL DEFAULT 0 CHECK (appointment_only IN (0, 1));
ALTER TABLE services ADD COLUMN booking_info TEXT;
