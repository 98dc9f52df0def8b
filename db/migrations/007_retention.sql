-- What the nightly purge looks up (rule 6). Anonymising a visit clears the audit details and
-- deletes the calls that name its steps; without these the purge would read the whole audit
-- log and every call of the retention period each time.
CREATE INDEX audit_log_subject ON audit_log (subject);
CREATE INDEX calls_step ON calls (step_id);
-- the visits still to anonymise: a small index that shrinks as they are
CREATE INDEX visits_to_anonymise ON visits (hub_id, arrived_at) WHERE anonymised_at IS NULL;
