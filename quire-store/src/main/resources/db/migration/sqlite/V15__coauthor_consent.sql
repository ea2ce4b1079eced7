-- A co-author is invited and becomes one only by accepting (as on AO3): until then the work is
-- not theirs to edit and their name is not on it. Co-authors added before were added outright.
ALTER TABLE work_creators ADD COLUMN accepted INTEGER NOT NULL DEFAULT 1;
