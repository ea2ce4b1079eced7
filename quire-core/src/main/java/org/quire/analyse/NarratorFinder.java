package org.quire.analyse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who tells a first- or second-person story. The teller is rarely named in their own narration, so
 * the packs' self phrases decide ("the cupboard under the stairs", "Helmand", "Jakku"), and so does
 * a name spoken to the narration's "me" ("'Donna Noble,' the Doctor said, looking at me"): the
 * character whose phrases the text uses most, less one for every time beyond the first that the
 * narration names them as someone else (a narrator may sign a letter, but is not "Sam" twice in
 * their own telling). Without a phrase, a fandom's traditional narrator (Watson) tells it when the
 * narration never names them. The teller becomes a character whose mentions are the narration's
 * "I", "me" and "my" (or "you"), so relationships and prominence see them.
 */
final class NarratorFinder {
  private NarratorFinder() {}

  static final Set<String> FIRST = Set.of("i", "me", "my", "mine", "myself");
  static final Set<String> SECOND = Set.of("you", "your", "yours", "yourself");

  private static final Map<List<KnowledgePack>, PhraseMatcher<Packs.Cast>> MATCHERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final Map<List<KnowledgePack>, PhraseMatcher<Packs.Cast>> SECOND_PERSON =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The self phrases of every character of these packs, built once per set of packs; told to "you",
   * "my helmet" is "your helmet".
   */
  private static PhraseMatcher<Packs.Cast> matcher(List<KnowledgePack> chosen, boolean second) {
    return (second ? SECOND_PERSON : MATCHERS)
        .computeIfAbsent(
            List.copyOf(chosen),
            packs -> {
              PhraseMatcher<Packs.Cast> m = new PhraseMatcher<>();
              for (KnowledgePack p : packs) {
                for (KnowledgePack.Character c : p.characters()) {
                  Packs.Cast who = new Packs.Cast(p, c);
                  for (String phrase : c.selfCues()) {
                    m.add(phrase, false, who);
                    if (second && phrase.startsWith("my ")) {
                      m.add("your " + phrase.substring(3), false, who);
                    }
                  }
                }
              }
              return m;
            });
  }

  /**
   * The teller when no self phrase decides, by the first sign there is: the one the author's notes
   * name ("mccoy pov"); of the people the header names (a pairing, "willow/tara", or the characters
   * line), the one the narration never names while it names the others; the first the summary names
   * whom the narration never names ("Donna goes shopping…" over a story told to "you"); a fandom's
   * traditional narrator, never named in the narration; the one partner canon gives the person the
   * story is most about (Tara's Willow, Amy's Rory), when the narration tells of romance between
   * the two, since a story told by "I" about someone is most often told by the one who loves them.
   * Null when there is no sign.
   */
  private static Packs.Cast withoutPhrases(
      TextModel m,
      boolean first,
      List<CharacterFinder.Found> chars,
      List<KnowledgePack> chosen,
      Packs.Cast said,
      List<Packs.Cast> declared,
      List<Packs.Cast> inSummary,
      List<Lexicon.Hit> romance,
      java.util.function.Predicate<String> unnamed) {
    if (said != null) {
      return said;
    }
    List<Packs.Cast> neverNamed = declared.stream().filter(c -> unnamed.test(c.name())).toList();
    if (neverNamed.size() == 1 && neverNamed.size() < declared.size()) {
      return neverNamed.getFirst();
    }
    for (Packs.Cast c : inSummary) {
      if (unnamed.test(c.name())) {
        return c;
      }
    }
    Packs.Cast narrator = null;
    for (KnowledgePack p : chosen) {
      if (p.narrator() != null && unnamed.test(p.narrator())) {
        for (KnowledgePack.Character c : p.characters()) {
          if (c.name().equals(p.narrator())) {
            narrator = new Packs.Cast(p, c);
          }
        }
      }
    }
    if (narrator != null) {
      return narrator;
    }
    CharacterFinder.Found lead = mostProminent(chars);
    Packs.Cast partner = canonPartner(lead, chosen);
    return partner != null
            && unnamed.test(partner.name())
            && romanceWithTeller(m, lead, romance, first ? FIRST : SECOND)
        ? partner
        : null;
  }

  /** The least weight of cues that names a teller. */
  private static final int MIN_CUES = 1;

  /** The teller, added to {@code chars} (or found there), or null for third person or unknown. */
  static CharacterFinder.Found find(
      TextModel m,
      PovDetector.Pov pov,
      List<CharacterFinder.Found> chars,
      List<KnowledgePack> chosen,
      Packs.Cast said,
      List<Packs.Cast> declared,
      List<Packs.Cast> inSummary,
      List<Lexicon.Hit> romance) {
    boolean first = pov.person().equals("first");
    if (!first && !pov.person().equals("second")) {
      return null;
    }
    Map<String, Integer> namedInNarration = new HashMap<>();
    // Spoken of, not to: "Giles says the prophecy thing is a recipe" is said to the teller about
    // somebody else.
    Map<String, Integer> spokenOf = new HashMap<>();
    for (CharacterFinder.Found f : chars) {
      int n = 0;
      int of = 0;
      for (int[] at : f.mentions) {
        if (!m.quoted[at[0]]) {
          n++;
        } else if (!CharacterFinder.addressed(m, at[0], at[1])) {
          of++;
        }
      }
      namedInNarration.put(f.name(), n);
      spokenOf.put(f.name(), of);
    }
    // One pass over the text for every character's self phrases.
    PhraseMatcher<Packs.Cast> matcher = matcher(chosen, !first);
    // Each cue's weight, in halves: a place said with "the" ("the bookshop") may be a neighbour's,
    // so it weighs half of a self phrase ("my bookshop") or a name spoken to the teller, and only
    // the first time.
    Map<Packs.Cast, List<int[]>> cuesOf = new java.util.LinkedHashMap<>();
    Map<Packs.Cast, Integer> weight = new HashMap<>();
    Set<PhraseMatcher.Phrase<Packs.Cast>> places =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (PhraseMatcher.Match<Packs.Cast> hit : matcher.findAll(m)) {
      cuesOf
          .computeIfAbsent(hit.phrase().value(), k -> new ArrayList<>())
          .add(new int[] {hit.from(), hit.to()});
      boolean place = m.lower[hit.from()].equals("the");
      if (!place || places.add(hit.phrase())) {
        weight.merge(hit.phrase().value(), place ? 1 : 2, Integer::sum);
      }
    }
    // "'Donna Noble,' the Doctor said, looking at me": a name spoken to the one the narration calls
    // "me" (or "you") is the teller's, when the narration never uses it for someone else.
    Set<String> object = first ? Set.of("me") : Set.of("you");
    for (CharacterFinder.Found f : chars) {
      if (namedInNarration.getOrDefault(f.name(), 0) > 0) {
        continue;
      }
      for (int[] at : f.mentions) {
        if (m.quoted[at[0]]
            && CharacterFinder.addressed(m, at[0], at[1])
            && (narrationHas(m, m.sentence[at[0]], object)
                || onlyTheName(m, at)
                || spokenByAnother(m, m.sentence[at[0]], first))) {
          cuesOf.computeIfAbsent(f.cast, k -> new ArrayList<>()).add(at);
          weight.merge(f.cast, 2, Integer::sum);
        }
      }
    }
    Packs.Cast best = null;
    List<int[]> bestCues = List.of();
    int bestScore = 0;
    boolean tie = false;
    for (Map.Entry<Packs.Cast, List<int[]>> e : cuesOf.entrySet()) {
      String name = e.getKey().name();
      int score =
          weight.getOrDefault(e.getKey(), 0)
              - 2 * Math.max(0, namedInNarration.getOrDefault(name, 0) - 1)
              - 2 * spokenOf.getOrDefault(name, 0);
      if (score > bestScore && score >= MIN_CUES) {
        best = e.getKey();
        bestCues = e.getValue();
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score >= MIN_CUES) {
        tie = true;
      }
    }
    if (best == null || tie) {
      bestCues = List.of();
      best =
          withoutPhrases(
              m,
              first,
              chars,
              chosen,
              said,
              declared,
              inSummary,
              romance,
              c -> namedInNarration.getOrDefault(c, 0) == 0);
      if (best == null) {
        return null;
      }
    }
    CharacterFinder.Found teller = null;
    for (CharacterFinder.Found f : chars) {
      if (f.name().equals(best.name())) {
        teller = f;
      }
    }
    if (teller == null) {
      teller = new CharacterFinder.Found(best);
      chars.add(teller);
    }
    // The phrases that identified the teller first, so they are the evidence shown.
    List<int[]> mentions = new ArrayList<>(bestCues);
    mentions.addAll(teller.mentions);
    Set<String> pronouns = first ? FIRST : SECOND;
    for (int t = 0; t < m.size; t++) {
      if (!m.quoted[t] && pronouns.contains(m.lower[t])) {
        mentions.add(new int[] {t, t + 1});
        teller.sentences.add(m.sentence[t]);
      }
    }
    for (int[] c : bestCues) {
      teller.sentences.add(m.sentence[c[0]]);
    }
    teller.mentions.clear();
    teller.mentions.addAll(mentions);
    teller.focal = Math.max(teller.focal, 1);
    return teller;
  }

  /**
   * Whether the narration tells of romance between the teller and {@code lead}: a romantic cue in a
   * sentence with the teller's own word ("took my hand", "kissed me") and the lead's name or
   * pronoun.
   */
  private static boolean romanceWithTeller(
      TextModel m, CharacterFinder.Found lead, List<Lexicon.Hit> romance, Set<String> teller) {
    Set<String> pronouns =
        lead.gender().equals("female")
            ? Set.of("she", "her", "hers")
            : lead.gender().equals("male") ? Set.of("he", "him", "his") : Set.of();
    for (Lexicon.Hit h : romance) {
      if (h.quoted() || h.negated() || h.hypothetical()) {
        continue;
      }
      int s = m.sentence[h.from()];
      boolean tellers = false;
      boolean leads = lead.sentences.contains(s);
      for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
        if (!m.quoted[t]) {
          tellers |= teller.contains(m.lower[t]);
          leads |= pronouns.contains(m.lower[t]);
        }
      }
      if (tellers && leads) {
        return true;
      }
    }
    return false;
  }

  private static CharacterFinder.Found mostProminent(List<CharacterFinder.Found> chars) {
    CharacterFinder.Found best = null;
    for (CharacterFinder.Found f : chars) {
      if (best == null || f.prominence() > best.prominence()) {
        best = f;
      }
    }
    return best;
  }

  /** The character's one partner in a couple of the canon, or null (none, or several). */
  private static Packs.Cast canonPartner(CharacterFinder.Found who, List<KnowledgePack> chosen) {
    if (who == null) {
      return null;
    }
    Packs.Cast partner = null;
    for (KnowledgePack p : chosen) {
      for (KnowledgePack.Relationship r : p.relationships()) {
        List<String> two = List.of(r.name().split("/"));
        if (!r.canon() || two.size() != 2 || !two.contains(who.name())) {
          continue;
        }
        String other = two.get(0).equals(who.name()) ? two.get(1) : two.get(0);
        for (KnowledgePack.Character c : p.characters()) {
          if (c.name().equals(other)) {
            if (partner != null) {
              return null;
            }
            partner = new Packs.Cast(p, c);
          }
        }
      }
    }
    return partner;
  }

  /** Whether the narration (outside quotations) of sentence {@code s} uses one of these words. */
  /**
   * The character the notes say tells the story: "mccoy pov", "Todoroki's POV", "POV: Dawn". A name
   * of the chosen packs' characters, in any case, right before "pov" or right after "pov:".
   */
  static Packs.Cast declaredTeller(String notes, List<KnowledgePack> chosen, Packs packs) {
    if (notes == null || notes.isBlank()) {
      return null;
    }
    Matcher pov = POV_NAMED.matcher(notes);
    while (pov.find()) {
      String said =
          (pov.group(1) != null ? pov.group(1) : pov.group(2)).strip().replaceAll("['’]s$", "");
      // "t. todoroki pov": the two words, or the last alone.
      for (String name : List.of(said, said.substring(said.lastIndexOf(' ') + 1))) {
        for (Packs.Cast c : packs.characters(name, chosen)) {
          if (chosen.contains(c.pack())) {
            return c;
          }
        }
      }
    }
    return null;
  }

  private static final Pattern POV_NAMED =
      Pattern.compile(
          "(?i)\\b([\\p{L}][\\p{L}'.-]*(?:\\s[\\p{L}][\\p{L}'.-]*)?)(?:'s)?\\s+p\\.?o\\.?v\\b"
              + "|\\bp\\.?o\\.?v\\.?\\s*[:\\-–]\\s*([\\p{L}][\\p{L}'.-]*(?:\\s[\\p{L}][\\p{L}'.-]*)?)");

  /**
   * Words spoken that are the name alone, called out ("Todoroki-kun?", "'Iruka-sensei,' he said."):
   * in a story told by "I", a name called that the narration never uses is the teller's.
   */
  private static boolean onlyTheName(TextModel m, int[] at) {
    int s = m.sentence[at[0]];
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      boolean name = t >= at[0] && t < at[1];
      if (!name
          && m.quoted[t]
          && Character.isLetterOrDigit(m.lower[t].charAt(0))
          && !CharacterFinder.HONORIFICS.contains(m.lower[t])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A line another speaks ("'Your what, Yaz?' she said."): a speech tag in the third person and
   * none of the teller's own words in the narration. In a story told by "I", a name someone else
   * calls out, which the narration never uses, is most often the teller's.
   */
  private static boolean spokenByAnother(TextModel m, int s, boolean first) {
    return narrationHas(m, s, THIRD) && !narrationHas(m, s, first ? Set.of("i") : SECOND);
  }

  private static final Set<String> THIRD = Set.of("he", "she", "they");

  private static boolean narrationHas(TextModel m, int s, Set<String> words) {
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      if (!m.quoted[t] && words.contains(m.lower[t])) {
        return true;
      }
    }
    return false;
  }
}
