package org.quire.analyse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes people no knowledge pack knows: words the text always capitalises, even mid-sentence,
 * that recur, act like people (they speak, own things, do things) rather than places (they do not
 * follow "in", "at", "to"), and are not names of known characters. With no English NER model to
 * hand, these textual habits of names do the work.
 */
final class NewCharacterFinder {
  private NewCharacterFinder() {}

  /** A proposed character: display name, mention count, and the sentences it is named in. */
  record Candidate(String name, int mentions, List<Integer> sentences) {}

  private static final Set<String> STOP =
      Set.of(
          "i",
          "i'm",
          "i'd",
          "i'll",
          "i've",
          "god",
          "mom",
          "dad",
          "mum",
          "mama",
          "papa",
          "mr",
          "mrs",
          "ms",
          "dr",
          "sir",
          "miss",
          "madam",
          "captain",
          "professor",
          "lieutenant",
          "commander",
          "general",
          "sergeant",
          "doctor",
          "detective",
          "inspector",
          "agent",
          "director",
          "king",
          "queen",
          "prince",
          "princess",
          "lord",
          "lady",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "christmas",
          "easter",
          "halloween",
          "english",
          "american",
          "british",
          "french",
          "german",
          "earth",
          "heaven",
          "hell",
          "ok",
          "okay",
          "tv",
          "dear",
          "love",
          "yes",
          "no",
          "oh",
          "ah",
          "hey",
          "hi",
          "the",
          "a",
          "an",
          "and",
          "but",
          "or",
          "so",
          "then",
          "now",
          "well",
          "just",
          "not",
          "sorry",
          "please",
          "thanks",
          "thank",
          "what",
          "why",
          "how",
          "who",
          "where",
          "when");
  private static final Set<String> PLACE_WORDS =
      Set.of(
          "in", "at", "to", "from", "into", "near", "across", "toward", "towards", "through", "of",
          "on", "over");
  private static final Set<String> PERSON_AFTER =
      Set.of(
          "said",
          "asked",
          "replied",
          "whispered",
          "shouted",
          "smiled",
          "laughed",
          "looked",
          "nodded",
          "sighed",
          "was",
          "had",
          "would",
          "could",
          "did",
          "felt",
          "thought",
          "knew",
          "turned",
          "stood",
          "sat",
          "walked",
          "took",
          "put",
          "held",
          "pulled",
          "kissed",
          "told",
          "went",
          "came",
          "'s");

  static List<Candidate> find(TextModel m, Set<String> knownWords) {
    Set<String> lowerSeen = new HashSet<>();
    for (int t = 0; t < m.size; t++) {
      if (!m.cap[t]) {
        lowerSeen.add(m.lower[t]);
      }
    }
    // Words capitalised mid-sentence somewhere: names, not sentence-opening words.
    Set<String> named = new HashSet<>();
    for (int t = 0; t < m.size; t++) {
      if (m.cap[t] && !m.sentenceInitial(t)) {
        named.add(m.lower[t]);
      }
    }
    Map<String, Integer> midSentence = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> person = new HashMap<>();
    Map<String, Integer> place = new HashMap<>();
    Map<String, String> shown = new HashMap<>();
    Map<String, List<Integer>> sentences = new LinkedHashMap<>();
    for (int t = 0; t < m.size; t++) {
      String w = m.lower[t];
      if (!m.cap[t]
          || w.length() < 2
          || STOP.contains(w)
          || knownWords.contains(w)
          || lowerSeen.contains(w)
          || !Character.isLetter(w.charAt(0))) {
        continue;
      }
      total.merge(w, 1, Integer::sum);
      if (!m.sentenceInitial(t)) {
        midSentence.merge(w, 1, Integer::sum);
      }
      if (t + 1 < m.size
          && m.sentence[t + 1] == m.sentence[t]
          && PERSON_AFTER.contains(m.lower[t + 1])) {
        person.merge(w, 1, Integer::sum);
      }
      if (t > 0 && m.sentence[t - 1] == m.sentence[t] && PLACE_WORDS.contains(m.lower[t - 1])) {
        place.merge(w, 1, Integer::sum);
      }
      // "Donna Hanscum": a capitalised word straight after is the surname.
      String display = m.partOfSentence(m.sentence[t]).text().substring(m.start[t], m.end[t]);
      // (Not "Later Corwin": the first word must be a name too, seen mid-sentence somewhere.)
      if (named.contains(w)
          && t + 1 < m.size
          && m.cap[t + 1]
          && m.sentence[t + 1] == m.sentence[t]
          && !m.lower[t + 1].equals("'s")
          && !lowerSeen.contains(m.lower[t + 1])
          && !knownWords.contains(m.lower[t + 1])
          && !STOP.contains(m.lower[t + 1])
          && m.start[t + 1] == m.end[t] + 1) {
        display =
            display
                + " "
                + m.partOfSentence(m.sentence[t]).text().substring(m.start[t + 1], m.end[t + 1]);
      }
      if (!shown.containsKey(w) || display.length() > shown.get(w).length()) {
        shown.put(w, display);
      }
      sentences.computeIfAbsent(w, k -> new ArrayList<>()).add(m.sentence[t]);
    }
    List<Candidate> out = new ArrayList<>();
    Set<String> surnames = new HashSet<>();
    for (String w : total.keySet()) {
      String s = shown.get(w);
      if (s.contains(" ")) {
        surnames.add(s.substring(s.indexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Map.Entry<String, Integer> e : total.entrySet()) {
      String w = e.getKey();
      int n = e.getValue();
      int actsLikePerson = person.getOrDefault(w, 0);
      boolean placeLike = place.getOrDefault(w, 0) * 2 >= n;
      if (surnames.contains(w)
          || placeLike
          || n < 3
          || midSentence.getOrDefault(w, 0) < 1
          || actsLikePerson < 1) {
        continue;
      }
      out.add(new Candidate(shown.get(w), n, sentences.get(w)));
    }
    out.sort((a, b) -> b.mentions() - a.mentions());
    return out.size() > 5 ? out.subList(0, 5) : out;
  }
}
