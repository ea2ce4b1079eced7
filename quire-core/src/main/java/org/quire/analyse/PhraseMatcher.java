package org.quire.analyse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds many phrases in a {@link TextModel} in one pass: each token is looked up by its text in a
 * hash map of phrases starting with it, so cost grows with the text, not with the number of
 * phrases. A phrase word ending in '*' matches any word it starts ("kiss*" matches "kissed"), and a
 * phrase word "_" matches any one word ("took _ hand"). Proper-name phrases match only where the
 * text capitalises them too ("Will", not "will").
 *
 * @param <T> what a phrase stands for (a character, a lexicon category)
 */
final class PhraseMatcher<T> {
  /** A phrase: its words (lower-case), which of them must be capitalised, and its value. */
  record Phrase<T>(String[] words, boolean[] capital, boolean[] prefix, T value, String text) {
    int length() {
      return words.length;
    }
  }

  /** One match: tokens [from, to) and the phrase. */
  record Match<T>(int from, int to, Phrase<T> phrase) {}

  private final Map<String, List<Phrase<T>>> exact = new HashMap<>();
  private final Map<String, List<Phrase<T>>> byPrefix = new HashMap<>();

  /**
   * @param phrase the words, e.g. "the little witch", "kiss*", "Red"
   * @param caseSensitive whether capitalised words must be capitalised in the text
   * @param value what the phrase stands for
   */
  void add(String phrase, boolean caseSensitive, T value) {
    TextModel m = TextModel.of(phrase.replace("*", "QQSTARQQ"));
    if (m.size == 0) {
      return;
    }
    String[] words = new String[m.size];
    boolean[] capital = new boolean[m.size];
    boolean[] prefix = new boolean[m.size];
    for (int i = 0; i < m.size; i++) {
      String w = m.lower[i];
      if (w.endsWith("qqstarqq")) {
        w = w.substring(0, w.length() - 8);
        prefix[i] = true;
      }
      words[i] = w;
      capital[i] = caseSensitive && m.cap[i];
    }
    Phrase<T> p = new Phrase<>(words, capital, prefix, value, phrase);
    if (prefix[0]) {
      byPrefix.computeIfAbsent(key(words[0]), k -> new ArrayList<>()).add(p);
    } else {
      exact.computeIfAbsent(words[0], k -> new ArrayList<>()).add(p);
    }
  }

  private static String key(String w) {
    return w.length() <= 3 ? w : w.substring(0, 3);
  }

  /**
   * All matches, left to right; where phrases overlap at one start, the longest wins, and a match
   * hides shorter ones inside it.
   */
  List<Match<T>> findAll(TextModel m) {
    List<Match<T>> out = new ArrayList<>();
    int coveredTo = 0;
    for (int i = 0; i < m.size; i++) {
      Match<T> best = null;
      best = longest(m, i, exact.get(m.lower[i]), best);
      if (!byPrefix.isEmpty()) {
        String w = m.lower[i];
        for (int k = 1; k <= Math.min(3, w.length()); k++) {
          best = longest(m, i, byPrefix.get(w.substring(0, k)), best);
        }
      }
      if (best != null && i >= coveredTo) {
        out.add(best);
        coveredTo = best.to();
      } else if (best != null && best.to() > coveredTo) {
        out.add(best);
        coveredTo = best.to();
      }
    }
    return out;
  }

  /** Every phrase matching at token i, not only the longest (for lexicons where all count). */
  List<Match<T>> allAt(TextModel m, int i) {
    List<Match<T>> out = new ArrayList<>();
    collect(m, i, exact.get(m.lower[i]), out);
    String w = m.lower[i];
    for (int k = 1; k <= Math.min(3, w.length()); k++) {
      collect(m, i, byPrefix.get(w.substring(0, k)), out);
    }
    return out;
  }

  private void collect(TextModel m, int i, List<Phrase<T>> candidates, List<Match<T>> out) {
    if (candidates == null) {
      return;
    }
    for (Phrase<T> p : candidates) {
      if (matches(m, i, p)) {
        out.add(new Match<>(i, i + p.length(), p));
      }
    }
  }

  private Match<T> longest(TextModel m, int i, List<Phrase<T>> candidates, Match<T> best) {
    if (candidates == null) {
      return best;
    }
    for (Phrase<T> p : candidates) {
      if ((best == null || p.length() > best.phrase().length()) && matches(m, i, p)) {
        best = new Match<>(i, i + p.length(), p);
      }
    }
    return best;
  }

  private static <T> boolean matches(TextModel m, int i, Phrase<T> p) {
    int n = p.length();
    if (i + n > m.size) {
      return false;
    }
    int sent = m.sentence[i];
    for (int k = 0; k < n; k++) {
      int t = i + k;
      if (m.sentence[t] != sent) {
        return false;
      }
      String w = m.lower[t];
      if (p.words()[k].equals("_")) {
        continue; // "took _ hand": any one word
      }
      if (p.prefix()[k] ? !w.startsWith(p.words()[k]) : !w.equals(p.words()[k])) {
        return false;
      }
      if (p.capital()[k] && !m.cap[t]) {
        return false;
      }
    }
    return true;
  }

  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
  }
}
