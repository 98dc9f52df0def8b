-- What the kiosk's printer did last, so staff and admins see a printer that needs paper.
ALTER TABLE devices ADD COLUMN last_print_at INTEGER;
ALTER TABLE devices ADD COLUMN last_print_ok INTEGER;
ALTER TABLE devices ADD COLUMN last_print_error TEXT;
