package org.quire.analyse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds romantic ("/") and platonic ("&amp;") relationships from cues between two characters. Where
 * a cue names only one character, the other is found through a pronoun of the right gender ("Spike
 * placed gentle kisses on her neck": the last woman named), and failing that, through the paragraph
 * around it, with less weight.
 */
final class RelationshipFinder {

  /** Evidence for one pair. */
  static final class Pair {
    final CharacterFinder.Found a;
    final CharacterFinder.Found b;
    double romantic;
    double platonic;
    final List<Integer> romanticSentences = new ArrayList<>();
    final List<Integer> platonicSentences = new ArrayList<>();

    Pair(CharacterFinder.Found a, CharacterFinder.Found b) {
      this.a = a;
      this.b = b;
    }
  }

  private static final Set<String> FEMALE = Set.of("she", "her", "hers", "herself");
  private static final Set<String> MALE = Set.of("he", "him", "his", "himself");
  private static final Set<String> PLURAL =
      Set.of("they", "them", "their", "themselves", "both", "each");

  static List<Pair> find(
      TextModel m, List<CharacterFinder.Found> chars, Map<String, List<Lexicon.Hit>> hits) {
    return find(m, chars, hits, null);
  }

  /**
   * The pairs, with the story's teller (or null): in a story told by "I", the teller is one of
   * whoever a "he" or "she" kisses.
   */
  static List<Pair> find(
      TextModel m,
      List<CharacterFinder.Found> chars,
      Map<String, List<Lexicon.Hit>> hits,
      CharacterFinder.Found teller) {
    // Who is named in each sentence, in order.
    Map<Integer, List<CharacterFinder.Found>> bySentence = new HashMap<>();
    for (CharacterFinder.Found f : chars) {
      for (int s : f.sentences) {
        List<CharacterFinder.Found> l = bySentence.computeIfAbsent(s, k -> new ArrayList<>());
        if (!l.contains(f)) {
          l.add(f);
        }
      }
    }
    Map<String, Pair> pairs = new LinkedHashMap<>();
    // The two most prominent characters, when both are on the page: whom an unnamed "he" and
    // "she" most likely are (chars come most prominent first).
    List<CharacterFinder.Found> leads =
        chars.size() >= 2 && chars.get(0).present() && chars.get(1).present()
            ? chars.subList(0, 2)
            : List.of();
    Cues cues =
        new Cues(
            m, bySentence, pairs, leads, teller != null && leads.contains(teller) ? teller : null);
    cues.score(hits.get("romantic_cues"), true, 1.0);
    // Holding hands is what lovers do, and also friends at a deathbed: less weight than a kiss.
    cues.score(hits.getOrDefault("hand_cues", List.of()), true, 0.7);
    // A bed two people share, told in passing ("their bed", "her side of the bed"): a couple's
    // domestic life, weaker than a kiss; twice between the leads is a romance.
    cues.score(hits.getOrDefault("shared_bed", List.of()), true, 0.5);
    cues.score(hits.get("platonic_cues"), false, 1.0);
    partners(m, chars, pairs);
    return new ArrayList<>(pairs.values());
  }

  private static final Set<String> COPULA =
      Set.of("is", "was", "were", "are", "been", "be", "being", "became", "becomes");

  /**
   * "Cho had been Harry's girlfriend": the partner is the sentence's subject, not a name after it;
   * left alone.
   */
  private static boolean copulaBefore(TextModel m, int t) {
    for (int k = m.sentFirst[m.sentence[t]]; k < t; k++) {
      if (COPULA.contains(m.lower[k])) {
        return true;
      }
    }
    return false;
  }

  /** Words naming someone's partner, and the partner's gender. */
  private static final Map<String, String> PARTNER_WORDS =
      Map.of(
          "girlfriend", "f",
          "wife", "f",
          "fiancée", "f",
          "fiancee", "f",
          "boyfriend", "m",
          "husband", "m",
          "fiancé", "m",
          "fiance", "m");

  /**
   * A partner named as one, the way a background pairing is told in passing: "Visiting his
   * girlfriend. Temari's got him carrying her shopping", "Sam's wife, Jess". The owner is the name
   * just before ("Sam's") or the nearest one before that "his"/"her" can be; the partner the first
   * name after, in that sentence or the next, of the partner's gender. As strong as a side romance
   * needs: the story says they are a couple.
   */
  private static void partners(
      TextModel m, List<CharacterFinder.Found> chars, Map<String, Pair> pairs) {
    CharacterFinder.Found[] at = new CharacterFinder.Found[m.size];
    for (CharacterFinder.Found f : chars) {
      for (int[] t : f.mentions) {
        for (int k = t[0]; k < t[1] && k < m.size; k++) {
          at[k] = f;
        }
      }
    }
    for (int t = 1; t < m.size; t++) {
      String partnerGender = PARTNER_WORDS.get(m.lower[t]);
      if (partnerGender == null) {
        continue;
      }
      int s = m.sentence[t];
      CharacterFinder.Found owner = at[t - 1];
      if (owner == null && t >= 2 && (m.lower[t - 1].equals("'s") || m.lower[t - 1].equals("’s"))) {
        owner = at[t - 2];
      }
      if (owner == null || copulaBefore(m, t)) {
        continue;
      }
      // "Sam's wife, Jess", or the next sentence opening with her. Not any name further on.
      for (int k = t + 1; k < m.size && k < t + 60 && m.sentence[k] <= s + 1; k++) {
        boolean named = k <= t + 2 || m.sentence[k] == s + 1 && m.sentenceInitial(k);
        CharacterFinder.Found f = at[k];
        if (named && f != null && f != owner && f.gender().startsWith(partnerGender)) {
          add(pairs, owner, f, true, 1.6, s);
          break;
        }
        if (m.sentence[k] == s + 1 && !m.sentenceInitial(k)) {
          break;
        }
      }
    }
  }

  private record Cues(
      TextModel m,
      Map<Integer, List<CharacterFinder.Found>> bySentence,
      Map<String, Pair> pairs,
      List<CharacterFinder.Found> leads,
      CharacterFinder.Found teller) {

    /** Scores each cue (one per sentence) for the pair of characters it is between. */
    void score(List<Lexicon.Hit> cues, boolean romantic, double weight) {
      int lastSentence = -1;
      for (Lexicon.Hit h : cues) {
        int s = m.sentence[h.from()];
        if (s == lastSentence || h.negated()) {
          continue; // one cue per sentence is enough; denied love is not evidence
        }
        lastSentence = s;
        // "might be in love with her" is weaker than "kissed her", but still says something.
        double scale = weight * (h.hypothetical() ? 0.5 : 1.0);
        List<CharacterFinder.Found> named = bySentence.getOrDefault(s, List.of());
        CharacterFinder.Found[] around = named.size() > 2 ? around(m, s, h, named) : null;
        if (around != null) {
          // "Nina bent and kissed the top of Maggie's head, the way Muriel had once seen…": the
          // names on either side of the cue are the two it is between.
          add(pairs, around[0], around[1], romantic, scale, s);
        } else if (named.size() >= 2) {
          for (int i = 0; i < named.size(); i++) {
            for (int j = i + 1; j < named.size(); j++) {
              add(
                  pairs,
                  named.get(i),
                  named.get(j),
                  romantic,
                  scale * (named.size() == 2 ? 1.0 : 0.6),
                  s);
            }
          }
        } else if (named.isEmpty()) {
          // "She kissed him": the leads when they are a woman and a man, or "he kissed him" when
          // they are two men; else the last woman and the last man named, if both are near.
          CharacterFinder.Found[] two = leadsByPronouns(m, s, leads, bySentence);
          if (two == null
              && s + 1 < m.sentences
              && m.sentParagraph[s + 1] == m.sentParagraph[s]
              && noPronounIn(m, s)) {
            // "It was a bad kiss. Angled wrong, his mouth cold, her nose squashed…": a cue with
            // no one in its sentence belongs to the people of the next.
            two = leadsByPronouns(m, s + 1, leads, bySentence);
          }
          if (two == null && teller != null) {
            two = withTeller(m, s, h.from(), leads, teller, bySentence);
          }
          if (two == null) {
            two = byPronouns(m, s, bySentence);
          }
          if (two == null) {
            two = lastTwo(m, s, bySentence);
          }
          if (two != null) {
            add(pairs, two[0], two[1], romantic, scale * 0.6, s);
          }
        } else if (named.size() == 1) {
          CharacterFinder.Found x = named.getFirst();
          // "Ron kissed her", Ron a lead: the other lead, if a pronoun fits them.
          CharacterFinder.Found other = otherLead(m, s, x, leads);
          if (other == null) {
            other = byPronoun(m, s, x, bySentence);
          }
          CharacterFinder.Found[] two = x.present() ? null : lastTwo(m, s, bySentence);
          if (two != null) {
            // "By the time Agnes's prophecy came true, they had been married": the name is a
            // mention, "they" are the two people the story has been following.
            add(pairs, two[0], two[1], romantic, scale * 0.6, s);
          } else if (other != null) {
            add(pairs, x, other, romantic, scale * 0.8, s);
          } else {
            CharacterFinder.Found near = nearestInParagraph(m, s, x, bySentence);
            if (near != null) {
              add(pairs, x, near, romantic, scale * 0.3, s);
            }
          }
        }
      }
    }
  }

  /**
   * The character named last before the cue and the one named first after it in sentence {@code s},
   * when they are two different people; else null.
   */
  private static CharacterFinder.Found[] around(
      TextModel m, int s, Lexicon.Hit h, List<CharacterFinder.Found> named) {
    CharacterFinder.Found before = null;
    CharacterFinder.Found after = null;
    int beforeAt = -1;
    int afterAt = Integer.MAX_VALUE;
    for (CharacterFinder.Found f : named) {
      for (int[] mention : f.mentions) {
        if (m.sentence[mention[0]] != s) {
          continue;
        }
        if (mention[1] <= h.from() && mention[0] > beforeAt) {
          beforeAt = mention[0];
          before = f;
        } else if (mention[0] >= h.to() && mention[0] < afterAt) {
          afterAt = mention[0];
          after = f;
        }
      }
    }
    return before != null && after != null && before != after
        ? new CharacterFinder.Found[] {before, after}
        : null;
  }

  /**
   * The two leads, when the sentence's pronouns fit them: "she" and "he" for a woman and a man, two
   * of one gender's pronouns ("he ... him") for two men or two women; else null.
   */
  static CharacterFinder.Found[] leadsByPronouns(
      TextModel m,
      int s,
      List<CharacterFinder.Found> leads,
      Map<Integer, List<CharacterFinder.Found>> bySentence) {
    if (leads.size() != 2 || !namedLately(s, leads, bySentence)) {
      return null;
    }
    int female = 0;
    int male = 0;
    boolean him = false;
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      female += FEMALE.contains(m.lower[t]) ? 1 : 0;
      male += MALE.contains(m.lower[t]) ? 1 : 0;
      him |= m.lower[t].equals("him");
    }
    String g0 = leads.get(0).gender();
    String g1 = leads.get(1).gender();
    // Two of one gender need someone done to ("he kissed him"): "his boyfriend took his arm"
    // may be anyone's.
    boolean fits =
        g0.equals(g1)
            ? g0.equals("female") && female >= 2 && hasObjectHer(m, s)
                || g0.equals("male") && male >= 2 && him
            : female >= 1
                && male >= 1
                && (g0.equals("female") && g1.equals("male")
                    || g0.equals("male") && g1.equals("female"));
    return fits ? new CharacterFinder.Found[] {leads.get(0), leads.get(1)} : null;
  }

  /**
   * "He kissed like he washed up", told by "I" whose story is about the two of them: the teller and
   * the other lead, when the cue's subject is the other lead's "he" or "she" and no pronoun of the
   * other gender is in the sentence ("The Pellish loved him" is not the teller's).
   */
  private static CharacterFinder.Found[] withTeller(
      TextModel m,
      int s,
      int cue,
      List<CharacterFinder.Found> leads,
      CharacterFinder.Found teller,
      Map<Integer, List<CharacterFinder.Found>> bySentence) {
    CharacterFinder.Found other = leads.get(0) == teller ? leads.get(1) : leads.get(0);
    if (!namedLately(s, List.of(other), bySentence)) {
      return null;
    }
    String subject = other.gender().equals("female") ? "she" : "he";
    Set<String> not = other.gender().equals("female") ? MALE : FEMALE;
    boolean fits = false;
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      if (not.contains(m.lower[t])) {
        return null;
      }
      fits |= t < cue && t >= cue - 3 && m.lower[t].equals(subject) && !m.quoted[t];
    }
    return fits ? new CharacterFinder.Found[] {teller, other} : null;
  }

  /** Whether the sentence has no third-person pronoun of a person at all. */
  private static boolean noPronounIn(TextModel m, int s) {
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      if (FEMALE.contains(m.lower[t]) || MALE.contains(m.lower[t])) {
        return false;
      }
    }
    return true;
  }

  /**
   * "Her" as an object: punctuation or the sentence's end right after it ("kissed her."), not a
   * word it could own ("her hand").
   */
  private static boolean hasObjectHer(TextModel m, int s) {
    String text = m.partOfSentence(s).text();
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      if (m.lower[t].equals("her")
          && (m.end[t] >= text.length() || !Character.isWhitespace(text.charAt(m.end[t])))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether "she" and "he" are still the leads: a lead named in the sentence or the ten before it,
   * or, in a long unnamed stretch of a two-hander, the last sentence naming anyone (up to forty
   * back) naming a lead — nobody else has come on since.
   */
  private static boolean namedLately(
      int s,
      List<CharacterFinder.Found> leads,
      Map<Integer, List<CharacterFinder.Found>> bySentence) {
    for (int back = s; back >= Math.max(0, s - 40); back--) {
      List<CharacterFinder.Found> named = bySentence.get(back);
      if (named == null || named.isEmpty()) {
        continue;
      }
      boolean lead = named.stream().anyMatch(leads::contains);
      if (lead || back < s - 10) {
        return lead;
      }
    }
    return false;
  }

  /** When {@code x} is a lead: the other lead, if a pronoun in the sentence fits them. */
  private static CharacterFinder.Found otherLead(
      TextModel m, int s, CharacterFinder.Found x, List<CharacterFinder.Found> leads) {
    if (leads.size() != 2 || !leads.contains(x)) {
      return null;
    }
    CharacterFinder.Found other = leads.get(0) == x ? leads.get(1) : leads.get(0);
    // Of the lead's own gender, only an object ("Dean kissed him"): "his" is likely his own.
    boolean same = other.gender().equals(x.gender());
    if (same && other.gender().equals("female")) {
      return hasObjectHer(m, s) ? other : null;
    }
    Set<String> pronouns =
        switch (other.gender()) {
          case "female" -> FEMALE;
          case "male" -> same ? Set.of("him") : MALE;
          default -> Set.of();
        };
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      if (pronouns.contains(m.lower[t])) {
        return other;
      }
    }
    return null;
  }

  /** The last-named other character whose gender matches a pronoun in the sentence. */
  private static CharacterFinder.Found byPronoun(
      TextModel m,
      int s,
      CharacterFinder.Found x,
      Map<Integer, List<CharacterFinder.Found>> bySentence) {
    boolean female = false;
    boolean male = false;
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      female |= FEMALE.contains(m.lower[t]);
      male |= MALE.contains(m.lower[t]);
    }
    for (int back = s; back >= Math.max(0, s - 8); back--) {
      for (CharacterFinder.Found f : bySentence.getOrDefault(back, List.of()).reversed()) {
        if (f == x) {
          continue;
        }
        if (female && f.gender().equals("female") || male && f.gender().equals("male")) {
          return f;
        }
      }
    }
    return null;
  }

  /** For a sentence naming nobody: the last-named characters matching its two pronoun genders. */
  private static CharacterFinder.Found[] byPronouns(
      TextModel m, int s, Map<Integer, List<CharacterFinder.Found>> bySentence) {
    boolean female = false;
    boolean male = false;
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      female |= FEMALE.contains(m.lower[t]);
      male |= MALE.contains(m.lower[t]);
    }
    if (!female || !male) {
      return null;
    }
    CharacterFinder.Found f = null;
    CharacterFinder.Found mm = null;
    for (int back = s - 1; back >= Math.max(0, s - 10) && (f == null || mm == null); back--) {
      for (CharacterFinder.Found c : bySentence.getOrDefault(back, List.of()).reversed()) {
        if (f == null && c.gender().equals("female")) {
          f = c;
        } else if (mm == null && c.gender().equals("male")) {
          mm = c;
        }
      }
    }
    return f != null && mm != null ? new CharacterFinder.Found[] {f, mm} : null;
  }

  /** "They had been married": the last two characters named, when the sentence says "they". */
  private static CharacterFinder.Found[] lastTwo(
      TextModel m, int s, Map<Integer, List<CharacterFinder.Found>> bySentence) {
    boolean plural = false;
    for (int t = m.sentFirst[s]; t < m.sentEnd[s]; t++) {
      plural |= PLURAL.contains(m.lower[t]);
    }
    if (!plural) {
      return null;
    }
    List<CharacterFinder.Found> seen = new ArrayList<>();
    for (int back = s - 1; back >= Math.max(0, s - 10) && seen.size() < 2; back--) {
      for (CharacterFinder.Found c : bySentence.getOrDefault(back, List.of()).reversed()) {
        // "They" act; a character only mentioned in passing is not one of them.
        if (!seen.contains(c) && seen.size() < 2 && c.present()) {
          seen.add(c);
        }
      }
    }
    return seen.size() == 2 ? new CharacterFinder.Found[] {seen.get(0), seen.get(1)} : null;
  }

  /** The other character named closest to the sentence within its paragraph or the one before. */
  private static CharacterFinder.Found nearestInParagraph(
      TextModel m,
      int s,
      CharacterFinder.Found x,
      Map<Integer, List<CharacterFinder.Found>> bySentence) {
    int para = m.sentParagraph[s];
    for (int d = 1; d <= 6; d++) {
      for (int cand : new int[] {s - d, s + d}) {
        if (cand < 0
            || cand >= m.sentences
            || m.sentParagraph[cand] < para - 1
            || m.sentParagraph[cand] > para) {
          continue;
        }
        for (CharacterFinder.Found f : bySentence.getOrDefault(cand, List.of())) {
          if (f != x) {
            return f;
          }
        }
      }
    }
    return null;
  }

  private static void add(
      Map<String, Pair> pairs,
      CharacterFinder.Found a,
      CharacterFinder.Found b,
      boolean romantic,
      double w,
      int s) {
    if (a == b) {
      return;
    }
    CharacterFinder.Found first = a.name().compareTo(b.name()) <= 0 ? a : b;
    CharacterFinder.Found second = first == a ? b : a;
    Pair p =
        pairs.computeIfAbsent(
            first.name() + "\u0000" + second.name(), k -> new Pair(first, second));
    if (romantic) {
      p.romantic += w;
      p.romanticSentences.add(s);
    } else {
      p.platonic += w;
      p.platonicSentences.add(s);
    }
  }
}
