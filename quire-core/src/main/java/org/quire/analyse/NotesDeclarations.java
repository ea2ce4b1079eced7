package org.quire.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quire.model.Evidence;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.WarningWords;

/**
 * What authors say of their own story in its notes, in prose rather than header lines: "Rated M for
 * language", "the E rating is earned", "Warning for blood and a nasty fight", "TW: self-harm".
 * Authors know their story; a rating stated this way is the rating, and warned-of content is a
 * warning even where the text keeps it off the page.
 *
 * @param rating the stated rating, or null
 * @param archiveWarnings AO3 archive warnings named
 * @param contentWarnings Quire's content warnings named
 * @param minorDeath the author says a death is an original or minor character's, which AO3's Major
 *     Character Death does not cover
 * @param adultsOnly the sentence where the author keeps the story from minors ("18+ only", "NSFW",
 *     "grown-ups only past the first scene break"), or null
 */
record NotesDeclarations(
    Tag rating,
    List<Tag> archiveWarnings,
    List<Tag> contentWarnings,
    boolean minorDeath,
    List<Evidence> adultsOnly) {

  /** What before an {@link #ADULTS} word takes it back, or makes it someone's age. */
  private static final Pattern NOT_ADULTS_BEFORE =
      Pattern.compile(
          "(?:\\b(?:not|no|non|never|isn't|nothing|without)\\b[\\s-]*(?:\\w+\\s+)?"
              + "|\\b(?:are|is|all|aged|age|everyone|characters|they're)\\s+(?:all\\s+)?)$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Words that keep a story from minors without naming a rating: the story is Mature at least,
   * Explicit when it has sex on the page.
   */
  private static final Pattern ADULTS =
      Pattern.compile(
          "(?<![\\w+])18\\+(?!\\w)|\\b(?:adults?|grown[- ]?ups?)[- ]only\\b|\\bfor adults only\\b"
              + "|\\bnsfw\\b|\\bnot safe for work\\b|\\bmdni\\b|\\bminors,? do not interact\\b"
              + "|\\bnot for (?:minors|under-?18s|anyone under 18)\\b|\\bover[- ]18s? only\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String LEVELS =
      "(G|T|M|E|K\\+?|PG-?13|PG|R|NC-?17|[Gg]eneral|[Tt]een|[Mm]ature|[Ee]xplicit)";

  /**
   * "Rated M", "rating: T", "the E rating", "M-rated", "rated Mature for", "hence the M", "the T is
   * for swearing". Film ratings go only after "rated": "an R-rated movie" in a summary is the
   * movie's.
   */
  private static final String END = "(?![-.]?\\w)"; // not "the T-shirt", "the M.D."

  private static final Pattern RATING =
      Pattern.compile(
          "\\b(?:[Rr]ated|[Rr]ating)\\s*[:=-]?\\s*"
              + LEVELS
              + END
              + "|\\b(G|T|M|E|NC-?17|[Gg]eneral|[Tt]een|[Mm]ature|[Ee]xplicit)"
              + "[ -](?:[Rr]ating|[Rr]ated)\\b"
              + "|\\b(?:[Hh]ence|[Tt]hus|[Ss]o) the (G|T|M|E)"
              + END
              + "|\\b[Tt]he (G|T|M|E) is for\\b");

  /**
   * A rating named as a sentence of its own, as authors head their notes and summaries: "Explicit.
   * Married, consenting, very pleased with each other." / "… Explicit." Only the words AO3 uses,
   * capitalised: a story's own sentences are not one word of these.
   */
  private static final Pattern BARE =
      Pattern.compile(
          "(?:^|(?<=[.!?])[ \\t]+|\\n)[ \\t]*(Explicit|Mature|Teen And Up Audiences|General Audiences)"
              + "[ \\t]*[.!](?=\\s|$)");

  /** The rating a summary names as a sentence of its own ({@link #BARE}), or null. */
  static Tag bareRating(String summary) {
    return summary == null ? null : bareRating(summary, 0.85, "stated in the summary");
  }

  /** The first rating {@code text} names as a sentence of its own, with that sentence; or null. */
  private static Tag bareRating(String text, double confidence, String note) {
    Matcher b = BARE.matcher(text);
    if (!b.find()) {
      return listedRating(text, confidence, note);
    }
    String level = level(b.group(1).split(" ")[0]);
    return Tag.suggested(TagType.RATING, level, confidence, Analyser.noteQuote(b.group().strip()))
        .withNote(note);
  }

  /**
   * A rating given as an item of a list of tags, as summaries end: "Established relationship,
   * explicit, a lot of feelings." Only "explicit" and "mature", standing alone between commas.
   */
  private static Tag listedRating(String text, double confidence, String note) {
    for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) {
      String[] items = sentence.split("\\s*[,;]\\s*");
      if (items.length < 2) {
        continue;
      }
      for (String item : items) {
        String word = item.strip().replaceAll("[.!]+$", "").toLowerCase(Locale.ROOT);
        if (word.equals("explicit") || word.equals("mature")) {
          return Tag.suggested(
                  TagType.RATING, level(word), confidence, Analyser.noteQuote(sentence.strip()))
              .withNote(note);
        }
      }
    }
    return null;
  }

  /** "Isn't rated E", "not rated M": a rating denied. */
  private static final Pattern NOT_BEFORE =
      Pattern.compile("(?:\\bnot|n't)\\s+(?:\\w+\\s+)?$", Pattern.CASE_INSENSITIVE);

  /**
   * A sentence that warns: "warning(s) for", "TW", "CW", "trigger warning", "heads up for", "please
   * take care with this one:", "this fic deals with", "contains", "mentions of".
   */
  private static final Pattern WARNS =
      Pattern.compile(
          "\\b(?:warnings?|tws?|cws?|trigger warnings?|content warnings?|heads[- ]up"
              + "|take care (?:with|reading)|read with care|(?:mind|heed|check) the tags|deals? with|contains"
              + "|discussions? of|mentions? of|references? to|depictions? of"
              // The reasons given for a rating: "Rated M for blood and implied adult activities".
              + "|rated \\w+ for|rating is for)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NONE =
      Pattern.compile(
          "\\b(?:no (?:archive )?warnings|warnings?\\s*:\\s*(?:none|n/a))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Minor character death", "a death of an original character", "OC death": the author's word that
   * whoever dies is no major character.
   */
  private static final Pattern MINOR_DEATH =
      Pattern.compile(
          "\\b(?:minor|original|OC|background|non-canon)(?: character)?(?:'s)? deaths?\\b"
              + "|\\bdeaths? of (?:an? |the |one )?(?:original|minor|OC|background|non-canon)\\b",
          Pattern.CASE_INSENSITIVE);

  static NotesDeclarations read(String notes) {
    if (notes == null || notes.isBlank()) {
      return new NotesDeclarations(null, List.of(), List.of(), false, null);
    }
    Tag rating = null;
    List<Sentence> sentences = sentences(notes);
    Matcher r = RATING.matcher(notes);
    while (rating == null && r.find()) {
      String said = null;
      for (int g = 1; g <= r.groupCount() && said == null; g++) {
        said = r.group(g);
      }
      String level = level(said);
      String before = notes.substring(Math.max(0, r.start() - 16), r.start());
      if (level != null && !NOT_BEFORE.matcher(before).find()) {
        rating =
            Tag.suggested(TagType.RATING, level, 0.9, Analyser.noteQuote(at(sentences, r.start())))
                .withNote("stated in the notes");
      }
    }
    if (rating == null) {
      rating = bareRating(notes, 0.9, "stated in the notes");
    }
    List<Tag> archive = new ArrayList<>();
    List<Tag> content = new ArrayList<>();
    for (Sentence each : sentences) {
      String sentence = each.text();
      Matcher w = WARNS.matcher(sentence);
      if (!w.find() || NONE.matcher(sentence).find()) {
        continue;
      }
      String warned = sentence.substring(w.end());
      List<Evidence> why = Analyser.noteQuote(sentence);
      for (WarningWords.Kind k : WarningWords.named(warned)) {
        if (k.archiveWarning() != null) {
          add(archive, TagType.ARCHIVE_WARNING, k.archiveWarning(), why);
        }
        if (k.contentWarning() != null) {
          add(content, TagType.CONTENT_WARNING, k.contentWarning(), why);
        }
      }
    }
    List<Evidence> adults = null;
    Matcher a = ADULTS.matcher(notes);
    while (adults == null && a.find()) {
      String before = notes.substring(Math.max(0, a.start() - 24), a.start());
      // "Not NSFW", "no 18+ content": denied; "all characters are 18+": an age, not an audience.
      if (!NOT_ADULTS_BEFORE.matcher(before).find()) {
        adults = Analyser.noteQuote(at(sentences, a.start()));
      }
    }
    return new NotesDeclarations(
        rating,
        List.copyOf(archive),
        List.copyOf(content),
        MINOR_DEATH.matcher(notes).find(),
        adults);
  }

  /** The note on a warning the author's notes declare. */
  static final String AUTHOR_WARNS = "the author warns of it";

  private static void add(List<Tag> out, TagType type, String name, List<Evidence> why) {
    if (out.stream().noneMatch(t -> t.name().equals(name))) {
      out.add(Tag.suggested(type, name, 0.85, why).withNote(AUTHOR_WARNS));
    }
  }

  /** The AO3 rating a stated level means, or null. */
  static String level(String said) {
    String s = said.toLowerCase(Locale.ROOT).replace("-", "");
    return switch (s) {
      case "g", "k", "k+", "pg", "general" -> Analyser.GENERAL;
      case "t", "pg13", "teen" -> Analyser.TEEN;
      case "m", "r", "mature" -> Analyser.MATURE;
      case "e", "nc17", "explicit" -> Analyser.EXPLICIT;
      default -> null;
    };
  }

  /** A sentence or line of the notes and where it starts. */
  private record Sentence(String text, int start) {}

  private static final Pattern BREAK = Pattern.compile("(?<=[.!?])\\s+|\\n+");

  /** Sentences and lines of the notes, in order. */
  private static List<Sentence> sentences(String notes) {
    List<Sentence> out = new ArrayList<>();
    Matcher b = BREAK.matcher(notes);
    int from = 0;
    while (b.find()) {
      add(out, notes, from, b.start());
      from = b.end();
    }
    add(out, notes, from, notes.length());
    return out;
  }

  private static void add(List<Sentence> out, String notes, int from, int to) {
    if (!notes.substring(from, to).isBlank()) {
      out.add(new Sentence(notes.substring(from, to), from));
    }
  }

  /** The sentence holding the character at {@code at}. */
  private static String at(List<Sentence> sentences, int at) {
    String found = sentences.isEmpty() ? "" : sentences.getFirst().text();
    for (Sentence s : sentences) {
      if (s.start() <= at) {
        found = s.text();
      }
    }
    return found;
  }
}
