package org.quire.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AO3's closed tag sets: a work has exactly one rating, and its archive warnings and categories
 * come from short fixed lists, so filters and facets on them mean the same for every work. Other
 * tag types are open: any name may be added.
 */
public final class FixedTags {
  private FixedTags() {}

  public static final List<String> RATINGS =
      List.of("General Audiences", "Teen And Up Audiences", "Mature", "Explicit", "Not Rated");

  public static final List<String> ARCHIVE_WARNINGS =
      List.of(
          "Creator Chose Not To Use Archive Warnings",
          "Graphic Depictions Of Violence",
          "Major Character Death",
          "No Archive Warnings Apply",
          "Rape/Non-Con",
          "Underage Sex");

  public static final List<String> CATEGORIES =
      List.of("F/F", "F/M", "Gen", "M/M", "Multi", "Other");

  /** The fixed names of a closed type, or an empty list for an open one. */
  public static List<String> names(TagType type) {
    return switch (type) {
      case RATING -> RATINGS;
      case ARCHIVE_WARNING -> ARCHIVE_WARNINGS;
      case CATEGORY -> CATEGORIES;
      default -> List.of();
    };
  }

  /**
   * The name an author may give a tag of this type: for a closed type, the list's own spelling of
   * {@code name} (case and spacing ignored).
   *
   * @throws IllegalArgumentException with a message for the author when a closed type's name is not
   *     in its list
   */
  public static String checked(TagType type, String name) {
    String wanted = name.strip().replaceAll("\\s+", " ");
    List<String> fixed = names(type);
    if (fixed.isEmpty()) {
      return wanted;
    }
    Optional<String> found = fixed.stream().filter(f -> f.equalsIgnoreCase(wanted)).findFirst();
    return found.orElseThrow(
        () ->
            new IllegalArgumentException(
                "\""
                    + wanted
                    + "\" is not a "
                    + type.label().toLowerCase(Locale.ROOT)
                    + " Quire knows: choose one of "
                    + String.join(", ", fixed)
                    + "."));
  }

  /**
   * Adds an author's tag to a work's tag list: the name checked as above and given once. A new
   * rating replaces the one shown before (a suggested one is remembered as rejected, so analysis
   * does not propose it again). What the new tag contradicts goes the same way: "No Archive
   * Warnings Apply" and a real archive warning, a category and "Gen" when the other is only
   * suggested, a relationship and a suggestion naming the same people with the other separator
   * ("A/B" against "A &amp; B").
   *
   * @param tags the work's tags, changed in place
   * @throws IllegalArgumentException when a closed type's name is not in its list
   */
  public static void addByAuthor(List<Tag> tags, TagType type, String name) {
    String n = checked(type, name);
    tags.removeIf(t -> t.type() == type && t.name().equalsIgnoreCase(n));
    if (type == TagType.RATING) {
      tags.removeIf(t -> t.type() == TagType.RATING && t.provenance() == Provenance.AUTHOR);
      tags.replaceAll(
          t ->
              t.type() == TagType.RATING && t.provenance().isShown()
                  ? t.withProvenance(Provenance.REJECTED)
                  : t);
    }
    if (type == TagType.ARCHIVE_WARNING && n.equals(NO_WARNINGS)) {
      // The author's own real warning stands: "none apply" beside it is refused, with why.
      tags.stream()
          .filter(
              t ->
                  t.type() == type
                      && t.provenance() == Provenance.AUTHOR
                      && !t.name().equals(NO_WARNINGS)
                      && !t.name().equals(CHOSE_NOT_TO_WARN))
          .findFirst()
          .ifPresent(
              t -> {
                throw new IllegalArgumentException(
                    "\""
                        + NO_WARNINGS
                        + "\" cannot stand beside the warning \""
                        + t.name()
                        + "\": remove that warning first, or keep it.");
              });
    }
    tags.replaceAll(
        t ->
            t.type() == type && t.provenance().isShown() && contradicts(type, n, t)
                ? t.withProvenance(Provenance.REJECTED)
                : t);
    tags.add(Tag.byAuthor(type, n));
  }

  static final String NO_WARNINGS = "No Archive Warnings Apply";
  static final String CHOSE_NOT_TO_WARN = "Creator Chose Not To Use Archive Warnings";

  /** Whether an author's new tag {@code name} contradicts tag {@code t} of the same type. */
  private static boolean contradicts(TagType type, String name, Tag t) {
    return switch (type) {
      case ARCHIVE_WARNING ->
          name.equals(NO_WARNINGS)
              ? !t.name().equals(NO_WARNINGS)
              : !name.equals(CHOSE_NOT_TO_WARN) && t.name().equals(NO_WARNINGS);
      case CATEGORY ->
          t.provenance() == Provenance.SUGGESTED && (name.equals("Gen") != t.name().equals("Gen"));
      case RELATIONSHIP ->
          t.provenance() == Provenance.SUGGESTED
              && !t.name().equalsIgnoreCase(name)
              && people(t.name()).equals(people(name));
      default -> false;
    };
  }

  /** The people a relationship tag names, whatever its separators: "a & b" and "B/A" alike. */
  public static String people(String relationship) {
    return java.util.Arrays.stream(relationship.split("\\s*[/&]\\s*"))
        .map(s -> s.strip().toLowerCase(Locale.ROOT))
        .sorted()
        .collect(java.util.stream.Collectors.joining("|"));
  }
}
