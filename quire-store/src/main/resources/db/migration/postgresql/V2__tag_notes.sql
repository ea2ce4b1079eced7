-- A short qualifier on a work's tag: "main" or "background" for relationships, "mentioned only"
-- for characters.
ALTER TABLE work_tags ADD COLUMN note TEXT;
