package org.quire.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quire.model.Evidence;
import org.quire.model.Tag;
import org.quire.model.TagType;

/**
 * Rating, archive warnings, content warnings and mood tags from graded lexicon hits. Each decision
 * keeps the sentences that made it, so a reader can see why ("Suicidal Thoughts: '…life wasn't
 * worth living…'"). Negated, hypothetical and figurative uses do not count.
 */
final class Content {
  private final TextModel m;
  private final Map<String, List<Lexicon.Hit>> hits;
  private final List<CharacterFinder.Found> chars;
  private final int words;

  Content(
      TextModel m,
      Map<String, List<Lexicon.Hit>> hits,
      List<CharacterFinder.Found> chars,
      int words) {
    this.m = m;
    this.hits = hits;
    this.chars = chars;
    this.words = Math.max(1, words);
  }

  /** Asserted hits of a category (negated, hypothetical and figurative ones left out). */
  List<Lexicon.Hit> asserted(String category) {
    boolean violenceList = category.equals("violence");
    List<Lexicon.Hit> out = new ArrayList<>();
    int coveredTo = -1;
    for (Lexicon.Hit h : hits.getOrDefault(category, List.of())) {
      // Overlapping phrases ("falling into bed", "into bed together") are one hit.
      if (h.asserted() && h.from() >= coveredTo && !(violenceList && harmless(h))) {
        out.add(h);
        coveredTo = h.to();
      }
    }
    // A knife or a sword in a story where nobody fights, bleeds or is hurt is an object.
    if (violenceList && out.stream().allMatch(h -> WEAPONS.contains(h.phrase()))) {
      out.clear();
    }
    return out;
  }

  private static final Set<String> WEAPONS = Set.of("knife", "blade", "sword");

  /** The note of a First Kiss read from a couple's only kisses coming late in the story. */
  static final String LATE_KISS = "the couple's kisses all come in the story's second half";

  /**
   * Words that make the violence word after them harmless: a butter knife, a pillow fight, a
   * shoulder blade. A knife is a weapon only where nothing says it is a tool; "shoulder" before
   * "wound" is still a wound.
   */
  private static final Set<String> PLAY =
      Set.of("pillow", "snowball", "food", "water", "mock", "pretend", "play", "tickle", "thumb");

  private static final Map<String, Set<String>> HARMLESS_BEFORE =
      Map.of(
          "knife",
          Set.of("butter", "bread", "paring", "palette", "putty", "cheese", "fruit"),
          "blade",
          Set.of("shoulder"),
          "fight",
          PLAY,
          "fighting",
          PLAY);

  private boolean harmless(Lexicon.Hit h) {
    int before = h.from() - 1;
    return before >= 0
        && m.sentence[before] == m.sentence[h.from()]
        && HARMLESS_BEFORE.getOrDefault(h.phrase(), Set.of()).contains(m.lower[before]);
  }

  int count(String category) {
    return asserted(category).size();
  }

  static int distinct(List<Lexicon.Hit> l) {
    Set<String> s = new HashSet<>();
    l.forEach(h -> s.add(h.phrase()));
    return s.size();
  }

  List<Evidence> evidence(List<Lexicon.Hit> l, int max) {
    List<Integer> sentences = new ArrayList<>();
    for (Lexicon.Hit h : l) {
      sentences.add(m.sentence[h.from()]);
    }
    return Analyser.sentenceEvidence(m, sentences, max);
  }

  /** Violence told in narration; threats inside dialogue weigh half. */
  private double violence() {
    double v = 0;
    for (Lexicon.Hit h : asserted("violence")) {
      v += h.quoted() ? 0.5 : 1.0;
    }
    return v;
  }

  private List<Lexicon.Hit> deathEvents() {
    List<Lexicon.Hit> out = new ArrayList<>();
    for (Lexicon.Hit h : asserted("death")) {
      if (!backstory(h.from()) && !h.quoted() && !thingDying(h)) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * "The wheeze dying out", "the fire died down", "her smile died": sounds, lights and moods die,
   * and a phrasal "die out/down/away" is nearly always theirs.
   */
  private boolean thingDying(Lexicon.Hit h) {
    int sent = m.sentence[h.from()];
    if (h.to() < m.size && m.sentence[h.to()] == sent && FADES.contains(m.lower[h.to()])) {
      return true;
    }
    for (int k = h.from() - 1; k >= Math.max(0, h.from() - 3) && m.sentence[k] == sent; k--) {
      if (THINGS.contains(m.lower[k])) {
        return true;
      }
    }
    // "killed eleven rosebushes", "killed the engine": a killing whose object is a thing.
    if (h.to() - h.from() == 1 && KILLS.contains(m.lower[h.from()]) && h.to() + 1 < m.size) {
      int t = h.to();
      if (m.sentence[t] == sent
          && (DETERMINERS.contains(m.lower[t]) || NUMBERS.contains(m.lower[t]))) {
        boolean person = false;
        for (int k = t + 1; k <= t + 2 && k < m.size && m.sentence[k] == sent; k++) {
          person |= PEOPLE.contains(m.lower[k]) || m.cap[k];
        }
        if (!person) {
          return true;
        }
      }
    }
    // "dead consoles", "a dying warp core": "dead" or "dying" before a noun that is no person
    // describes a thing.
    if (h.to() - h.from() == 1
        && (m.lower[h.from()].equals("dead") || m.lower[h.from()].equals("dying"))
        && h.to() < m.size) {
      String next = m.lower[h.to()];
      return m.sentence[h.to()] == sent
          && !m.cap[h.to()]
          && Character.isLetter(next.charAt(0))
          && !PEOPLE.contains(next)
          && !FUNCTION_WORDS.contains(next);
    }
    return false;
  }

  private static final Set<String> KILLS = Set.of("killed", "kill", "killing");

  private static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "some", "every", "all", "its",
          "another");

  private static final Set<String> NUMBERS =
      Set.of(
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "twenty",
          "dozens",
          "hundreds");

  /**
   * Words that make a "dead" before them, or the object of a killing, a person ("the dead man",
   * "killed the old king", "killed the whole family"): then it is a death.
   */
  private static final Set<String> PEOPLE =
      Set.of(
          "man",
          "men",
          "woman",
          "women",
          "boy",
          "boys",
          "girl",
          "girls",
          "child",
          "children",
          "body",
          "bodies",
          "people",
          "person",
          "soldier",
          "soldiers",
          "friend",
          "friends",
          "brother",
          "sister",
          "father",
          "mother",
          "husband",
          "wife",
          "son",
          "daughter",
          "kid",
          "baby",
          "guy",
          "guys",
          "hunter",
          "hunters",
          "slayer",
          "boyfriend",
          "girlfriend",
          "parents",
          "partner",
          "wizard",
          "witch",
          "elf",
          "dwarf",
          "hobbit",
          "ninja",
          "hero",
          "guard",
          "guards",
          "king",
          "queen",
          "prince",
          "princess",
          "captain",
          "officer",
          "doctor",
          "prisoner",
          "prisoners",
          "hostage",
          "hostages",
          "villagers",
          "family",
          "whole",
          "others",
          "rest",
          "old",
          "young",
          "last",
          "first",
          "only",
          "other",
          "poor");

  /** Words after "dead" that end the phrase rather than name what is dead ("dead and gone"). */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "and", "or", "but", "nor", "for", "in", "on", "at", "to", "by", "with", "of", "from",
          "now", "already", "too", "again", "before", "after", "since", "because", "when", "while",
          "as", "than", "that", "the", "a", "an", "so", "then", "there", "here", "yet", "inside",
          "behind", "beside", "weight", "long", "tonight", "today", "years", "weeks", "days",
          "months", "hours", "minutes", "if", "is", "was", "were", "are", "be", "been", "he", "she",
          "they", "it", "i", "you", "we", "his", "her", "their", "my", "your");

  private static final Set<String> FADES = Set.of("out", "down", "away");
  private static final Set<String> THINGS =
      Set.of(
          "sound",
          "noise",
          "wheeze",
          "hum",
          "engine",
          "motor",
          "battery",
          "phone",
          "light",
          "lights",
          "fire",
          "flame",
          "flames",
          "candle",
          "embers",
          "music",
          "laughter",
          "laugh",
          "smile",
          "conversation",
          "signal",
          "wind",
          "storm",
          "day",
          "sun",
          "sunlight",
          "echo",
          "argument",
          "hope",
          "applause",
          "screen",
          "brain",
          "mind",
          "turret",
          "console",
          "consoles",
          "machine",
          "radio",
          "lamp",
          "torch",
          "generator",
          "computer");

  /** "had died", "had been dead": a death before the story, not in it. */
  private boolean backstory(int t) {
    int sent = m.sentence[t];
    for (int k = t - 1; k >= Math.max(0, t - 3) && m.sentence[k] == sent; k--) {
      if (m.lower[k].equals("had") || m.lower[k].endsWith("'d") || m.lower[k].equals("ago")) {
        return true;
      }
    }
    for (int k = t + 1; k < Math.min(m.size, t + 4) && m.sentence[k] == sent; k++) {
      if (m.lower[k].equals("ago") || m.lower[k].equals("years")) {
        return true;
      }
    }
    return false;
  }

  /** Any sign of sex in the narration: its words, a scene's signs, a kiss; as evidence. */
  List<Evidence> sexSigns() {
    List<Lexicon.Hit> signs = new ArrayList<>();
    for (String c :
        List.of(
            "sexual_explicit", "sexual_suggestive", "intimacy_act", "intimacy_named", "kissing")) {
      for (Lexicon.Hit h : asserted(c)) {
        if (!h.quoted()) {
          signs.add(h);
        }
      }
    }
    return evidence(signs, 3);
  }

  /** Asserted hits of a list outside dialogue. */
  private List<Lexicon.Hit> narrated(String category) {
    List<Lexicon.Hit> out = new ArrayList<>(asserted(category));
    out.removeIf(Lexicon.Hit::quoted);
    return out;
  }

  /** Sentences of sex on the page (level 2 or more), or none. */
  List<Evidence> sexOnPage() {
    if (sexLevel() < 2) {
      return List.of();
    }
    List<Lexicon.Hit> sex = new ArrayList<>(asserted("sexual_explicit"));
    sex.addAll(asserted("sexual_suggestive"));
    return sex.isEmpty() ? sceneEvidence() : evidence(sex, 3);
  }

  private List<Evidence> sceneEvidence() {
    return Analyser.sentenceEvidence(m, scene().sentences(), 3);
  }

  /** The sexual content's level: 0 none, 1 kissing, 2 suggestive, 3 explicit. */
  private int sexLevel() {
    return Math.max(wordLevel(), scene().level());
  }

  /**
   * A sex scene told without the words of the sexual lexicons, as much fan fiction tells it: within
   * twelve sentences, four signs of three kinds among undressing, a bed, bodies responding and
   * euphemisms for the act, or the act named ("they made love", "afterwards they lay tangled") with
   * two more signs, in a story with kissing, romance or a suggestive word. Two euphemisms for the
   * act make it explicit; otherwise it is on the page. Level 0 when there is no such scene.
   *
   * @param level 0, 2 or 3
   * @param sentences the scene's sentences, for evidence
   */
  record Scene(int level, List<Integer> sentences) {}

  private static final List<String> SCENE_KINDS =
      List.of(
          "intimacy_undress",
          "intimacy_bed",
          "intimacy_body",
          "intimacy_act",
          "intimacy_named",
          // "Spock undressed", "went to bed together": the suggestive words are signs too.
          "sexual_suggestive");

  private Scene scene;

  Scene scene() {
    if (scene != null) {
      return scene;
    }
    scene = new Scene(0, List.of());
    // Told with no word of romance at all, the scene needs two euphemisms for the act itself
    // ("came apart with his name", "followed him over"): undressing, a bed and trembling bodies
    // alone are as often a wound being tended.
    if (count("kissing") == 0
        && count("romantic_cues") == 0
        && count("sexual_suggestive") == 0
        && distinct(asserted("intimacy_act")) < 2) {
      return scene;
    }
    List<int[]> signs = new ArrayList<>(); // sentence, kind
    for (int k = 0; k < SCENE_KINDS.size(); k++) {
      for (Lexicon.Hit h : asserted(SCENE_KINDS.get(k))) {
        if (!h.quoted()) {
          signs.add(new int[] {m.sentence[h.from()], k});
        }
      }
    }
    signs.sort(Comparator.comparingInt(a -> a[0]));
    for (int i = 0; i < signs.size(); i++) {
      int[] kinds = new int[SCENE_KINDS.size()];
      List<Integer> sentences = new ArrayList<>();
      for (int j = i; j < signs.size() && signs.get(j)[0] < signs.get(i)[0] + 12; j++) {
        kinds[signs.get(j)[1]]++;
        if (!sentences.contains(signs.get(j)[0])) {
          sentences.add(signs.get(j)[0]);
        }
      }
      int total = 0;
      int distinctKinds = 0;
      for (int n : kinds) {
        total += n;
        distinctKinds += n > 0 ? 1 : 0;
      }
      // Four signs of three kinds; or "they made love" told with two more signs around it.
      if (total >= 4 && distinctKinds >= 3 || kinds[4] >= 1 && total >= 3) {
        int level = kinds[3] >= 2 ? 3 : 2;
        if (level > scene.level()) {
          scene = new Scene(level, sentences);
        }
      }
    }
    return scene;
  }

  /** The level the sexual lexicons' words alone give. */
  private int wordLevel() {
    List<Lexicon.Hit> explicit = asserted("sexual_explicit");
    if (explicit.size() >= 2 && distinct(explicit) >= 2) {
      return 3;
    }
    int suggestive = count("sexual_suggestive");
    // One explicit word among kisses or undressing is a sex scene told briefly.
    if (suggestive >= 4 || explicit.size() >= 1 && (suggestive >= 1 || count("kissing") >= 1)) {
      return 2;
    }
    if (suggestive >= 1) {
      return 1;
    }
    return count("kissing") > 0 ? 1 : 0;
  }

  Tag rating() {
    int strong = count("profanity_strong");
    int mild = count("profanity_mild");
    int gore = count("gore");
    double violence = violence();
    int sex = sexLevel();
    boolean darkThemes =
        count("suicidal") > 0
            || count("self_harm") > 0
            || count("addiction") > 0
            || count("rape") > 0;
    String rating;
    List<Lexicon.Hit> why;
    if (sex == 3) {
      rating = Analyser.EXPLICIT;
      why = asserted("sexual_explicit");
    } else if (gore >= 2
        // Swearing alone, however much, is Teen as AO3 taggers rate it (three of four held-out
        // stories with six or more strong words and nothing else Mature).
        || sex == 2 && (count("sexual_suggestive") >= 6 || strong >= 1)
        || scene().level() == 2
        || count("rape") > 0) {
      rating = Analyser.MATURE;
      why = new ArrayList<>(asserted("gore"));
      why.addAll(asserted("profanity_strong"));
      why.addAll(asserted("sexual_suggestive"));
    } else if (strong >= 1
        || mild >= 1
        || sex == 2
        || violence >= 2
        || gore >= 1
        || darkThemes
        || count("sexual_suggestive") >= 2) {
      rating = Analyser.TEEN;
      why = new ArrayList<>(asserted("profanity_strong"));
      why.addAll(asserted("profanity_mild"));
      why.addAll(asserted("sexual_suggestive"));
      why.addAll(asserted("suicidal"));
      why.addAll(asserted("addiction"));
      why.addAll(asserted("violence"));
    } else {
      rating = Analyser.GENERAL;
      why = List.of();
    }
    List<Evidence> ev = evidence(why, 3);
    if (ev.isEmpty() && scene().level() >= 2 && !rating.equals(Analyser.GENERAL)) {
      ev = sceneEvidence();
    }
    return Tag.suggested(TagType.RATING, rating, rating.equals(Analyser.GENERAL) ? 0.6 : 0.75, ev);
  }

  static final List<String> ORDER =
      List.of(Analyser.GENERAL, Analyser.TEEN, Analyser.MATURE, Analyser.EXPLICIT);

  /**
   * Raises a rating to what its warnings imply, as AO3 taggers do: graphic violence or rape at
   * least Mature; a major character death, dark themes or violence at least Teen.
   */
  static Tag floor(Tag rating, List<Tag> warnings, List<Tag> contentWarnings) {
    int level = ORDER.indexOf(rating.name());
    if (level < 0) {
      return rating; // "Not Rated" says nothing to raise
    }
    int min = 0;
    String why = null;
    boolean violent =
        warnings.stream().anyMatch(w -> w.name().equals("Graphic Depictions Of Violence"));
    boolean death = warnings.stream().anyMatch(w -> w.name().equals("Major Character Death"));
    // Graphic violence is Mature as AO3 taggers mostly rate it (ten of the twelve labelled
    // stories that carry the warning).
    if (violent) {
      min = 2;
      why =
          death
              ? "Graphic Depictions Of Violence, Major Character Death"
              : "Graphic Depictions Of Violence";
    }
    for (Tag w : warnings) {
      if (w.name().equals("Rape/Non-Con")) {
        min = Math.max(min, 2);
        why = w.name();
      } else if (!w.name().equals("No Archive Warnings Apply") && min < 1) {
        min = 1;
        why = w.name();
      }
    }
    for (Tag c : contentWarnings) {
      if (min < 1) {
        min = 1;
        why = c.name();
      }
    }
    if (level >= min) {
      return rating;
    }
    List<Evidence> ev = new ArrayList<>();
    for (Tag t : warnings) {
      ev.addAll(t.evidence());
    }
    for (Tag t : contentWarnings) {
      ev.addAll(t.evidence());
    }
    return Tag.suggested(TagType.RATING, ORDER.get(min), 0.7, ev.subList(0, Math.min(3, ev.size())))
        .withNote("raised by the warning: " + why);
  }

  List<Tag> archiveWarnings() {
    List<Tag> out = new ArrayList<>();
    // Depicted, so told in the narration: "You're bleeding on Buffy's porch" is said, not shown.
    List<Lexicon.Hit> gore = narrated("gore");
    List<Lexicon.Hit> violence = asserted("violence");
    int blood = narrated("blood").size();
    List<Integer> injuries = injurySentences();
    if (gore.size() >= 2
        || gore.size() >= 1 && (violence() >= 4 || blood >= 2)
        || blood >= 4 && violence() >= 3
        || injuries.size() >= 3 && blood >= 1) {
      List<Lexicon.Hit> why = new ArrayList<>(gore);
      why.addAll(violence);
      out.add(
          Tag.suggested(
              TagType.ARCHIVE_WARNING,
              "Graphic Depictions Of Violence",
              0.7,
              why.isEmpty() ? Analyser.sentenceEvidence(m, injuries, 3) : evidence(why, 3)));
    }
    List<Lexicon.Hit> majorDeaths = new ArrayList<>();
    // A story that mourns the one who died makes that death major, however briefly it is told.
    // ("Wake" is left out: it is mostly the verb.)
    boolean mourned =
        asserted("grief").stream().filter(h -> !h.phrase().equals("wake")).count() >= 2;
    for (Lexicon.Hit h : deathEvents()) {
      CharacterFinder.Found who = namedNear(h.from());
      if (who != null && (isMajor(who) || mourned && chars.indexOf(who) < 3 && who.present())) {
        majorDeaths.add(h);
      }
    }
    if (!majorDeaths.isEmpty()) {
      out.add(
          Tag.suggested(
              TagType.ARCHIVE_WARNING, "Major Character Death", 0.6, evidence(majorDeaths, 3)));
    }
    List<Lexicon.Hit> rape = asserted("rape");
    if (!rape.isEmpty()) {
      out.add(Tag.suggested(TagType.ARCHIVE_WARNING, "Rape/Non-Con", 0.7, evidence(rape, 3)));
    }
    if (sexLevel() >= 2 && !asserted("minor_age").isEmpty()) {
      out.add(
          Tag.suggested(
              TagType.ARCHIVE_WARNING, "Underage Sex", 0.5, evidence(asserted("minor_age"), 2)));
    }
    if (out.isEmpty()) {
      out.add(Tag.suggested(TagType.ARCHIVE_WARNING, Analyser.NO_WARNINGS, 0.6, List.of()));
    }
    return out;
  }

  /**
   * Sentences narrating harm to a body: a body part and an injury within three words of each other
   * ("Claws rake across his ribs", "the ribs gave way"), outside dialogue. Literary violence often
   * shows its wounds this way rather than by naming gore; three of them, and blood, are graphic.
   */
  private List<Integer> injuries;

  List<Integer> injurySentences() {
    if (injuries == null) {
      injuries = findInjurySentences();
    }
    return injuries;
  }

  private List<Integer> findInjurySentences() {
    java.util.Map<Integer, List<Lexicon.Hit>> body = new java.util.HashMap<>();
    for (Lexicon.Hit h : asserted("body_parts")) {
      if (!h.quoted()) {
        body.computeIfAbsent(m.sentence[h.from()], k -> new ArrayList<>()).add(h);
      }
    }
    java.util.Set<Integer> out = new java.util.LinkedHashSet<>();
    for (Lexicon.Hit h : asserted("injury")) {
      int s = m.sentence[h.from()];
      if (!h.quoted() && body.getOrDefault(s, List.of()).stream().anyMatch(b -> near(b, h))) {
        out.add(s);
      }
    }
    return new ArrayList<>(out);
  }

  /** Within five words of each other: "claws raked across his ribs", "the bone cracked". */
  private static boolean near(Lexicon.Hit a, Lexicon.Hit b) {
    return a.from() - b.to() <= 5 && b.from() - a.to() <= 5;
  }

  /** The character named in the same sentence as a token, if exactly one stands out. */
  /**
   * The character named closest to token {@code t} in its sentence, within {@link #NEAR} words: the
   * one a death is told of. Someone named far off in a long sentence ("I learned this … while the
   * inspector explained that a man was dead in a shed") is not who died, and the teller's "I" or
   * "my" names them only right beside it ("I was dying").
   */
  private CharacterFinder.Found namedNear(int t) {
    indexNames();
    int s = m.sentence[t];
    CharacterFinder.Found best = null;
    int closest = Integer.MAX_VALUE;
    // A name starts at most a few words before its end; every mention near t starts in this span.
    int from = Math.max(m.sentFirst[s], t - NEAR - 8);
    int to = Math.min(m.sentEnd[s], t + NEAR + 1);
    for (int k = from; k < to; k++) {
      CharacterFinder.Found f = nameAt[k];
      if (f == null || possessor(k, t)) {
        continue;
      }
      int d = k < t ? t - nameEnd[k] : k - t;
      boolean teller = TELLER.contains(m.lower[k]);
      // "When the last note dies you let the silence run": a teller's word after the death is
      // the next clause's subject, unless the death is done to them ("killed me").
      if (teller && k > t && !DONE_TO.contains(m.lower[t])) {
        continue;
      }
      int near = teller ? NEAR_TELLER : NEAR;
      if (d <= near && d < closest) {
        closest = d;
        best = f;
      }
    }
    return best != null ? best : pronounSubject(t);
  }

  /**
   * Whether the name at {@code k} owns what the death word at {@code t} is said of: "Maggie's music
   * dies", "Anya's mother died". Not "Maggie's dead" or "Maggie's been killed", where the "'s" is
   * "is" or "has".
   */
  private boolean possessor(int k, int t) {
    int e = nameEnd[k];
    if (e >= t || !m.lower[e - 1].equals("'s") && (e >= m.size || !m.lower[e].equals("'s"))) {
      return false;
    }
    int next = m.lower[e - 1].equals("'s") ? e : e + 1;
    return next < t && !IS_OR_HAS.contains(m.lower[next]);
  }

  private static final Set<String> IS_OR_HAS =
      Set.of(
          "been", "not", "going", "about", "just", "really", "already", "never", "still", "gone");

  /**
   * "…says Gimli, and smiles. Some time after, he stops breathing.": a death told of "he" or "she"
   * just before it is the death of the last man or woman named in that sentence or the two before.
   */
  private CharacterFinder.Found pronounSubject(int t) {
    String gender = null;
    for (int k = t - 1; k >= Math.max(0, t - 2) && m.sentence[k] == m.sentence[t]; k--) {
      if (m.lower[k].equals("he")) {
        gender = "male";
      } else if (m.lower[k].equals("she")) {
        gender = "female";
      }
    }
    if (gender == null) {
      return null;
    }
    for (int k = t - 1; k >= 0 && m.sentence[k] >= m.sentence[t] - 2; k--) {
      CharacterFinder.Found f = nameAt[k];
      if (f != null && f.gender().equals(gender) && !TELLER.contains(m.lower[k])) {
        return f;
      }
    }
    return null;
  }

  /** Who is named at each token, and where that name ends: built once, on the first death. */
  private CharacterFinder.Found[] nameAt;

  private int[] nameEnd;

  private void indexNames() {
    if (nameAt != null) {
      return;
    }
    nameAt = new CharacterFinder.Found[m.size];
    nameEnd = new int[m.size];
    // In reverse, so where two names start at one token the more prominent one is kept.
    for (int i = chars.size() - 1; i >= 0; i--) {
      CharacterFinder.Found f = chars.get(i);
      for (int[] x : f.mentions) {
        if (x[0] >= 0 && x[0] < m.size) {
          nameAt[x[0]] = f;
          nameEnd[x[0]] = x[1];
        }
      }
    }
  }

  private static final int NEAR = 15;
  private static final int NEAR_TELLER = 2;

  /** Death words whose object is the one who dies. */
  private static final Set<String> DONE_TO = Set.of("killed", "murdered", "kill", "killing");

  /** The words a teller's mentions are made of (NarratorFinder adds them). */
  private static final Set<String> TELLER = teller();

  private static Set<String> teller() {
    Set<String> all = new HashSet<>(NarratorFinder.FIRST);
    all.addAll(NarratorFinder.SECOND);
    return Set.copyOf(all);
  }

  private boolean isMajor(CharacterFinder.Found f) {
    int rank = chars.indexOf(f);
    return rank >= 0 && rank < 3 && f.count() >= 3;
  }

  List<Tag> contentWarnings() {
    List<Tag> out = new ArrayList<>();
    warn(out, "Suicidal Thoughts", asserted("suicidal"), 1);
    warn(out, "Self-Harm", asserted("self_harm"), 1);
    List<Lexicon.Hit> dep = asserted("depression");
    if (dep.size() >= 3 && distinct(dep) >= 2) {
      warn(out, "Depression", dep, 3);
    }
    warn(out, "Addiction", asserted("addiction"), 1);
    warn(out, "Abuse", asserted("abuse"), 2);
    // Quire's list has no sexual-violence warning of its own: rape is warned of as abuse.
    warn(out, "Abuse", asserted("rape"), 1);
    warn(out, "Eating Disorder", asserted("eating_disorder"), 2);
    List<Lexicon.Hit> deaths = new ArrayList<>();
    for (Lexicon.Hit h : deathEvents()) {
      if (namedNear(h.from()) != null) {
        deaths.add(h);
      }
    }
    warn(out, "Character Death", deaths, 1);
    List<Lexicon.Hit> violence = asserted("violence");
    violence.removeIf(Lexicon.Hit::quoted);
    warn(out, "Violence", violence, Math.max(3, words / 500));
    // Sex told in the narration, not sex talked about: quoted and hypothetical mentions left out.
    long narrated =
        asserted("sexual_suggestive").stream()
            .filter(h -> !h.quoted())
            .map(h -> m.sentence[h.from()])
            .distinct()
            .count();
    if (sexLevel() == 3 || narrated >= 2 || scene().level() >= 2) {
      List<Lexicon.Hit> sex = new ArrayList<>(asserted("sexual_explicit"));
      sex.addAll(asserted("sexual_suggestive"));
      if (sex.isEmpty()) {
        out.add(Tag.suggested(TagType.CONTENT_WARNING, "Sexual Content", 0.6, sceneEvidence()));
      } else {
        warn(out, "Sexual Content", sex, 1);
      }
    }
    warn(out, "Homophobia", asserted("homophobia"), 1);
    return out;
  }

  private void warn(List<Tag> out, String name, List<Lexicon.Hit> l, int min) {
    if (l.size() >= min && !l.isEmpty() && out.stream().noneMatch(t -> t.name().equals(name))) {
      double conf = Math.min(0.95, 0.5 + 0.1 * l.size());
      out.add(Tag.suggested(TagType.CONTENT_WARNING, name, conf, evidence(l, 3)));
    }
  }

  /**
   * What a platonic relationship is, as AO3 taggers name it: "Brotherly Love" for two men in a
   * story that speaks of brothers, "Sisters" likewise, else "Friendship".
   */
  private Tag platonicKind(List<Tag> relationships) {
    Set<String> kin = new HashSet<>();
    for (Lexicon.Hit h : asserted("platonic_cues")) {
      kin.add(h.phrase());
    }
    String pair =
        relationships.stream().map(Tag::name).filter(n -> n.contains(" & ")).findFirst().orElse("");
    Set<String> genders = new HashSet<>();
    for (String name : pair.split(" & ")) {
      for (CharacterFinder.Found f : chars) {
        if (f.name().equals(name)) {
          genders.add(f.gender());
        }
      }
    }
    String kind = "Friendship";
    String bond = bond(pair);
    if (bond != null) {
      kind = bond;
    } else if ((kin.contains("brother") || kin.contains("brothers"))
        && genders.equals(Set.of("male"))) {
      kind = "Brotherly Love";
    } else if ((kin.contains("sister") || kin.contains("sisters"))
        && genders.equals(Set.of("female"))) {
      kind = "Sisters";
    }
    return Tag.suggested(TagType.ADDITIONAL, kind, 0.6, List.of());
  }

  /** The bond a pack gives this platonic relationship in canon ("Brotherly Love"), or null. */
  private String bond(String pair) {
    for (CharacterFinder.Found f : chars) {
      for (KnowledgePack.Relationship r : f.cast.pack().relationships()) {
        if (r.name().equals(pair) && r.bond() != null) {
          return r.bond();
        }
      }
    }
    return null;
  }

  List<Tag> additionalTags(List<Tag> relationships) {
    List<Tag> out = new ArrayList<>();
    double per1k = 1000.0 / words;
    List<Lexicon.Hit> sad = asserted("sadness");
    List<Lexicon.Hit> happy = asserted("happiness");
    double sadRate = sad.size() * per1k;
    double happyRate = happy.size() * per1k;
    boolean angst = sad.size() >= 2 && sadRate >= 4;
    if (angst) {
      out.add(
          Tag.suggested(
              TagType.ADDITIONAL, "Angst", Math.min(0.9, 0.4 + sadRate / 40), evidence(sad, 3)));
    }
    if (happy.size() >= 3 && happyRate >= 6 && sadRate < happyRate / 2) {
      out.add(
          Tag.suggested(
              TagType.ADDITIONAL,
              "Fluff",
              Math.min(0.9, 0.4 + happyRate / 40),
              evidence(happy, 3)));
    }
    List<Lexicon.Hit> comfort = asserted("comfort");
    List<Lexicon.Hit> tending = asserted("tending");
    // Hurt and comfort: sorrow comforted, or a wound shown on the body and tended ("held him",
    // or stitched, bandaged, splinted).
    if (comfort.size() >= 1 && sad.size() >= 3
        || comfort.size() + tending.size() >= 1 && !injurySentences().isEmpty()) {
      List<Lexicon.Hit> why = new ArrayList<>(comfort);
      why.addAll(tending);
      why.sort(Comparator.comparingInt(Lexicon.Hit::from));
      out.add(Tag.suggested(TagType.ADDITIONAL, "Hurt/Comfort", 0.6, evidence(why, 3)));
    }
    List<Lexicon.Hit> breakup = asserted("breakup");
    if (breakup.size() >= 2) {
      out.add(Tag.suggested(TagType.ADDITIONAL, "Break Up", 0.6, evidence(breakup, 3)));
    }
    boolean romance = relationships.stream().anyMatch(t -> t.name().contains("/"));
    boolean friendship = relationships.stream().anyMatch(t -> t.name().contains(" & "));
    List<Lexicon.Hit> established = asserted("established");
    List<Lexicon.Hit> sharedBed = asserted("shared_bed");
    List<Lexicon.Hit> firstKiss = asserted("first_kiss");
    List<Lexicon.Hit> kisses = asserted("kissing");
    kisses.removeIf(h -> h.quoted() || h.hypothetical());
    if (romance && established.size() >= 2) {
      out.add(
          Tag.suggested(
              TagType.ADDITIONAL, "Established Relationship", 0.5, evidence(established, 2)));
    } else if (romance && firstKiss.isEmpty()) {
      // A couple with a life together (a husband, "our bed"), or who kiss in the story's first
      // half as a thing they do rather than build up to it, are together already.
      List<Lexicon.Hit> why = new ArrayList<>(established);
      why.addAll(sharedBed);
      if (why.isEmpty() && !kisses.isEmpty() && kisses.getFirst().from() < m.size * 0.5) {
        why.add(kisses.getFirst());
      }
      if (!why.isEmpty()) {
        why.sort(Comparator.comparingInt(Lexicon.Hit::from));
        out.add(
            Tag.suggested(TagType.ADDITIONAL, "Established Relationship", 0.45, evidence(why, 2)));
      }
    }
    if (friendship) {
      out.add(platonicKind(relationships));
    }
    List<Lexicon.Hit> romanceWords = asserted("romance_words");
    if (romance && romanceWords.size() >= 2) {
      out.add(Tag.suggested(TagType.ADDITIONAL, "Romance", 0.5, evidence(romanceWords, 2)));
    }
    List<Lexicon.Hit> humor = asserted("humor");
    if (humor.size() >= 3 && humor.size() * per1k >= 4 && !angst) {
      out.add(Tag.suggested(TagType.ADDITIONAL, "Humor", 0.5, evidence(humor, 3)));
    }
    if (sexLevel() == 3) {
      // Sex told explicitly: AO3's authors tag it Smut (eleven of the fifteen held-out stories
      // the text alone rates Explicit).
      out.add(Tag.suggested(TagType.ADDITIONAL, "Smut", 0.6, sexOnPage()));
    }
    if (!firstKiss.isEmpty()) {
      out.add(Tag.suggested(TagType.ADDITIONAL, "First Kiss", 0.6, evidence(firstKiss, 2)));
    } else if (romance && established.isEmpty() && sharedBed.isEmpty()) {
      // A couple who kiss only in the story's second half, with nothing of a life together before
      // it: that kiss is their first (unless the notes call them established; see Analyser).
      if (!kisses.isEmpty() && kisses.getFirst().from() > m.size * 0.5) {
        out.add(
            Tag.suggested(TagType.ADDITIONAL, "First Kiss", 0.5, evidence(kisses, 1))
                .withNote(LATE_KISS));
      }
    }
    List<Lexicon.Hit> grief = asserted("grief");
    long deathsTold = asserted("death").stream().filter(h -> !h.quoted() && !thingDying(h)).count();
    // Mourning told in words of grief, or a death (now or before the story) and sorrow over it.
    boolean grieving =
        grief.size() >= 2
            || grief.size() >= 1 && (deathsTold >= 1 || sad.size() >= 2)
            || deathsTold >= 1 && sad.size() >= 2;
    if (grieving) {
      // The words of grief first, then the sorrow: every suggestion shows its passages.
      List<Lexicon.Hit> why = new ArrayList<>(grief);
      why.addAll(sad);
      out.add(Tag.suggested(TagType.ADDITIONAL, "Grief/Mourning", 0.6, evidence(why, 3)));
    }
    List<Lexicon.Hit> crying = asserted("crying");
    if (crying.size() >= 3) {
      out.add(Tag.suggested(TagType.ADDITIONAL, "Crying", 0.6, evidence(crying, 3)));
    }
    List<Lexicon.Hit> birthday = asserted("birthday");
    if (birthday.size() >= 2) {
      out.add(Tag.suggested(TagType.ADDITIONAL, "Birthday", 0.6, evidence(birthday, 2)));
    }
    return out;
  }
}
