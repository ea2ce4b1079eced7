package org.quire.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static final Map<String, String> RATING_WORDS =
      Map.ofEntries(
          Map.entry("g", "General Audiences"),
          Map.entry("k", "General Audiences"),
          Map.entry("k+", "General Audiences"),
          Map.entry("pg", "General Audiences"),
          Map.entry("gen", "General Audiences"),
          Map.entry("general", "General Audiences"),
          Map.entry("general audiences", "General Audiences"),
          Map.entry("t", "Teen And Up Audiences"),
          Map.entry("pg-13", "Teen And Up Audiences"),
          Map.entry("pg13", "Teen And Up Audiences"),
          Map.entry("teen", "Teen And Up Audiences"),
          Map.entry("teen and up", "Teen And Up Audiences"),
          Map.entry("teen and up audiences", "Teen And Up Audiences"),
          Map.entry("m", "Mature"),
          Map.entry("r", "Mature"),
          Map.entry("mature", "Mature"),
          Map.entry("e", "Explicit"),
          Map.entry("ma", "Explicit"),
          Map.entry("nc-17", "Explicit"),
          Map.entry("nc17", "Explicit"),
          Map.entry("x", "Explicit"),
          Map.entry("explicit", "Explicit"),
          Map.entry("not rated", "Not Rated"),
          Map.entry("unrated", "Not Rated"),
          // As other languages' archives write them (ficbook's G, PG-13, R, NC-17, NC-21 above).
          Map.entry("nc-21", "Explicit"),
          Map.entry("explícito", "Explicit"),
          Map.entry("explicito", "Explicit"),
          Map.entry("explicite", "Explicit"),
          Map.entry("explizit", "Explicit"),
          Map.entry("esplicito", "Explicit"),
          Map.entry("откровенный", "Explicit"),
          Map.entry("maduro", "Mature"),
          Map.entry("madura", "Mature"),
          Map.entry("adultos", "Mature"),
          Map.entry("大众级", "General Audiences"),
          Map.entry("大眾級", "General Audiences"),
          Map.entry("限制级", "Explicit"),
          Map.entry("限制級", "Explicit"),
          Map.entry("adulto", "Mature"),
          Map.entry("adulte", "Mature"),
          Map.entry("mature (adulte)", "Mature"),
          Map.entry("reif", "Mature"),
          Map.entry("adolescente", "Teen And Up Audiences"),
          Map.entry("adolescentes", "Teen And Up Audiences"),
          Map.entry("adolescents", "Teen And Up Audiences"),
          Map.entry("jugendliche", "Teen And Up Audiences"),
          Map.entry("todo público", "General Audiences"),
          Map.entry("todos los públicos", "General Audiences"),
          Map.entry("tout public", "General Audiences"),
          Map.entry("tous publics", "General Audiences"),
          Map.entry("allgemein", "General Audiences"),
          Map.entry("für alle", "General Audiences"),
          Map.entry("全年齢", "General Audiences"));

  private static final Map<String, String> WARNING_WORDS =
      Map.ofEntries(
          Map.entry("none", "No Archive Warnings Apply"),
          Map.entry("no warnings", "No Archive Warnings Apply"),
          Map.entry("n/a", "No Archive Warnings Apply"),
          Map.entry("no archive warnings apply", "No Archive Warnings Apply"),
          Map.entry(
              "creator chose not to use archive warnings",
              "Creator Chose Not To Use Archive Warnings"),
          Map.entry("choose not to warn", "Creator Chose Not To Use Archive Warnings"),
          Map.entry("chose not to warn", "Creator Chose Not To Use Archive Warnings"),
          Map.entry("graphic depictions of violence", "Graphic Depictions Of Violence"),
          Map.entry("graphic violence", "Graphic Depictions Of Violence"),
          Map.entry("major character death", "Major Character Death"),
          Map.entry("mcd", "Major Character Death"),
          Map.entry("character death", "Major Character Death"),
          Map.entry("rape/non-con", "Rape/Non-Con"),
          Map.entry("non-con", "Rape/Non-Con"),
          Map.entry("noncon", "Rape/Non-Con"),
          Map.entry("rape", "Rape/Non-Con"),
          Map.entry("underage", "Underage Sex"),
          Map.entry("underage sex", "Underage Sex"),
          // As authors write them in other languages.
          Map.entry("sin advertencias", "No Archive Warnings Apply"),
          Map.entry("ninguna", "No Archive Warnings Apply"),
          Map.entry("aucun avertissement", "No Archive Warnings Apply"),
          Map.entry("aucune", "No Archive Warnings Apply"),
          Map.entry("keine warnungen", "No Archive Warnings Apply"),
          Map.entry("keine", "No Archive Warnings Apply"),
          Map.entry("без предупреждений", "No Archive Warnings Apply"),
          Map.entry("нет", "No Archive Warnings Apply"),
          Map.entry("muerte de un personaje principal", "Major Character Death"),
          Map.entry("muerte de personaje principal", "Major Character Death"),
          Map.entry("mort d'un personnage principal", "Major Character Death"),
          Map.entry("mort d’un personnage principal", "Major Character Death"),
          Map.entry("tod einer hauptfigur", "Major Character Death"),
          Map.entry("смерть основного персонажа", "Major Character Death"),
          Map.entry("смерть персонажа", "Major Character Death"),
          Map.entry("violencia gráfica", "Graphic Depictions Of Violence"),
          Map.entry("violence graphique", "Graphic Depictions Of Violence"),
          Map.entry("grafische gewalt", "Graphic Depictions Of Violence"),
          Map.entry("графическое насилие", "Graphic Depictions Of Violence"),
          Map.entry("насилие", "Graphic Depictions Of Violence"),
          Map.entry("violación", "Rape/Non-Con"),
          Map.entry("viol", "Rape/Non-Con"),
          Map.entry("vergewaltigung", "Rape/Non-Con"),
          Map.entry("изнасилование", "Rape/Non-Con"));

  /** AO3's categories, and the words older fandom used for them ("yaoi", "femslash", "het"). */
  private static final Map<String, String> CATEGORY_WORDS =
      Map.ofEntries(
          Map.entry("f/f", "F/F"),
          Map.entry("femslash", "F/F"),
          Map.entry("yuri", "F/F"),
          Map.entry("shoujo-ai", "F/F"),
          Map.entry("shojo-ai", "F/F"),
          Map.entry("girlxgirl", "F/F"),
          Map.entry("f/m", "F/M"),
          Map.entry("m/f", "F/M"),
          Map.entry("het", "F/M"),
          Map.entry("gen", "Gen"),
          Map.entry("m/m", "M/M"),
          Map.entry("slash", "M/M"),
          Map.entry("yaoi", "M/M"),
          Map.entry("shonen-ai", "M/M"),
          Map.entry("shounen-ai", "M/M"),
          Map.entry("boyxboy", "M/M"),
          Map.entry("boy x boy", "M/M"),
          Map.entry("multi", "Multi"),
          Map.entry("other", "Other"));

  /**
   * A closed type's name for what readers and authors write: its own names in any case, and short
   * forms and older words ("T", "PG-13", "MCD", "noncon", "femslash", "het"); null when {@code
   * name} is none of them.
   */
  public static String alias(TagType type, String name) {
    if (name == null) {
      return null;
    }
    String k = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return switch (type) {
      case RATING -> RATING_WORDS.get(k);
      case ARCHIVE_WARNING -> WARNING_WORDS.get(k);
      case CATEGORY -> CATEGORY_WORDS.get(k);
      default -> null;
    };
  }

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
