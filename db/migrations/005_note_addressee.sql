-- A referral note is addressed to one receiving agency (rule 7): only its staff and the writer
-- read it. Notes written before this change were for the agency of the step they led to.
ALTER TABLE referrals ADD COLUMN note_for_agency_id INTEGER REFERENCES agencies(id);
UPDATE referrals SET note_for_agency_id = to_agency_id WHERE note IS NOT NULL;
