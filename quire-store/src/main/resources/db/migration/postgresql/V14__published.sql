-- Whether a work has been shown to readers: a draft's first publication is its posted date,
-- once (a work hidden as a draft and shown again keeps it). Works stored before: as posted,
-- unless they are drafts now.
ALTER TABLE works ADD COLUMN published BIGINT NOT NULL DEFAULT 1;
UPDATE works SET published = 0 WHERE visibility = 'draft';
