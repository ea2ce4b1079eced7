-- Tag wrangling by archive keepers: a spelling is a synonym of a canonical tag, or a tag sits under
-- a parent (meta) tag. Adds to what the knowledge packs say.
CREATE TABLE tag_rules (
  type     TEXT NOT NULL,
  name     TEXT NOT NULL,
  relation TEXT NOT NULL,
  target   TEXT NOT NULL,
  PRIMARY KEY (type, name, relation, target)
);
