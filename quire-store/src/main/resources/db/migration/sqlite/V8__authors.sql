-- Co-authors, series, subscriptions and the inbox of updates.
CREATE TABLE work_creators (
  work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (work_id, user_id)
);
CREATE INDEX work_creators_user ON work_creators (user_id);

CREATE TABLE series (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  title      TEXT    NOT NULL,
  summary    TEXT,
  owner_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE series_works (
  series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
  work_id   INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (series_id, work_id)
);
CREATE INDEX series_works_work ON series_works (work_id);

-- kind: work (an id), author (a name), series (an id).
CREATE TABLE subscriptions (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    TEXT    NOT NULL,
  value   TEXT    NOT NULL,
  PRIMARY KEY (user_id, kind, value)
);
CREATE INDEX subscriptions_target ON subscriptions (kind, value);

CREATE TABLE inbox (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  work_id    INTEGER REFERENCES works (id) ON DELETE CASCADE,
  message    TEXT    NOT NULL,
  link       TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  seen       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_user ON inbox (user_id, seen, id);
