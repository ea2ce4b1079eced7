-- The words of every tag name, lower-cased, for suggesting tags as a reader types: a prefix of
-- any word of a name is found by a range scan here instead of a LIKE over every name. Filled as
-- tags are stored; an archive from before this table is filled once when it opens.
CREATE TABLE tag_words (
  word   TEXT    NOT NULL,
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  PRIMARY KEY (word, tag_id)
) WITHOUT ROWID;
CREATE INDEX tag_words_tag ON tag_words (tag_id);
