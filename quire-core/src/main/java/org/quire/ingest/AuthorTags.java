package org.quire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.WarningWords;

/**
 * Turns header values written by authors ("Rating: PG-13", "Warnings: none", "Pairing: Buffy x
 * Spike") into author-given tags with AO3's spellings where the meaning is clear. Names of
 * characters and relationships are kept as written, less remarks ("none", "(gen)", "it's a brother
 * fic"); the analysis maps them to canonical tags.
 */
final class AuthorTags {
  private AuthorTags() {}

  static final String GENERAL = "General Audiences";
  static final String TEEN = "Teen And Up Audiences";
  static final String MATURE = "Mature";
  static final String EXPLICIT = "Explicit";
  static final String NOT_RATED = "Not Rated";
  static final List<String> RATING_NAMES = org.quire.model.FixedTags.RATINGS;

  static final String NO_WARNINGS = "No Archive Warnings Apply";
  static final String CHOSE_NOT = "Creator Chose Not To Use Archive Warnings";

  /**
   * Reads a "Category:" line: AO3's categories and genres become tags; anything else ("Star Trek:
   * The Original Series") is put in {@code others}, for {@link #fileOtherCategories} once the whole
   * header is read.
   */
  static void categories(String value, List<Tag> tags, List<String> others) {
    for (String item : split(value)) {
      if (category(item) != null || genre(item)) {
        add(HeaderField.CATEGORY, item, tags);
      } else if (!item.isBlank()) {
        others.add(item.strip());
      }
    }
  }

  /**
   * Files "Category:" values that are neither AO3's categories nor genres: FanFiction.Net's fandom
   * when the header names no fandom, else additional tags ("Character Study" beside "Fandom:").
   */
  static void fileOtherCategories(List<String> others, List<Tag> tags) {
    boolean fandom = tags.stream().anyMatch(t -> t.type() == TagType.FANDOM);
    for (String c : others) {
      tags.add(Tag.byAuthor(fandom ? TagType.ADDITIONAL : TagType.FANDOM, c));
    }
  }

  /** Whether a "Category:" value is a kind or genre of story ("Drabble", "Humor/Romance"). */
  static boolean genre(String v) {
    return GENRES.matcher(v.strip()).matches();
  }

  /** Kinds and genres some headers file under "Category": not fandoms, not AO3's categories. */
  private static final Pattern GENRES =
      Pattern.compile(
          "(?i)(?:drabbles?|double drabble|ficlets?|one-?shots?|vignettes?|poems?|poetry|songfic"
              + "|humou?r|romance|angst|fluff|drama|general|adventure|hurt/comfort|friendship"
              + "|family|tragedy|horror|mystery|crime|parody|humor/romance|romance/humor|pwp|au"
              + "|alternate universe|crack|smut|missing scene|post-ep|episode tag|coda)");

  /** Adds the tags one header line gives to {@code out}. */
  static void add(HeaderField field, String value, List<Tag> out) {
    switch (field) {
      case FANDOM ->
          // "Avengers / MCU": a list written with slashes too.
          split(value).stream()
              .flatMap(v -> java.util.Arrays.stream(v.split("\\s+/\\s+")))
              .filter(v -> !v.isBlank())
              .forEach(v -> out.add(Tag.byAuthor(TagType.FANDOM, v.strip())));
      case RATING -> {
        String v = rating(value);
        if (v != null) {
          out.add(Tag.byAuthor(TagType.RATING, v));
          // "R for sex and language", "M (for violence)": the reasons are warnings.
          Matcher why = RATING_REASON.matcher(value);
          if (why.find()) {
            String reasons = value.substring(why.end()).split("[.!?;()]", 2)[0];
            WarningWords.named(reasons).stream()
                .map(WarningWords.Kind::contentWarning)
                .distinct()
                .forEach(c -> out.add(Tag.byAuthor(TagType.CONTENT_WARNING, c)));
          }
        }
      }
      case RELATIONSHIP ->
          relationships(value).forEach(v -> out.add(Tag.byAuthor(TagType.RELATIONSHIP, v)));
      case CHARACTERS ->
          characters(value)
              .forEach(
                  v -> {
                    String category = category(v);
                    out.add(
                        category != null
                            ? Tag.byAuthor(TagType.CATEGORY, category)
                            : Tag.byAuthor(TagType.CHARACTER, withoutAside(v)));
                  });
      case WARNINGS ->
          warnings(value)
              .forEach(
                  v -> {
                    String aw = archiveWarning(v);
                    String category = category(v);
                    if (aw != null) {
                      out.add(Tag.byAuthor(TagType.ARCHIVE_WARNING, aw));
                    } else if (category != null) {
                      out.add(Tag.byAuthor(TagType.CATEGORY, category));
                    } else if (!WarningWords.named(v).isEmpty() || WARNED_OF.matcher(v).find()) {
                      out.add(Tag.byAuthor(TagType.CONTENT_WARNING, v));
                    } else if (!NO_WARNING.contains(
                            key(v).replace('’', '\'').replaceAll("[!?.]+$", ""))
                        && !DENIAL.matcher(v).lookingAt()) {
                      // "first time", "a LOT of feelings", "S6 mess": what the story is, not
                      // a warning of anything; on AO3 these are the author's additional tags.
                      out.add(Tag.byAuthor(TagType.ADDITIONAL, v));
                    }
                  });
      case CONTENT_WARNINGS ->
          // "disordered eating" is Eating Disorder in Quire's words; "needles" stays as written.
          warnings(value)
              .forEach(
                  v -> {
                    String named = WarningWords.contentWarning(v);
                    out.add(Tag.byAuthor(TagType.CONTENT_WARNING, named != null ? named : v));
                  });
      case CATEGORY ->
          split(value)
              .forEach(
                  v -> {
                    String category = category(v);
                    // Anything else is a genre or, on FanFiction.Net, the fandom: the story
                    // parser decides once it has read the whole header.
                    out.add(
                        category != null
                            ? Tag.byAuthor(TagType.CATEGORY, category)
                            : Tag.byAuthor(TagType.ADDITIONAL, v.strip()));
                  });
      case TAGS -> split(value).forEach(v -> out.add(Tag.byAuthor(TagType.ADDITIONAL, v)));
      case CAST ->
          split(value)
              .forEach(
                  v ->
                      add(
                          v.matches(".*\\S\\s*(?:/|\\s&\\s|\\s[xX]\\s)\\s*\\S.*")
                              ? HeaderField.RELATIONSHIP
                              : HeaderField.CHARACTERS,
                          v,
                          out));
      default -> {}
    }
  }

  /**
   * The rating a {@code Rating:} line gives: a known rating, also when remarks follow it
   * ("Explicit. No archive warnings apply. Both adults." or "M (for language)"); an unknown short
   * value as the author wrote it; nothing for a line that is only remarks.
   */
  static String rating(String value) {
    String head = value.strip().split("[.,;:!(\\[]|\\s+[-–—]\\s+", 2)[0].strip();
    Matcher why = RATING_REASON.matcher(head);
    if (why.find()
        && org.quire.model.FixedTags.alias(TagType.RATING, head.substring(0, why.start()))
            != null) {
      // "M for a reason", "R because of the ending": the rating before its reasons.
      head = head.substring(0, why.start()).strip();
    }
    // "PG-13ish", "T?", "M-ish": a known rating with the author's doubt on it.
    String known =
        org.quire.model.FixedTags.alias(
            TagType.RATING, key(head).replaceAll("(?:-?ish|\\?+)$", ""));
    if (known != null) {
      return known;
    }
    return !head.isEmpty() && words(head) <= RATING_WORDS ? head : null;
  }

  /** Where the reasons for a rating begin: "R for language", "M because of the ending". */
  private static final Pattern RATING_REASON =
      Pattern.compile("(?:\\s+|\\s*\\()(?:for|because|due to)\\b", Pattern.CASE_INSENSITIVE);

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
      } else if ((c == ',' || c == ';' || c == '，' || c == '、' || c == '；') && depth == 0) {
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
    // "character death (minor, OCs only)": the death of no main character is no archive warning,
    // only the content warning.
    String v = MINOR_DEATH.matcher(value).replaceAll("minor character death");
    // Items of a warnings line end at any period, before a capital or not ("dark!fic. blood
    // drinking. addiction, basically").
    String[] sentences =
        v.replaceAll("\\s*\\([^()]*\\)", "").strip().split(NOT_AN_ABBREVIATION + "\\s+");
    for (int i = 0; i < sentences.length; i++) {
      boolean list = i == 0 || words(sentences[i]) == 1;
      for (String item : split(sentences[i])) {
        // AO3's own names stand whatever their length ("Creator Chose Not To Use Archive
        // Warnings"); anything else longer than a few words is a remark.
        if ((words(item) <= WARNING_WORDS || archiveWarning(item) != null)
            && (list || namesAWarning(item))) {
          addItem(item, out);
        }
      }
    }
    return out;
  }

  /** A death warned of with a bracket that makes it minor: "(minor, OCs only)", "(an OC)". */
  private static final Pattern MINOR_DEATH =
      Pattern.compile(
          "(?i)\\b(?:major )?character deaths?\\s*\\([^()]*\\b(?:minor|OCs?|original"
              + " characters?|background|side characters?|not (?:a )?main)\\b[^()]*\\)");

  private static boolean namesAWarning(String item) {
    return archiveWarning(item) != null || !WarningWords.named(item).isEmpty();
  }

  /**
   * The archive warning an item names: AO3's name or a short form, and "none", "none really",
   * "nothing" for No Archive Warnings Apply; else null.
   */
  static String archiveWarning(String item) {
    String k = key(item);
    String aw = org.quire.model.FixedTags.alias(TagType.ARCHIVE_WARNING, k);
    if (aw == null && NONE.matcher(k).matches()) {
      aw = NO_WARNINGS;
    }
    return aw;
  }

  private static final Pattern NONE =
      Pattern.compile(
          "(?:none|nothing|no warnings?)"
              + "(?: apply| applies| really| much| at all| to speak of| yet)?[!.]*");

  /**
   * The category an item of a warnings or characters line names, as old fandom wrote it in those
   * lines: "yaoi", "boyxboy", "Gen", a pair such as "yaoi/shonen-ai"; else null.
   */
  static String category(String item) {
    String whole = org.quire.model.FixedTags.alias(TagType.CATEGORY, key(item));
    if (whole != null) {
      return whole;
    }
    String found = null;
    for (String part : key(item).split("\\s*/\\s*")) {
      String c = org.quire.model.FixedTags.alias(TagType.CATEGORY, part);
      if (c == null || found != null && !found.equals(c)) {
        return null;
      }
      found = c;
    }
    return found;
  }

  /**
   * What readers are warned of beside Quire's own content warnings: an item of a warnings line that
   * names one ("grief", "drinking", "hallucinations") is the author's content warning; any other
   * ("first time", "Angst", "bad decisions") says what the story is, an additional tag on AO3.
   */
  private static final Pattern WARNED_OF =
      Pattern.compile(
          "\\b(?:grief|grieving|mourning|loss|drink\\w*|drunk\\w*|alcohol\\w*|drugs?|hallucinat\\w*"
              + "|panic attacks?|anxiety|ptsd|trauma\\w*|nightmares?|blood\\w*|gore|needles?"
              + "|vomit\\w*|kidnap\\w*|torture|cheating|infidelity|miscarriage|pregnan\\w*|war"
              + "|guns?|weapons?|language|swearing|profanity|illness|cancer|dementia|hospital\\w*"
              + "|medical|body horror|animal death|bullying|racis\\w*|sexis\\w*|misogyn\\w*"
              + "|slurs?|manipulation|gaslighting|stalking|spiders?|insects?|claustrophobi\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "nothing graphic", "no sex", "unless you count Sherlock's manners": an item that says what the
   * story does not hold.
   */
  private static final Pattern DENIAL =
      Pattern.compile(
          "(?:no|nothing|not|none|never|without|unless|except)\\b", Pattern.CASE_INSENSITIVE);

  /** Remarks a warnings line carries that warn of nothing. */
  private static final java.util.Set<String> NO_WARNING =
      java.util.Set.of(
          "don't like don't read",
          "don't like",
          "don't read",
          "dldr",
          "you have been warned",
          "ye have been warned");

  /** A sentence end, not the period of "Mr." or "Dr." or of an initial ("James T. Kirk"). */
  private static final String NOT_AN_ABBREVIATION =
      "(?<=[.!?])(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Lt|Sgt|Capt|Prof)\\.)(?<!\\b\\p{Lu}\\.)";

  /** A header value's sentences: ends before a capital, as in "Mrs Hudson. Gen." */
  static List<String> sentences(String value) {
    return List.of(value.strip().split(NOT_AN_ABBREVIATION + "\\s+(?=\\p{Lu})"));
  }

  /**
   * The relationships a {@code Pairing:} line names: "Buffy x Spike", "Sam & Dean", a ship name
   * ("Spuffy", capitalised); nothing for "none", "None really!", "gen" or "n/a", and no remark
   * ("it's a brother fic", "obviously"). A pairing in brackets ("KakaIru (Kakashi x Iruka)") is
   * another name given for it and is read too; any other bracket stays with its pairing, whether
   * AO3's own ("Aziraphale/Crowley (Good Omens)"), a ship name ("B/S (Spuffy!)", which the analysis
   * looks up) or a remark ("(mentioned)").
   */
  static List<String> relationships(String value) {
    List<String> items = new ArrayList<>();
    List<String> sentences = sentences(value);
    // "None. Kirk, Spock & McCoy friendship, no slash": after a first "None.", the line describes
    // the story; only a friendship it names is a relationship.
    boolean none =
        NONE.matcher(key(sentences.getFirst()).replaceAll("[.!]+$", "")).matches()
            && sentences.size() > 1;
    for (String sentence : sentences) {
      Matcher group = FRIENDS.matcher(sentence.strip());
      if (group.lookingAt()) {
        items.add(String.join(" & ", group.group(1).strip().split("\\s*(?:,|&|\\band\\b)\\s*")));
        continue;
      }
      if (none) {
        continue;
      }
      // "A & B (or A/B, honestly, squint or don't)": the alternative offered, and an aside long
      // enough to hold commas, go before the line is split at its commas.
      sentence = LONG_ASIDE.matcher(sentence).replaceAll("");
      for (String item : split(sentence)) {
        Matcher bracket = BRACKET.matcher(item);
        StringBuilder rest = new StringBuilder();
        while (bracket.find()) {
          String inside = bracket.group(1).strip();
          boolean pairing = !relationship(inside).equals(inside) || inside.matches(".*[/&].*");
          if (pairing) {
            items.addAll(split(inside)); // "(Willow/Tara, Xander/Anya)": two pairings
          }
          // A bracket in lower case is the author's aside ("(obviously)", "they never say it. of
          // course they don't."), not a name: it goes.
          boolean aside = inside.isEmpty() || Character.isLowerCase(inside.codePointAt(0));
          bracket.appendReplacement(
              rest,
              pairing || aside || category(inside) != null
                  ? ""
                  : Matcher.quoteReplacement(bracket.group()));
        }
        bracket.appendTail(rest);
        items.add(rest.toString().strip());
      }
    }
    List<String> out = new ArrayList<>();
    for (String item : items) {
      // "none - John & Sherlock": no romance, and the friendship named after it.
      item = NONE_THEN.matcher(item.strip()).replaceFirst("");
      // "Clint & Nat are best friends and that's sacred to me": the pair, not the remark.
      Matcher remark = REMARK.matcher(item);
      if (remark.find()) {
        item = item.substring(0, remark.start());
      }
      // "background Thirteen/Yaz", "past Angel/Buffy": the pairing, whatever its place in the
      // story.
      String r =
          relationship(
              PLACE_AFTER
                  .matcher(PLACE_IN_STORY.matcher(item.strip()).replaceFirst(""))
                  .replaceFirst(""));
      if (r.isEmpty()
          || NONE.matcher(key(r)).matches()
          || NO_PAIRING.contains(key(r))
          || NONE_FIRST.matcher(r).lookingAt()) {
        continue;
      }
      // "flatmates and best mates" joins words, not names.
      boolean joined =
          r.contains("/") || r.contains(" & ") || r.contains(" and ") && r.matches(".*\\p{Lu}.*");
      boolean shipName = words(r) <= SHIP_NAME_WORDS && Character.isUpperCase(r.codePointAt(0));
      if (category(r) == null && (joined || shipName)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The items of a characters line: its first sentence's list, and of later sentences ("dean, sam.
   * no pairing, just brothers being dumb about feelings") only short items that deny nothing.
   */
  static List<String> characters(String value) {
    List<String> out = new ArrayList<>();
    String[] sentences = value.strip().split(NOT_AN_ABBREVIATION + "\\s+");
    for (int i = 0; i < sentences.length; i++) {
      for (String item : split(sentences[i])) {
        boolean listed = i == 0 || words(item) <= 3 && !DENIAL.matcher(item).lookingAt();
        // "Muriel being Muriel" is Muriel; "the Impala is also there" names nobody.
        Matcher being = BEING.matcher(item);
        if (being.find() && being.start() > 0) {
          item = item.substring(0, being.start());
        }
        if (listed && !REMARK.matcher(withoutAside(item)).find()) {
          out.add(originals(item));
        }
      }
    }
    return out;
  }

  /**
   * A name without a lower-case aside in brackets: "Hermione Granger (mentioned)" is Hermione
   * Granger; "Glory (Buffy the Vampire Slayer)", AO3's way to tell two characters apart, stays.
   */
  static String withoutAside(String name) {
    String s = ASIDE.matcher(name).replaceAll("").strip();
    s = MENTIONED.matcher(s).replaceAll("").strip();
    // 'Leonard "Bones" McCoy': the name without the nickname in it (the packs know both).
    s = s.replaceAll("^(\\p{L}[\\p{L}.'-]*)\\s+[\"“][^\"”]{1,20}[\"”]\\s+(\\p{L}.*)$", "$1 $2");
    return s.isEmpty() ? name : s;
  }

  /**
   * A bracket in lower case, or one that says how little a character is in it ("(OC, briefly)").
   */
  private static final Pattern ASIDE =
      Pattern.compile(
          "\\s*\\((?!s\\))(?:(?=\\p{Ll})|[^()]*\\b(?:OCs?|briefly|mentioned|cameo|minor|background)\\b"
              + "|[^()]*\\b\\p{Ll}+\\s+\\p{Ll}+\\b)[^()]*\\)");

  /** "Muriel being Muriel", "Donovan being Donovan": a name and a remark on it. */
  private static final Pattern BEING = Pattern.compile("\\s+being\\s");

  /**
   * "an OMC", "a couple of OCs", "OFC": AO3's tags for original characters; any other item as it
   * is.
   */
  static String originals(String item) {
    String bare =
        item.strip()
            .replaceFirst(
                "(?i)^(?:a couple of|couple of|a few|an?|the|some|two|three|various|random)\\s+",
                "");
    return switch (bare.toLowerCase(java.util.Locale.ROOT)) {
      case "oc", "ocs", "original character", "original characters" -> "Original Character(s)";
      case "omc", "omcs", "original male character", "original male characters" ->
          "Original Male Character(s)";
      case "ofc", "ofcs", "original female character", "original female characters" ->
          "Original Female Character(s)";
      default -> item;
    };
  }

  /** A characters item that says something rather than names someone. */
  private static final Pattern REMARK =
      Pattern.compile("\\s(?:is|are|was|were|shows up|show up|appears?)\\b");

  /** "Giles mentioned", "Dawn (mentioned only)": the name without the remark. */
  private static final Pattern MENTIONED =
      Pattern.compile(
          "\\s+(?:only\\s+)?(?:mentioned|cameo)(?:\\s+only)?$", Pattern.CASE_INSENSITIVE);

  /** The words a pairing line opens with to say there is none. */
  private static final String NO_PAIRING_WORDS = "(?:none|no pairing|no romance|no ship)";

  /** "none (gen!) they are cousins and best friends": a pairing line's remark that denies one. */
  private static final Pattern NONE_FIRST =
      Pattern.compile(NO_PAIRING_WORDS + "\\b", Pattern.CASE_INSENSITIVE);

  /** "none - ", "no pairing!! " before a friendship the line goes on to name. */
  private static final Pattern NONE_THEN =
      Pattern.compile(
          "^" + NO_PAIRING_WORDS + "\\s*(?:[-–—:]|!+)\\s*(?=[^&/]*\\S\\s*&\\s*\\S)",
          Pattern.CASE_INSENSITIVE);

  /** A word before a pairing saying where it stands in the story. */
  private static final Pattern PLACE_IN_STORY =
      Pattern.compile(
          "^(?:mostly|mainly|some|background|bg|side|minor|past|implied|mentioned|one-sided"
              + "|unrequited)\\s+(?=.*[/&])",
          Pattern.CASE_INSENSITIVE);

  /** Words after a pairing saying the same: "Xander/Anya in the background", "A & B friendship". */
  private static final Pattern PLACE_AFTER =
      Pattern.compile(
          "(?<=[/&].{0,60})\\s+(?:in the background|friendship|if you squint|implied|mentioned)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BRACKET = Pattern.compile("\\s*\\(([^()]*)\\)");

  /** A bracket offering an alternative ("(or A/B)") or an aside in lower case with commas in it. */
  private static final Pattern LONG_ASIDE =
      // Possessive and anchored: an unclosed "(a,a,a,…" must not be tried from every comma and
      // every space (a hostile header line of 300 KB would take minutes). Case folds only the
      // opening words, so "(Willow/Tara, Xander/Anya)" is no lower-case aside.
      Pattern.compile(
          "(?<!\\s)\\s*+\\((?:(?i:or|and/or|maybe|possibly)\\s[^()]*+"
              + "|(?=\\p{Ll})(?=[^(),]*+,)[^()]*+)\\)");

  /**
   * Names of a friendship or family story: "Buffy & Dawn sisterfic", "Kirk, Spock and McCoy gen".
   */
  private static final Pattern FRIENDS =
      Pattern.compile(
          "((?:\\p{Lu}[\\p{L}'.-]*\\s*(?:,|&|\\band\\b)\\s*)+\\p{Lu}[\\p{L}'.-]*)\\s+"
              + "(?:friendship|sisterfic|brotherfic|bromance|family|familyfic|gen|genfic|fic)\\b");

  private static final java.util.Set<String> NO_PAIRING =
      java.util.Set.of(
          "n/a",
          "na",
          "no pairing",
          "no pairings",
          "no romance",
          "no ships",
          "no slash",
          "not yet",
          "-");

  /** A ship name has at most this many words ("Spuffy", "Captain Swan"). */
  private static final int SHIP_NAME_WORDS = 2;

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
