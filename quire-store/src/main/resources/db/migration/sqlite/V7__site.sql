-- What archive keepers manage: settings, invitations and reports of abuse.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE invites (
  code       TEXT    PRIMARY KEY,
  created_at INTEGER NOT NULL,
  used_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  used_at    INTEGER
);

CREATE TABLE reports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  work_id     INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  comment_id  INTEGER REFERENCES comments (id) ON DELETE SET NULL,
  reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reason      TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  resolved    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reports_open ON reports (resolved, id);
