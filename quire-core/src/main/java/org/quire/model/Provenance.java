package org.quire.model;

import java.util.Locale;

/** Where a tag came from, and what the author decided about it. */
public enum Provenance {
  /** Given by the author (a header block, an AO3 metadata block, the posting form). Always wins. */
  AUTHOR,
  /** Proposed by Quire's analysis, not yet reviewed. */
  SUGGESTED,
  /** Proposed by Quire and accepted by the author. */
  ACCEPTED,
  /** Proposed by Quire and rejected by the author: kept so it is not suggested again. */
  REJECTED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a tag with this provenance is shown as one of the work's tags. */
  public boolean isShown() {
    return this != REJECTED;
  }

  public static Provenance fromKey(String key) {
    return valueOf(Validate.notNull(key, "key").toUpperCase(Locale.ROOT));
  }
}
