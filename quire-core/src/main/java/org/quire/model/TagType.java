package org.quire.model;

import java.util.Locale;

/** The kinds of tag an AO3-style archive keeps apart, in the order AO3 displays them. */
public enum TagType {
  RATING("Rating"),
  ARCHIVE_WARNING("Archive Warning"),
  CATEGORY("Category"),
  FANDOM("Fandom"),
  RELATIONSHIP("Relationship"),
  CHARACTER("Character"),
  CONTENT_WARNING("Content Warning"),
  ADDITIONAL("Additional Tags");

  private final String label;

  TagType(String label) {
    this.label = label;
  }

  /** A human label, e.g. "Archive Warning". */
  public String label() {
    return label;
  }

  /** The stable lower-case key used in storage, URLs and JSON, e.g. "archive_warning". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the unknown key
   */
  public static TagType fromKey(String key) {
    Validate.notNull(key, "key");
    for (TagType t : values()) {
      if (t.key().equals(key.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown tag type; got \"" + key + "\".");
  }
}
