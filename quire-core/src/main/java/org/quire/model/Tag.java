package org.quire.model;

import java.util.List;

/**
 * One tag on a work.
 *
 * @param type what kind of tag
 * @param name the tag text, e.g. "Buffy Summers/Spike"
 * @param provenance who gave it and whether it was accepted
 * @param confidence 0..1; 1 for author-given tags
 * @param evidence passages that justify a suggested tag (may be empty)
 */
public record Tag(
    TagType type, String name, Provenance provenance, double confidence, List<Evidence> evidence) {
  public Tag {
    Validate.notNull(type, "type");
    Validate.notBlank(name, "name");
    Validate.notNull(provenance, "provenance");
    Validate.isTrue(confidence >= 0 && confidence <= 1, "confidence must be in 0..1", confidence);
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
  }

  /** A tag given by the author. */
  public static Tag byAuthor(TagType type, String name) {
    return new Tag(type, name.strip(), Provenance.AUTHOR, 1.0, List.of());
  }

  /** A tag suggested by analysis. */
  public static Tag suggested(TagType type, String name, double confidence, List<Evidence> why) {
    return new Tag(type, name.strip(), Provenance.SUGGESTED, confidence, why);
  }
}
