-- How many chapters the author plans (AO3's "Chapters: 2/5"); 0 when nobody said ("2/?").
ALTER TABLE works ADD COLUMN expected_chapters INTEGER NOT NULL DEFAULT 0;
