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

  private static final java.util.Map<String, TagType> BY_KEY = new java.util.HashMap<>();

  static {
    for (TagType t : values()) {
      BY_KEY.put(t.key, t);
    }
  }

  private final String label;

  /** Kept, not lower-cased on each call: every tag of every listed work asks for it. */
  private final String key = name().toLowerCase(Locale.ROOT);

  TagType(String label) {
    this.label = label;
  }

  /** A human label, e.g. "Archive Warning". */
  public String label() {
    return label;
  }

  /** The stable lower-case key used in storage, URLs and JSON, e.g. "archive_warning". */
  public String key() {
    return key;
  }

  /**
   * @throws IllegalArgumentException naming the unknown key
   */
  public static TagType fromKey(String key) {
    Validate.notNull(key, "key");
    TagType t = BY_KEY.get(key);
    if (t == null) {
      t = BY_KEY.get(key.toLowerCase(Locale.ROOT));
    }
    if (t != null) {
      return t;
    }
    throw new IllegalArgumentException("Unknown tag type; got \"" + key + "\".");
  }
}
