package org.quire.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quire.model.TagType;

/**
 * What a reader typed in the search box, read leniently into clauses every backend can run. Never
 * fails: syntax it cannot read becomes plain words, and oversized input is cut.
 *
 * <p>Syntax: words (all must match), {@code "a phrase"}, {@code -word} or {@code -"a phrase"} to
 * leave out, {@code a OR b} / {@code a | b} for either, {@code word*} for a prefix (at least two
 * letters), and fields: {@code title: author: summary: notes: text: fandom: character:
 * relationship: rating: warning: category: tag: freeform: language:}.
 *
 * @param clauses every clause must hold (or, for negated ones, must not)
 */
public record QueryText(List<Clause> clauses) {
  /** Longest query read; the rest is ignored. */
  public static final int MAX_CHARS = 1000;

  /** Most terms read; the rest is ignored. */
  public static final int MAX_TERMS = 32;

  /** Where a term is looked for. */
  public enum Field {
    ALL,
    TITLE,
    AUTHOR,
    SUMMARY,
    NOTES,
    TEXT,
    TAG,
    LANGUAGE,
    FANDOM(TagType.FANDOM),
    CHARACTER(TagType.CHARACTER),
    RELATIONSHIP(TagType.RELATIONSHIP),
    RATING(TagType.RATING),
    WARNING(TagType.ARCHIVE_WARNING),
    CATEGORY(TagType.CATEGORY),
    CONTENT(TagType.CONTENT_WARNING),
    FREEFORM(TagType.ADDITIONAL);

    private final TagType tagType;

    Field() {
      this(null);
    }

    Field(TagType t) {
      this.tagType = t;
    }

    /** The tag type this field searches, or null for text fields. */
    public TagType tagType() {
      return tagType;
    }

    static Field named(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "title" -> TITLE;
        case "author", "by" -> AUTHOR;
        case "summary" -> SUMMARY;
        case "notes", "note" -> NOTES;
        case "text", "body" -> TEXT;
        case "tag", "tags" -> TAG;
        case "language", "lang" -> LANGUAGE;
        case "fandom" -> FANDOM;
        case "character", "char" -> CHARACTER;
        case "relationship", "ship", "pairing" -> RELATIONSHIP;
        case "rating" -> RATING;
        case "warning", "warnings" -> WARNING;
        case "category" -> CATEGORY;
        case "cw", "content" -> CONTENT;
        case "freeform", "additional" -> FREEFORM;
        default -> null;
      };
    }
  }

  /**
   * One searched thing.
   *
   * @param field where to look
   * @param text the words (never blank)
   * @param phrase the words must appear together, in order
   * @param prefix the last word is a prefix
   */
  public record Term(Field field, String text, boolean phrase, boolean prefix) {
    /**
     * A relationship written whole ({@code relationship:"Buffy Summers/Spike"}, {@code ship:"Buffy
     * & Dawn"}): when the tag wrangling knows the pairing, it means that tag only, "/" (romantic)
     * and "&amp;" (platonic) telling two tags of the same people apart, which their words cannot.
     */
    public boolean wholeRelationship() {
      return field == Field.RELATIONSHIP && !prefix && (text.contains("/") || text.contains("&"));
    }
  }

  /**
   * Alternatives joined by OR.
   *
   * @param negated none of the alternatives may match
   * @param anyOf at least one must match (none, when negated)
   */
  public record Clause(boolean negated, List<Term> anyOf) {
    public Clause {
      anyOf = List.copyOf(anyOf);
    }
  }

  public QueryText {
    clauses = List.copyOf(clauses);
  }

  /**
   * The whole query as one tag name, when it is only plain words typed without fields, quotes or
   * operators ("Buffy Summers/Spike", "William the Bloody"), two of them at least; else null.
   */
  public String asTagName() {
    if (clauses.size() < 2) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Clause c : clauses) {
      if (c.negated() || c.anyOf().size() != 1) {
        return null;
      }
      Term t = c.anyOf().getFirst();
      if (t.field() != Field.ALL || t.phrase() || t.prefix()) {
        return null;
      }
      b.append(b.isEmpty() ? "" : " ").append(t.text());
    }
    return b.toString();
  }

  /** True when nothing searchable was typed. */
  public boolean isEmpty() {
    return clauses.isEmpty();
  }

  /** True when every clause leaves something out (the rest must then match everything). */
  public boolean onlyNegated() {
    return !clauses.isEmpty() && clauses.stream().allMatch(Clause::negated);
  }

  /** Reads any string; null and blank give an empty query. */
  public static QueryText parse(String input) {
    if (input == null) {
      return new QueryText(List.of());
    }
    String s = input.length() > MAX_CHARS ? input.substring(0, MAX_CHARS) : input;
    s = s.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\t\\n\\r]]", "").replace('“', '"').replace('”', '"');
    List<Clause> clauses = new ArrayList<>();
    int terms = 0;
    boolean orNext = false;
    boolean notNext = false;
    int i = 0;
    int n = s.length();
    while (i < n && terms < MAX_TERMS) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '+') {
        i++;
        continue;
      }
      boolean negated = notNext;
      notNext = false;
      if ((c == '-' || c == '!') && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        negated = true;
        i++;
      }
      // An optional known field name before a colon.
      Field field = Field.ALL;
      int colon = fieldEnd(s, i);
      if (colon > 0) {
        Field f = Field.named(s.substring(i, colon));
        if (f != null) {
          field = f;
          i = colon + 1;
        }
      }
      String raw;
      boolean phrase = false;
      if (i < n && s.charAt(i) == '"') {
        int end = s.indexOf('"', i + 1);
        raw = end < 0 ? s.substring(i + 1) : s.substring(i + 1, end);
        i = end < 0 ? n : end + 1;
        phrase = true;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
          i++;
        }
        raw = s.substring(start, i);
      }
      if (!phrase && field == Field.ALL && !negated) {
        if (raw.equals("OR") || raw.equals("|") || raw.equals("||")) {
          orNext = !clauses.isEmpty();
          continue;
        }
        if (raw.equals("AND") || raw.equals("&&")) {
          continue;
        }
        if (raw.equals("NOT")) {
          notNext = true;
          continue;
        }
      }
      List<Term> alternatives = new ArrayList<>();
      for (String part : phrase ? List.of(raw) : List.of(raw.split("\\|"))) {
        Term t = term(field, part, phrase);
        if (t != null) {
          alternatives.add(t);
        }
      }
      if (alternatives.isEmpty()) {
        continue;
      }
      terms += alternatives.size();
      Clause last = clauses.isEmpty() ? null : clauses.getLast();
      if (orNext && last != null && !last.negated() && !negated) {
        List<Term> merged = new ArrayList<>(last.anyOf());
        merged.addAll(alternatives);
        clauses.set(clauses.size() - 1, new Clause(false, merged));
      } else {
        clauses.add(new Clause(negated, alternatives));
      }
      orNext = false;
    }
    return new QueryText(clauses);
  }

  /** The index of the colon ending a field name at {@code i}, or -1. */
  private static int fieldEnd(String s, int i) {
    int j = i;
    while (j < s.length() && j - i < 16 && Character.isLetter(s.charAt(j))) {
      j++;
    }
    return j > i && j < s.length() && s.charAt(j) == ':' ? j : -1;
  }

  private static Term term(Field field, String raw, boolean phrase) {
    String t = raw.strip();
    boolean prefix = false;
    if (!phrase && t.endsWith("*")) {
      t = t.replaceAll("\\*+$", "");
      // A one-letter prefix would match most of the vocabulary: take it as the word itself.
      prefix = t.codePointCount(0, t.length()) >= 2;
    }
    // Wildcards and operators in the middle of words are taken as separators, never as syntax.
    t = t.replaceAll("[*?~^(){}\\[\\]\\\\]+", " ").replaceAll("\\s+", " ").strip();
    if (t.isEmpty() || t.chars().noneMatch(Character::isLetterOrDigit)) {
      return null;
    }
    return new Term(field, t, phrase || t.contains(" "), prefix && !t.contains(" "));
  }
}
