-- Gifts, as on AO3: a work given to someone by name (an account here, or anyone), who may refuse
-- it; a refused gift is kept so that it is not given again by an edit that still names them.
CREATE TABLE gifts (
  work_id    BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
  recipient  TEXT    NOT NULL,
  name_key   TEXT    NOT NULL,
  refused    BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (work_id, name_key)
);
CREATE INDEX gifts_recipient ON gifts (name_key);
