-- Whether a work is finished (AO3's "Complete") or still in progress. Existing works were whole
-- files, so they count as complete.
ALTER TABLE works ADD COLUMN complete BIGINT NOT NULL DEFAULT 1;
