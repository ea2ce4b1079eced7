package org.quire.model;

import java.util.Locale;

/** Who may see a work, as on AO3. */
public enum Visibility {
  /** Everyone, logged in or not; listed in feeds, OPDS and the API. */
  PUBLIC("Public"),
  /** Members of this archive only (signed in, or with a token); never in visitors' feeds or API. */
  RESTRICTED("Archive members only"),
  /** Its author (and admins) only; never listed or searchable. */
  DRAFT("Draft");

  private final String label;

  Visibility(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The visibility for a stored or submitted key; unknown keys are refused, not guessed. */
  public static Visibility fromKey(String key) {
    for (Visibility v : values()) {
      if (v.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
        return v;
      }
    }
    throw new IllegalArgumentException("No visibility \"" + key + "\".");
  }
}
