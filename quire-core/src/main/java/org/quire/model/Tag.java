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
 * @param note a short qualifier such as "main", "background", "mentioned only", or null
 */
public record Tag(
    TagType type,
    String name,
    Provenance provenance,
    double confidence,
    List<Evidence> evidence,
    String note) {
  public Tag {
    Validate.notNull(type, "type");
    Validate.notBlank(name, "name");
    Validate.notNull(provenance, "provenance");
    Validate.isTrue(confidence >= 0 && confidence <= 1, "confidence must be in 0..1", confidence);
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
  }

  /** A tag without a note. */
  public Tag(
      TagType type,
      String name,
      Provenance provenance,
      double confidence,
      List<Evidence> evidence) {
    this(type, name, provenance, confidence, evidence, null);
  }

  /** The same tag with another provenance (an author accepting or rejecting a suggestion). */
  public Tag withProvenance(Provenance p) {
    return new Tag(type, name, p, confidence, evidence, note);
  }

  /** The same tag with a note. */
  public Tag withNote(String newNote) {
    return new Tag(type, name, provenance, confidence, evidence, newNote);
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
