-- Who may comment on a work, as its authors chose (AO3's comment settings): open, moderated
-- (each new comment held until an author approves it) or closed. Held comments count nowhere.
ALTER TABLE works ADD COLUMN comment_policy TEXT NOT NULL DEFAULT 'open';
ALTER TABLE comments ADD COLUMN held BIGINT NOT NULL DEFAULT 0;
