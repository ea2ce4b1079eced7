-- The words of a work's chapters as one hash (TextFingerprint): the same story imported again
-- from another format, or re-downloaded with other bytes, is found as a duplicate. Works stored
-- before this migration have none and are compared by their file's bytes only.
ALTER TABLE works ADD COLUMN text_hash TEXT;
CREATE INDEX works_text_hash ON works (text_hash);
