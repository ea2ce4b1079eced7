-- Personal API tokens: only their SHA-256 is stored; the token is shown once, when made.
CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT    NOT NULL,
  token_hash TEXT    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used  INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
