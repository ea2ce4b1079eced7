-- Tag rules keep the order keepers made them in an explicit column (rowid is SQLite's alone), and
-- case-insensitive look-ups by name are served by expression indexes instead of full scans.
ALTER TABLE tag_rules ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE tag_rules SET seq = rowid;
CREATE INDEX work_authors_lower_name ON work_authors (lower(name));
CREATE INDEX tags_type_lower_name ON tags (type, lower(name));
CREATE INDEX subscriptions_lower_target ON subscriptions (kind, lower(value));
