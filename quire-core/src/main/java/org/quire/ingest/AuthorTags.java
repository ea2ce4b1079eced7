package org.quire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.WarningWords;

/**
 * Turns header values written by authors ("Rating: PG-13", "Warnings: none", "Pairing: Buffy x
 * Spike") into author-given tags with AO3's spellings where the meaning is clear. Names of
 * characters and relationships are kept as written; the analysis maps them to canonical tags.
 */
final class AuthorTags {
  private AuthorTags() {}

  static final String GENERAL = "General Audiences";
  static final String TEEN = "Teen And Up Audiences";
  static final String MATURE = "Mature";
  static final String EXPLICIT = "Explicit";
  static final String NOT_RATED = "Not Rated";
  static final List<String> RATING_NAMES = org.quire.model.FixedTags.RATINGS;

  private static final Map<String, String> RATINGS =
      Map.ofEntries(
          Map.entry("g", GENERAL),
          Map.entry("k", GENERAL),
          Map.entry("k+", GENERAL),
          Map.entry("pg", GENERAL),
          Map.entry("gen", GENERAL),
          Map.entry("general", GENERAL),
          Map.entry("general audiences", GENERAL),
          Map.entry("t", TEEN),
          Map.entry("pg-13", TEEN),
          Map.entry("pg13", TEEN),
          Map.entry("teen", TEEN),
          Map.entry("teen and up", TEEN),
          Map.entry("teen and up audiences", TEEN),
          Map.entry("m", MATURE),
          Map.entry("r", MATURE),
          Map.entry("mature", MATURE),
          Map.entry("e", EXPLICIT),
          Map.entry("ma", EXPLICIT),
          Map.entry("nc-17", EXPLICIT),
          Map.entry("nc17", EXPLICIT),
          Map.entry("x", EXPLICIT),
          Map.entry("explicit", EXPLICIT),
          Map.entry("not rated", NOT_RATED),
          Map.entry("unrated", NOT_RATED));

  static final String NO_WARNINGS = "No Archive Warnings Apply";
  static final String CHOSE_NOT = "Creator Chose Not To Use Archive Warnings";

  private static final Map<String, String> ARCHIVE_WARNINGS =
      Map.ofEntries(
          Map.entry("none", NO_WARNINGS),
          Map.entry("no warnings", NO_WARNINGS),
          Map.entry("n/a", NO_WARNINGS),
          Map.entry("no archive warnings apply", NO_WARNINGS),
          Map.entry("creator chose not to use archive warnings", CHOSE_NOT),
          Map.entry("choose not to warn", CHOSE_NOT),
          Map.entry("chose not to warn", CHOSE_NOT),
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
          Map.entry("underage sex", "Underage Sex"));

  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("f/f", "F/F"),
          Map.entry("femslash", "F/F"),
          Map.entry("f/m", "F/M"),
          Map.entry("m/f", "F/M"),
          Map.entry("het", "F/M"),
          Map.entry("gen", "Gen"),
          Map.entry("m/m", "M/M"),
          Map.entry("slash", "M/M"),
          Map.entry("multi", "Multi"),
          Map.entry("other", "Other"));

  /** Adds the tags one header line gives to {@code out}. */
  static void add(HeaderField field, String value, List<Tag> out) {
    switch (field) {
      case FANDOM -> split(value).forEach(v -> out.add(Tag.byAuthor(TagType.FANDOM, v)));
      case RATING -> {
        String v = rating(value);
        if (v != null) {
          out.add(Tag.byAuthor(TagType.RATING, v));
        }
      }
      case RELATIONSHIP ->
          relationships(value).forEach(v -> out.add(Tag.byAuthor(TagType.RELATIONSHIP, v)));
      case CHARACTERS -> split(value).forEach(v -> out.add(Tag.byAuthor(TagType.CHARACTER, v)));
      case WARNINGS ->
          warnings(value)
              .forEach(
                  v -> {
                    String aw = ARCHIVE_WARNINGS.get(key(v));
                    out.add(
                        aw != null
                            ? Tag.byAuthor(TagType.ARCHIVE_WARNING, aw)
                            : Tag.byAuthor(TagType.CONTENT_WARNING, v));
                  });
      case CONTENT_WARNINGS ->
          warnings(value).forEach(v -> out.add(Tag.byAuthor(TagType.CONTENT_WARNING, v)));
      case CATEGORY ->
          split(value)
              .forEach(
                  v -> out.add(Tag.byAuthor(TagType.CATEGORY, CATEGORIES.getOrDefault(key(v), v))));
      case TAGS -> split(value).forEach(v -> out.add(Tag.byAuthor(TagType.ADDITIONAL, v)));
      default -> {}
    }
  }

  /**
   * The rating a {@code Rating:} line gives: a known rating, also when remarks follow it
   * ("Explicit. No archive warnings apply. Both adults." or "M (for language)"); an unknown short
   * value as the author wrote it; nothing for a line that is only remarks.
   */
  static String rating(String value) {
    String head = value.strip().split("[.,;:(\\[]|\\s+[-–—]\\s+", 2)[0].strip();
    String known = RATINGS.get(key(head));
    if (known != null) {
      return known;
    }
    return !head.isEmpty() && words(head) <= RATING_WORDS ? head : null;
  }

  /** An unknown rating longer than this many words is a remark ("whatever the mods think"). */
  private static final int RATING_WORDS = 4;

  /** A warning longer than this many words is a remark ("Set just after the war ends."). */
  private static final int WARNING_WORDS = 5;

  private static int words(String s) {
    return s.strip().split("\\s+").length;
  }

  /** "Buffy x Spike" and "Buffy / Spike" become "Buffy/Spike"; "&" keeps its spaces. */
  static String relationship(String v) {
    String s = v.strip().replaceAll("\\s+[xX×]\\s+", "/").replaceAll("\\s*/\\s*", "/");
    return s.replaceAll("\\s*&\\s*", " & ");
  }

  /**
   * Splits a list written with commas or semicolons, dropping empty items and a final period. A
   * comma inside parentheses does not split: "Glory (Buffy the Vampire Slayer)" and "Major
   * Character Death (Rosie, peacefully, of old age)" are one item each.
   */
  static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if ((c == ',' || c == ';') && depth == 0) {
        addItem(value.substring(from, i), out);
        from = i + 1;
      }
    }
    addItem(value.substring(from), out);
    return out;
  }

  private static void addItem(String part, List<String> out) {
    String p = part.strip();
    if (p.endsWith(".")) {
      p = p.substring(0, p.length() - 1).strip();
    }
    if (!p.isEmpty() && p.length() <= 200) {
      out.add(p);
    }
  }

  /**
   * A warnings line as authors write it, in sentences as well as lists, with remarks in
   * parentheses: "Major Character Death (Rosie, peacefully, of old age). Grief." is "Major
   * Character Death" and "Grief". A warning's name carries no remark, and an item of more than five
   * words is a remark. The first sentence is the list; a later one adds only what names a warning
   * ("Everybody's consenting, nobody's okay." and "S4 spoilers." add nothing) or is one word.
   */
  static List<String> warnings(String value) {
    List<String> out = new ArrayList<>();
    String[] sentences =
        value.replaceAll("\\s*\\([^()]*\\)", "").strip().split("(?<=[.!?])\\s+(?=\\p{Lu})");
    for (int i = 0; i < sentences.length; i++) {
      boolean list = i == 0 || words(sentences[i]) == 1;
      for (String item : split(sentences[i])) {
        if (words(item) <= WARNING_WORDS && (list || namesAWarning(item))) {
          addItem(item, out);
        }
      }
    }
    return out;
  }

  private static boolean namesAWarning(String item) {
    return ARCHIVE_WARNINGS.containsKey(key(item)) || !WarningWords.named(item).isEmpty();
  }

  /**
   * The relationships a {@code Pairing:} line names: "Buffy x Spike", "Sam & Dean", a ship name
   * ("Spuffy", capitalised); nothing for "none", "gen" or "n/a", and no remark ("it's a brother
   * fic", "obviously").
   */
  static List<String> relationships(String value) {
    List<String> out = new ArrayList<>();
    for (String item : split(value)) {
      String r = relationship(item);
      boolean joined = r.contains("/") || r.contains(" & ") || r.contains(" and ");
      boolean shipName = words(r) <= SHIP_NAME_WORDS && Character.isUpperCase(r.codePointAt(0));
      if (!NO_PAIRING.contains(key(r)) && (joined || shipName)) {
        out.add(r);
      }
    }
    return out;
  }

  private static final java.util.Set<String> NO_PAIRING =
      java.util.Set.of(
          "none", "n/a", "na", "gen", "no pairing", "no pairings", "no romance", "no ships", "-");

  /** A ship name has at most this many words ("Spuffy", "Captain Swan"). */
  private static final int SHIP_NAME_WORDS = 2;

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
