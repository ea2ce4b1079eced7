-- Privacy, and what readers do with works: kudos, hits, comments, bookmarks, reading history,
-- reader preferences and mutes. Rows that belong to an account go when the account goes.
ALTER TABLE works ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public';
ALTER TABLE works ADD COLUMN hits INTEGER NOT NULL DEFAULT 0;
CREATE INDEX works_visibility ON works (visibility);

-- One kudos per account, or per visitor (a random id in a cookie) for guests, as on AO3.
CREATE TABLE kudos (
  work_id    INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  giver      TEXT    NOT NULL,
  user_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (work_id, giver)
);
CREATE INDEX kudos_user ON kudos (user_id);

-- Threaded comments per chapter. A deleted comment with replies keeps its place, without text.
CREATE TABLE comments (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  work_id    INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  chapter    INTEGER NOT NULL,
  parent_id  INTEGER REFERENCES comments (id) ON DELETE CASCADE,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  body       TEXT    NOT NULL,
  deleted    INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  edited_at  INTEGER
);
CREATE INDEX comments_work ON comments (work_id, chapter, id);
CREATE INDEX comments_user ON comments (user_id);

CREATE TABLE bookmarks (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  work_id    INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  note       TEXT,
  tags       TEXT,
  private    INTEGER NOT NULL DEFAULT 0,
  later      INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, work_id)
);
CREATE INDEX bookmarks_work ON bookmarks (work_id);

-- Reading history: where each reader stopped in each work.
CREATE TABLE readings (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  chapter INTEGER NOT NULL,
  visits  INTEGER NOT NULL DEFAULT 1,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, work_id)
);
CREATE INDEX readings_recent ON readings (user_id, last_at);

-- Mutes and blocks: kind is author (a name), tag (type:name) or user (an account id).
CREATE TABLE mutes (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    TEXT    NOT NULL,
  value   TEXT    NOT NULL,
  PRIMARY KEY (user_id, kind, value)
);

ALTER TABLE users ADD COLUMN prefs TEXT;
