package org.quire.analyse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the characters of the chosen fandoms in a text: full names, first names and surnames,
 * nicknames, possessives and epithets. Ambiguous names ("Red", "Will", "Angel") count only for a
 * character the text otherwise names.
 */
final class CharacterFinder {

  /** Everything found about one character. */
  static final class Found {
    final Packs.Cast cast;
    final List<int[]> mentions = new ArrayList<>(); // token from, to
    final Set<Integer> sentences = new HashSet<>();
    int unambiguous;
    int speaking;
    int focal;
    int addressed; // spoken to by name: "Spike." / "Hello, Slayer."
    int narrated; // named outside quotations
    private String gender;

    Found(Packs.Cast cast) {
      this.cast = cast;
    }

    String name() {
      return cast.name();
    }

    String gender() {
      if (gender == null) {
        gender = cast.character().gender().toLowerCase(Locale.ROOT);
      }
      return gender;
    }

    int count() {
      return mentions.size();
    }

    /**
     * In the story rather than only mentioned: speaks, is spoken to, is the point of view, or is
     * named twice, once at least by the narration ("Giles says…" twice in dialogue is Giles talked
     * about, not there).
     */
    boolean present() {
      return speaking > 0 || focal > 0 || addressed > 0 || count() >= 2 && narrated > 0;
    }

    /** Mentions, speaking lines and point of view, weighted. */
    double prominence() {
      return mentions.size() + 2.0 * speaking + 3.0 * focal;
    }

    int firstToken() {
      return mentions.isEmpty() ? Integer.MAX_VALUE : mentions.getFirst()[0];
    }
  }

  /**
   * A name as matched: which characters it may be, whether it is ambiguous, and the characters one
   * of whom it needs beside it to stand for its own ({@code only_with} in a pack; empty: none).
   */
  record Name(List<Packs.Cast> casts, boolean ambiguous, List<String> onlyWith) {}

  private final PhraseMatcher<Name> matcher = new PhraseMatcher<>();

  /** Builds a matcher for the characters of the given packs. */
  CharacterFinder(List<KnowledgePack> packs) {
    addNames(packs, matcher, 0);
  }

  /**
   * Adds every name and epithet of the given packs' characters to a matcher, in one group. A name
   * is ambiguous when the packs say so or when it names several of these characters.
   */
  static void addNames(List<KnowledgePack> packs, PhraseMatcher<Name> matcher, int group) {
    Map<String, List<Packs.Cast>> byAlias = new LinkedHashMap<>();
    Map<String, Boolean> ambiguous = new HashMap<>();
    Map<String, Boolean> epithet = new HashMap<>();
    Map<String, List<String>> onlyWith = new HashMap<>();
    for (KnowledgePack p : packs) {
      for (KnowledgePack.Character c : p.characters()) {
        Packs.Cast cast = new Packs.Cast(p, c);
        Set<String> amb = new HashSet<>();
        c.ambiguous().forEach(a -> amb.add(Packs.key(a)));
        List<String> names = new ArrayList<>();
        names.add(c.name());
        names.add(c.name().replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
        names.addAll(c.aliases());
        for (String n : names) {
          add(byAlias, ambiguous, epithet, n, cast, amb.contains(Packs.key(n)), false);
        }
        for (String e : c.epithets()) {
          add(byAlias, ambiguous, epithet, e, cast, amb.contains(Packs.key(e)), true);
        }
        c.onlyWith().forEach((e, with) -> onlyWith.put(e.strip(), List.copyOf(with)));
      }
    }
    for (Map.Entry<String, List<Packs.Cast>> e : byAlias.entrySet()) {
      String alias = e.getKey();
      List<Packs.Cast> casts = e.getValue();
      // A name shared by several characters is ambiguous whatever the packs say.
      boolean amb = ambiguous.get(alias) || casts.size() > 1;
      // Proper names must be capitalised in the text; lower-case epithets match as written.
      boolean caseSensitive = !epithet.get(alias) || Character.isUpperCase(alias.charAt(0));
      List<String> with = casts.size() == 1 ? onlyWith.getOrDefault(alias, List.of()) : List.of();
      matcher.add(alias, caseSensitive, new Name(List.copyOf(casts), amb, with), group);
    }
  }

  private static void add(
      Map<String, List<Packs.Cast>> byAlias,
      Map<String, Boolean> ambiguous,
      Map<String, Boolean> epithet,
      String alias,
      Packs.Cast cast,
      boolean amb,
      boolean isEpithet) {
    String a = alias.strip();
    if (a.isEmpty()) {
      return;
    }
    List<Packs.Cast> l = byAlias.computeIfAbsent(a, k -> new ArrayList<>());
    if (!l.contains(cast)) {
      l.add(cast);
    }
    ambiguous.merge(a, amb, Boolean::logicalOr);
    epithet.merge(a, isEpithet, Boolean::logicalAnd);
  }

  /** Finds the characters in a text, most prominent first. */
  List<Found> find(TextModel m) {
    return find(m, List.of());
  }

  /**
   * Finds the characters in a text, with characters the summary names ({@link #named}) counted as
   * present when the text calls them only by a shared name ("Sam" beside a summary's "Sam Wilson").
   */
  List<Found> find(TextModel m, List<Packs.Cast> named) {
    return resolve(m, matcher.findAll(m), Epithets.ALL, named);
  }

  /**
   * The characters a short text (a summary) names by a name of their own, in order of first
   * mention. Titles and descriptions do not count here: a summary's "the Doctor" is no one in
   * particular until the story says so.
   */
  List<Packs.Cast> named(TextModel summary) {
    List<Packs.Cast> out = new ArrayList<>();
    for (PhraseMatcher.Match<Name> x : matcher.findAll(summary)) {
      Name n = x.phrase().value();
      Packs.Cast c = n.casts().getFirst();
      if (namesOnItsOwn(summary, x, Set.<Name>of()) && n.onlyWith().isEmpty() && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Which descriptions a story keeps using count as names (see {@link #standingEpithets}). */
  enum Epithets {
    /** None. */
    NONE,
    /** Only titles written capitalised ("the Doctor", "the Mandalorian"). */
    TITLES,
    /** Every description. */
    ALL
  }

  /**
   * The characters named by one group's matches (see {@link #addNames}).
   *
   * @param epithets which descriptions the story keeps using ("the Mandalorian") name their
   *     character: all once the fandom is known; while choosing it, none, or titles where the
   *     fandom's own words are there too ("the doctor" alone is no evidence of any fandom)
   */
  static List<Found> resolve(
      TextModel m, List<PhraseMatcher.Match<Name>> matches, Epithets epithets) {
    return resolve(m, matches, epithets, List.of());
  }

  private static List<Found> resolve(
      TextModel m,
      List<PhraseMatcher.Match<Name>> matches,
      Epithets epithets,
      List<Packs.Cast> named) {
    Map<Packs.Cast, Found> found = new LinkedHashMap<>();
    for (Packs.Cast c : named) {
      found.computeIfAbsent(c, Found::new).unambiguous++;
    }
    Set<Name> standing =
        epithets == Epithets.NONE
            ? new HashSet<>()
            : standingEpithets(m, matches, epithets == Epithets.TITLES);
    // First pass: unambiguous names establish who is present; then the descriptions that need a
    // companion ("the kid" beside the Mandalorian) stand if one is there.
    countUnambiguous(m, matches, standing, found, false, Set.of());
    Set<String> established = new HashSet<>();
    for (Found f : found.values()) {
      if (f.unambiguous > 0) {
        established.add(f.name());
      }
    }
    Set<Name> alone = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PhraseMatcher.Match<Name> x : matches) {
      Name n = x.phrase().value();
      if (!n.onlyWith().isEmpty() && n.onlyWith().stream().noneMatch(established::contains)) {
        alone.add(n);
      }
    }
    standing.removeAll(alone);
    countUnambiguous(m, matches, standing, found, true, alone);
    for (PhraseMatcher.Match<Name> x : matches) {
      Name n = x.phrase().value();
      Packs.Cast cast = null;
      if (alone.contains(n)) {
        continue; // "Spaceman" with no Donna on the page is nobody in particular
      }
      // A name that needs a companion, with the companion on the page ("Gramps" beside Donna),
      // is its character's.
      if (!n.ambiguous()
          || properNameMidSentence(m, x)
          || standing.contains(n)
          || !n.onlyWith().isEmpty()) {
        cast = n.casts().getFirst();
      } else {
        // An ambiguous name counts for the present character it could be, the most named one.
        int best = 0;
        for (Packs.Cast c : n.casts()) {
          Found f = found.get(c);
          if (f != null && f.unambiguous > best) {
            best = f.unambiguous;
            cast = c;
          }
        }
      }
      if (cast == null) {
        continue;
      }
      Found f = found.computeIfAbsent(cast, Found::new);
      f.mentions.add(new int[] {x.from(), x.to()});
      if (!m.quoted[x.from()]) {
        f.narrated++;
      }
      f.sentences.add(m.sentence[x.from()]);
    }
    found.values().removeIf(f -> f.mentions.isEmpty());
    List<Found> out = new ArrayList<>(found.values());
    countSpeaking(m, out);
    return out;
  }

  /**
   * Whether a match names its character without help from the rest of the story: a name of its own,
   * a proper name mid-sentence, or a description the story keeps using; never a common word that
   * merely opens a sentence.
   */
  private static boolean namesOnItsOwn(
      TextModel m, PhraseMatcher.Match<Name> x, Set<Name> standing) {
    Name n = x.phrase().value();
    return (!n.ambiguous() || properNameMidSentence(m, x) || standing.contains(n))
        && !sentenceInitialCommonWord(m, x);
  }

  /** Counts each character's unambiguous names, those needing a companion or the others. */
  private static void countUnambiguous(
      TextModel m,
      List<PhraseMatcher.Match<Name>> matches,
      Set<Name> standing,
      Map<Packs.Cast, Found> found,
      boolean needingCompanion,
      Set<Name> alone) {
    for (PhraseMatcher.Match<Name> x : matches) {
      Name n = x.phrase().value();
      if (n.onlyWith().isEmpty() == needingCompanion || alone.contains(n)) {
        continue;
      }
      if (needingCompanion && !sentenceInitialCommonWord(m, x) || namesOnItsOwn(m, x, standing)) {
        found.computeIfAbsent(n.casts().getFirst(), Found::new).unambiguous++;
      }
    }
  }

  /**
   * Definite descriptions that a story uses as a name: "the Mandalorian", "the kid", "the Watcher",
   * each of one character of the chosen fandoms, said at least three times. Once, "the Watcher" may
   * be any watcher; a story that keeps calling someone that is naming its character so (AO3 taggers
   * tag Din Djarin in a story that never says "Din").
   */
  private static Set<Name> standingEpithets(
      TextModel m, List<PhraseMatcher.Match<Name>> matches, boolean titlesOnly) {
    // By identity: each name is one object in the matcher, and a pack's hash is deep.
    Map<Name, Integer> uses = new IdentityHashMap<>();
    Map<Name, Integer> titleUses = new IdentityHashMap<>();
    Set<Name> spoke = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PhraseMatcher.Match<Name> x : matches) {
      Name n = x.phrase().value();
      if (n.ambiguous()
          && n.casts().size() == 1
          && x.to() - x.from() >= 2
          && m.lower[x.from()].equals("the")
          && (!titlesOnly || m.cap[x.from() + 1])) {
        uses.merge(n, 1, Integer::sum);
        if (m.cap[x.from() + 1]) {
          titleUses.merge(n, 1, Integer::sum);
          boolean speaks =
              !m.quoted[x.from()]
                  && (x.to() < m.size && SPEECH_VERBS.contains(m.lower[x.to()])
                      || x.from() > 0 && SPEECH_VERBS.contains(m.lower[x.from() - 1]));
          // Only a title that is the character's name ("the Doctor" of Doctor Who), not a rank
          // many share ("the General", "the Captain"): those are descriptions.
          if (speaks && isAlias(m, x, n.casts().getFirst())) {
            spoke.add(n);
          }
        }
      }
    }
    // Once the fandom is known, a title written capitalised twice ("the Doctor" in a story with
    // the TARDIS in it), or once as who speaks ("the Doctor said"), is the story's name for its
    // character.
    Set<Name> out = Collections.newSetFromMap(new IdentityHashMap<>());
    uses.forEach(
        (n, k) -> {
          if (k >= STANDING_USES
              || !titlesOnly
                  && (titleUses.getOrDefault(n, 0) >= STANDING_TITLE_USES || spoke.contains(n))) {
            out.add(n);
          }
        });
    return out;
  }

  /** Whether a match is one of its character's names rather than a description of them. */
  private static boolean isAlias(TextModel m, PhraseMatcher.Match<Name> x, Packs.Cast cast) {
    StringBuilder said = new StringBuilder();
    for (int t = x.from(); t < x.to(); t++) {
      said.append(t > x.from() ? " " : "").append(m.lower[t]);
    }
    String s = said.toString();
    return cast.character().aliases().stream()
        .anyMatch(a -> a.strip().toLowerCase(Locale.ROOT).equals(s));
  }

  private static final int STANDING_USES = 3;
  private static final int STANDING_TITLE_USES = 2;

  /**
   * A name flagged ambiguous only because it is short or shared across fandoms ("Finn", "Jim",
   * "Cas") still names its one character here when it is capitalised in the middle of a sentence
   * and is not also an ordinary English word ("Red", "Will", "Bones").
   */
  private static boolean properNameMidSentence(TextModel m, PhraseMatcher.Match<Name> x) {
    if (x.phrase().value().casts().size() != 1) {
      return false;
    }
    // "Faith asked", "said George": a speaker is a person, wherever the sentence starts.
    boolean speaker =
        x.to() < m.size && SPEECH_VERBS.contains(m.lower[x.to()]) && !m.quoted[x.from()]
            || x.from() > 0 && SPEECH_VERBS.contains(m.lower[x.from() - 1]);
    // "'Amy,' he says": a name called to someone is a person's, wherever the sentence starts.
    boolean vocative =
        m.quoted[x.from()] && addressed(m, x.from(), x.to()) && !quoteGoesOn(m, x.to());
    if (m.sentenceInitial(x.from()) && !speaker && !vocative) {
      return false;
    }
    for (int t = x.from(); t < x.to(); t++) {
      if (!m.cap[t] && !m.lower[t].equals("'s")) {
        return false;
      }
    }
    return x.to() - x.from() > 1 || !WORDS.contains(m.lower[x.from()]);
  }

  /**
   * Whether the quotation broken off at {@code t} goes on in lower case after its speech tag:
   * "'Barton,' said Maria, 'gets shot…'" makes Barton the subject, not someone called.
   */
  private static boolean quoteGoesOn(TextModel m, int t) {
    int s = m.sentence[Math.max(0, t - 1)];
    boolean tag = false;
    for (int k = t; k < m.sentEnd[s]; k++) {
      if (!m.quoted[k]) {
        tag = true;
      } else if (tag) {
        return !m.cap[k];
      }
    }
    return false;
  }

  /** English words that are also names or nicknames: never evidence on their own. */
  private static final Set<String> WORDS =
      Set.of(
          "captain",
          "doctor",
          "master",
          "princess",
          "baby",
          "god",
          "angel",
          "sweetheart",
          "darling",
          "honey",
          "love",
          "pet",
          "boss",
          "chief",
          "sir",
          "madam",
          "key",
          "beast",
          "war",
          "famine",
          "eleven",
          "nine",
          "ten",
          "twelve",
          "thirteen",
          "cap",
          "hunter",
          "moose",
          "gramps",
          "grandad",
          "granddad",
          "nan",
          "gran",
          "mum",
          "dad");

  /**
   * A single capitalised word that could be an ordinary word at the start of a sentence ("Faith was
   * all she had") is not evidence on its own.
   */
  private static boolean sentenceInitialCommonWord(TextModel m, PhraseMatcher.Match<Name> x) {
    return x.to() - x.from() == 1
        && m.sentenceInitial(x.from())
        && COMMON.contains(m.lower[x.from()]);
  }

  private static final Set<String> COMMON =
      Set.of(
          "faith", "hope", "grace", "will", "angel", "dawn", "rose", "amy", "joy", "river",
          "harmony", "glory", "red");

  private static final Set<String> SPEECH_VERBS =
      Set.of(
          "said",
          "says",
          "asked",
          "asks",
          "replied",
          "whispered",
          "shouted",
          "yelled",
          "muttered",
          "murmured",
          "called",
          "answered",
          "snapped",
          "added",
          "continued",
          "sighed",
          "laughed",
          "cried",
          "choked",
          "growled",
          "breathed",
          "demanded",
          "told",
          "admitted",
          "insisted",
          "protested",
          "offered",
          "pleaded",
          "begged",
          "hissed",
          "mumbled",
          "stammered",
          "drawled");

  /** A name next to a speech verb just outside a quotation: "…," Spike said / said Spike. */
  private static void countSpeaking(TextModel m, List<Found> found) {
    for (Found f : found) {
      for (int[] mention : f.mentions) {
        int from = mention[0];
        int to = mention[1];
        if (m.quoted[from]) {
          if (addressed(m, from, to)) {
            f.addressed++;
          }
          continue;
        }
        boolean verbAfter =
            to < m.size && m.sentence[to] == m.sentence[from] && SPEECH_VERBS.contains(m.lower[to]);
        boolean verbBefore =
            from > 0
                && m.sentence[from - 1] == m.sentence[from]
                && SPEECH_VERBS.contains(m.lower[from - 1]);
        boolean nearQuote = sentenceHasQuote(m, m.sentence[from]);
        if ((verbAfter || verbBefore) && nearQuote) {
          f.speaking++;
        }
      }
    }
  }

  /**
   * A name spoken to its bearer inside a quotation, set off by the quote or a comma on both sides:
   * "Spike." / "Hello, Slayer." / "Willow, wait." One speaks so to someone who is there.
   */
  static boolean addressed(TextModel m, int from, int to) {
    String text = m.partOfSentence(m.sentence[from]).text();
    char before = nonSpace(text, m.start[from] - 1, -1);
    // "Todoroki-kun?": an honorific belongs to the name.
    int last =
        to < m.size && m.sentence[to] == m.sentence[from] && HONORIFICS.contains(m.lower[to])
            ? to
            : to - 1;
    char after = nonSpace(text, m.end[last], 1);
    // "Whoa. Dean. It's me.": a name standing as a sentence of its own is called, too.
    boolean opens =
        before == ','
            || before == '"'
            || before == '“'
            || (before == '.' || before == '!' || before == '?')
                && m.quoted[from]
                && !(from > 0 && TITLES.contains(m.lower[from - 1]));
    boolean closes =
        after == ','
            || after == '.'
            || after == '!'
            || after == '?'
            || after == '"'
            || after == '”';
    return opens && closes;
  }

  /** Titles abbreviated with a period: "Mr. Merry" is no name called out after a sentence. */
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "st", "prof", "mx");

  /** Japanese honorifics written after a name, as fans of anime and manga write them. */
  static final Set<String> HONORIFICS =
      Set.of("kun", "san", "chan", "sama", "sensei", "senpai", "dono");

  /** The first character from i on, stepping by step, that is not a space or tab; or 0. */
  private static char nonSpace(String text, int i, int step) {
    while (i >= 0 && i < text.length()) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return c;
      }
      i += step;
    }
    return 0;
  }

  private static boolean sentenceHasQuote(TextModel m, int s) {
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      if (m.quoted[t]) {
        return true;
      }
    }
    // "…," Spike said: the quote may have closed the previous sentence.
    int prev = m.sentFirst[s] - 1;
    return prev >= 0 && m.quoted[prev];
  }
}
