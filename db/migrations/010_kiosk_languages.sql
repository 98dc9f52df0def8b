-- The languages a hub's kiosk offers its visitors (issue 13 §1). Every kiosk language by
-- default, so an existing hub keeps the chooser it had; the admin narrows it. Service names
-- and labels are asked for in these languages, and a missing one falls back to the hub's first
-- language (hubs.languages[0]), not to English.
ALTER TABLE hubs ADD COLUMN kiosk_languages TEXT NOT NULL DEFAULT '["fi","sv","en","ru","uk","et","ar","so","fa","fi-x-easy"]';
