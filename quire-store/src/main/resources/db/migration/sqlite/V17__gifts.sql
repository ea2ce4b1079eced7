-- Gifts, as on AO3: a work given to someone by name (an account here, or anyone), who may refuse
-- it; a refused gift is kept so that it is not given again by an edit that still names them. A
-- gift to an account is to that account (user_id); one to a name nobody had stays a name, not
-- claimed by whoever signs up with it later.
CREATE TABLE gifts (
  work_id    INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  recipient  TEXT    NOT NULL,
  name_key   TEXT    NOT NULL,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  refused    INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (work_id, name_key)
);
CREATE INDEX gifts_recipient ON gifts (user_id);
