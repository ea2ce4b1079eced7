-- One-time password reset links: only the SHA-256 of the secret is stored, each link works once
-- and expires; using one ends every session of the account.
CREATE TABLE password_resets (
  token_hash TEXT    PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX password_resets_user ON password_resets (user_id);
