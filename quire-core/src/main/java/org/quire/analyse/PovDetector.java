package org.quire.analyse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Point of view and tense from the narration (dialogue left out): first person when "I" and "my"
 * carry the narration, second when "you" does, else third; and for third person, whose thoughts the
 * narration follows, paragraph by paragraph, so that alternating viewpoints show.
 */
final class PovDetector {
  private PovDetector() {}

  /**
   * @param person "first", "second" or "third"
   * @param tense "past" or "present"
   * @param focal the characters whose thoughts the narration follows, most followed first
   * @param alternating whether the viewpoint switches between them
   */
  record Pov(String person, String tense, List<CharacterFinder.Found> focal, boolean alternating) {
    String describe() {
      StringBuilder sb = new StringBuilder(person + " person");
      if (person.equals("third") && !focal.isEmpty()) {
        sb.append(alternating ? ", alternating (" : " limited (");
        for (int i = 0; i < focal.size() && i < (alternating ? 3 : 1); i++) {
          sb.append(i == 0 ? "" : ", ").append(focal.get(i).name());
        }
        sb.append(')');
      }
      return sb.append(", ").append(tense).append(" tense").toString();
    }
  }

  private static final Set<String> FIRST =
      Set.of("i", "me", "my", "mine", "myself", "i'm", "i'd", "i'll", "i've");
  private static final Set<String> SECOND =
      Set.of("you", "your", "yours", "yourself", "you're", "you'd", "you'll", "you've");
  private static final Set<String> THIRD =
      Set.of("he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "them");
  private static final Set<String> PAST =
      Set.of(
          "was", "were", "had", "did", "said", "thought", "went", "came", "looked", "felt", "knew",
          "wasn't", "weren't", "hadn't", "didn't");
  private static final Set<String> PRESENT =
      Set.of(
          "is", "are", "has", "does", "says", "thinks", "goes", "comes", "looks", "feels", "knows",
          "isn't", "aren't", "hasn't", "doesn't", "am");
  private static final Set<String> COGNITION =
      Set.of(
          "thought",
          "felt",
          "knew",
          "wondered",
          "realized",
          "realised",
          "remembered",
          "recalled",
          "wanted",
          "hoped",
          "decided",
          "noticed",
          "couldn't",
          "could",
          "didn't",
          "feared",
          "missed",
          "needed",
          "sensed",
          "imagined",
          "understood",
          "worried",
          "wished",
          "watched",
          "saw",
          "heard",
          "smelled",
          "expected",
          "believed",
          "liked",
          "loved",
          "hated",
          "thinks",
          "feels",
          "knows",
          "wonders");

  static Pov detect(TextModel m, List<CharacterFinder.Found> chars) {
    int first = 0;
    int second = 0;
    int third = 0;
    int past = 0;
    int present = 0;
    // Each distinct word is classed once, not at every token.
    byte[] kind = new byte[m.vocabulary];
    for (int v = 0; v < m.vocabulary; v++) {
      String w = m.words[v];
      int person = FIRST.contains(w) ? 1 : SECOND.contains(w) ? 2 : THIRD.contains(w) ? 3 : 0;
      int tense = PAST.contains(w) ? 4 : PRESENT.contains(w) ? 8 : 0;
      kind[v] = (byte) (person | tense);
    }
    for (int t = 0; t < m.size; t++) {
      if (m.quoted[t]) {
        continue;
      }
      int k = kind[m.word[t]];
      switch (k & 3) {
        case 1 -> first++;
        case 2 -> second++;
        case 3 -> third++;
        default -> {}
      }
      if ((k & 4) != 0) {
        past++;
      } else if ((k & 8) != 0) {
        present++;
      }
    }
    String person =
        // A teller who watches others ("I said", then a page of what he did) says "I" less than
        // "he" and "she", but still says it again and again.
        first >= 0.5 * third && first >= 3 || first >= 0.25 * third && first >= 10
            ? "first"
            : second >= 0.5 * third && second >= 3 ? "second" : "third";
    String tense = present > past ? "present" : "past";
    List<CharacterFinder.Found> focal = new ArrayList<>();
    boolean alternating = false;
    if (person.equals("third")) {
      List<CharacterFinder.Found> byParagraph = focalByParagraph(m, chars);
      // In order of first appearance: ties go the same way on every run (Found has no hash of its
      // own, so a hash map's order would change with memory layout, and so would the tags).
      Map<CharacterFinder.Found, Integer> counts = new LinkedHashMap<>();
      CharacterFinder.Found prev = null;
      int switches = 0;
      for (CharacterFinder.Found f : byParagraph) {
        if (f == null) {
          continue;
        }
        counts.merge(f, 1, Integer::sum);
        if (prev != null && prev != f) {
          switches++;
        }
        prev = f;
      }
      counts.forEach((f, n) -> f.focal = n);
      int all = counts.values().stream().mapToInt(Integer::intValue).sum();
      // A character followed in a paragraph or two of many is not a viewpoint character.
      counts.forEach(
          (f, n) -> {
            if (n * 100 >= all * 15) {
              focal.add(f);
            }
          });
      focal.sort((a, b) -> counts.get(b) - counts.get(a));
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      alternating = focal.size() >= 2 && switches >= 2 && counts.get(focal.get(1)) * 4 >= total;
    }
    return new Pov(person, tense, focal, alternating);
  }

  /**
   * For each paragraph, the character who thinks, feels or notices in it: named as the subject of a
   * verb of perception or thought, or referred to by a pronoun after being named.
   */
  private static List<CharacterFinder.Found> focalByParagraph(
      TextModel m, List<CharacterFinder.Found> chars) {
    CharacterFinder.Found[] atToken = new CharacterFinder.Found[m.size];
    for (CharacterFinder.Found f : chars) {
      for (int[] x : f.mentions) {
        atToken[x[0]] = f;
      }
    }
    boolean[] cognition = new boolean[m.vocabulary];
    for (int v = 0; v < m.vocabulary; v++) {
      cognition[v] = COGNITION.contains(m.words[v]);
    }
    List<CharacterFinder.Found> out = new ArrayList<>();
    // In order of first appearance, so that of two equal scores the one named first wins.
    Map<CharacterFinder.Found, Double> score = new LinkedHashMap<>();
    CharacterFinder.Found lastFemale = null;
    CharacterFinder.Found lastMale = null;
    int para = -1;
    for (int t = 0; t < m.size; t++) {
      int p = m.sentParagraph[m.sentence[t]];
      if (p != para) {
        out.add(best(score));
        score.clear();
        para = p;
      }
      CharacterFinder.Found f = atToken[t];
      if (f != null) {
        if (f.gender().equals("female")) {
          lastFemale = f;
        } else if (f.gender().equals("male")) {
          lastMale = f;
        }
        score.merge(f, 0.2, Double::sum);
      }
      if (m.quoted[t] || t + 1 >= m.size) {
        continue;
      }
      if (!cognition[m.word[t + 1]]) {
        continue;
      }
      CharacterFinder.Found subject = f;
      if (subject == null && (m.lower[t].equals("she") || m.lower[t].equals("her"))) {
        subject = lastFemale;
      } else if (subject == null && (m.lower[t].equals("he") || m.lower[t].equals("his"))) {
        subject = lastMale;
      }
      if (subject != null) {
        score.merge(subject, 1.0, Double::sum);
      }
    }
    out.add(best(score));
    return out;
  }

  private static CharacterFinder.Found best(Map<CharacterFinder.Found, Double> score) {
    CharacterFinder.Found best = null;
    double top = 0.9;
    for (Map.Entry<CharacterFinder.Found, Double> e : score.entrySet()) {
      if (e.getValue() > top) {
        top = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }
}
