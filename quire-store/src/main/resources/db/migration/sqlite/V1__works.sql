-- Works and their chapters, authors and tags. Times are epoch milliseconds (portable to PostgreSQL).
CREATE TABLE works (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  title           TEXT    NOT NULL,
  title_generated INTEGER NOT NULL DEFAULT 0,
  summary         TEXT,
  notes           TEXT,
  end_notes       TEXT,
  language        TEXT,
  word_count      INTEGER NOT NULL,
  format          TEXT    NOT NULL,
  source_name     TEXT,
  source_sha256   TEXT,
  imported_at     INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
-- One work per file content: re-importing the same bytes is a duplicate, not a second copy.
CREATE UNIQUE INDEX works_source_sha256 ON works (source_sha256);
CREATE INDEX works_updated_at ON works (updated_at);

CREATE TABLE work_authors (
  work_id  INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT    NOT NULL,
  PRIMARY KEY (work_id, position)
);
CREATE INDEX work_authors_name ON work_authors (name);

CREATE TABLE chapters (
  work_id    INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  title      TEXT,
  notes      TEXT,
  body       TEXT    NOT NULL,
  word_count INTEGER NOT NULL,
  PRIMARY KEY (work_id, number)
);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (type, name)
);

CREATE TABLE work_tags (
  work_id    INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id),
  position   INTEGER NOT NULL,
  provenance TEXT    NOT NULL,
  confidence REAL    NOT NULL,
  evidence   TEXT,
  PRIMARY KEY (work_id, tag_id)
);
CREATE INDEX work_tags_tag ON work_tags (tag_id);

CREATE TABLE ingest_problems (
  work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  line    INTEGER NOT NULL,
  message TEXT    NOT NULL
);
CREATE INDEX ingest_problems_work ON ingest_problems (work_id);
