-- The words of every tag name, lower-cased, for suggesting tags as a reader types: a prefix of
-- any word of a name is found by a range scan here instead of a LIKE over every name. Filled as
-- tags are stored; an archive from before this table is filled once when it opens. Byte order
-- (COLLATE "C"), so that a range from a prefix to the prefix plus U+FFFF holds exactly the words
-- that start with it.
CREATE TABLE tag_words (
  word   TEXT COLLATE "C" NOT NULL,
  tag_id BIGINT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (word, tag_id)
);
CREATE INDEX tag_words_tag ON tag_words (tag_id);
