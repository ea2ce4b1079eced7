package org.quire.analyse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds many phrases in a {@link TextModel} in one pass. The phrases form a trie over words, so
 * each token costs one hash lookup by its text, and a phrase's later words are looked up only where
 * its first word occurs: cost grows with the text, not with the number of phrases (common first
 * words such as "the" start hundreds of epithets). A phrase word ending in '*' matches any word it
 * starts ("kiss*" matches "kissed"), and a phrase word "_" after the first matches any one word
 * ("took _ hand"). Proper-name phrases match only where the text capitalises them too ("Will", not
 * "will"). A phrase never spans two sentences.
 *
 * <p>Phrases may be put in numbered groups, matched in the same pass but chosen apart, as if each
 * group had its own matcher: the fandom detector matches every pack's cast at once this way.
 *
 * @param <T> what a phrase stands for (a character, a lexicon category)
 */
final class PhraseMatcher<T> {
  /** A phrase: its words (lower-case), which of them must be capitalised, and its value. */
  record Phrase<T>(
      String[] words,
      boolean[] capital,
      boolean[] prefix,
      T value,
      String text,
      int group,
      int rank,
      boolean anyCapital) {
    int length() {
      return words.length;
    }
  }

  /** One match: tokens [from, to) and the phrase. */
  record Match<T>(int from, int to, Phrase<T> phrase) {}

  /** A trie node: the phrases ending here and the ways on, by word. */
  private static final class Node<T> {
    Map<String, Node<T>> next;
    Node<T> any; // "_"
    Map<Character, List<PrefixEdge<T>>> prefixes; // "kiss*", by first letter
    List<Phrase<T>> ends;
  }

  private record PrefixEdge<T>(String prefix, Node<T> node) {}

  private final Node<T> root = new Node<>();
  private int count;
  private int groups = 1;

  /**
   * @param phrase the words, e.g. "the little witch", "kiss*", "Red"
   * @param caseSensitive whether capitalised words must be capitalised in the text
   * @param value what the phrase stands for
   */
  void add(String phrase, boolean caseSensitive, T value) {
    add(phrase, caseSensitive, value, 0);
  }

  /** As {@link #add(String, boolean, Object)}, in a group (0 and up) chosen apart from others. */
  void add(String phrase, boolean caseSensitive, T value, int group) {
    List<String> words = new ArrayList<>();
    List<Boolean> capital = new ArrayList<>();
    List<Boolean> prefix = new ArrayList<>();
    // "_" and a lone "'s" are words of a phrase, though the tokeniser drops them from prose.
    for (String piece : phrase.strip().split("\\s+")) {
      if (piece.equals("_") || piece.equals("'s") || piece.equals("’s")) {
        words.add(piece.equals("_") ? "_" : "'s");
        capital.add(false);
        prefix.add(false);
        continue;
      }
      TextModel m = TextModel.of(piece.replace("*", "QQSTARQQ"));
      for (int i = 0; i < m.size; i++) {
        String w = m.lower[i];
        boolean star = w.endsWith("qqstarqq");
        words.add(star ? w.substring(0, w.length() - 8) : w);
        capital.add(caseSensitive && m.cap[i]);
        prefix.add(star);
      }
    }
    if (words.isEmpty()) {
      return;
    }
    add(words.toArray(String[]::new), toArray(capital), toArray(prefix), phrase, value, group);
  }

  private static boolean[] toArray(List<Boolean> l) {
    boolean[] a = new boolean[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  private void add(
      String[] words, boolean[] capital, boolean[] prefix, String phrase, T value, int group) {
    boolean anyCapital = false;
    for (boolean c : capital) {
      anyCapital |= c;
    }
    // Where two phrases of one length match at one place, the earlier added wins, those starting
    // with a whole word before those starting with a prefix (shorter prefixes first).
    int rank = count++;
    if (prefix[0]) {
      rank += (1 + Math.min(3, words[0].length())) << 24;
    }
    Phrase<T> p = new Phrase<>(words, capital, prefix, value, phrase, group, rank, anyCapital);
    groups = Math.max(groups, group + 1);
    Node<T> n = root;
    for (int k = 0; k < words.length; k++) {
      n = child(n, words[k], prefix[k], k > 0 && words[k].equals("_"));
    }
    if (n.ends == null) {
      n.ends = new ArrayList<>(1);
    }
    n.ends.add(p);
  }

  private static <T> Node<T> child(Node<T> n, String word, boolean prefix, boolean any) {
    if (any) {
      return n.any == null ? (n.any = new Node<>()) : n.any;
    }
    if (prefix && !word.isEmpty()) {
      if (n.prefixes == null) {
        n.prefixes = new HashMap<>();
      }
      List<PrefixEdge<T>> edges =
          n.prefixes.computeIfAbsent(word.charAt(0), c -> new ArrayList<>());
      for (PrefixEdge<T> e : edges) {
        if (e.prefix().equals(word)) {
          return e.node();
        }
      }
      PrefixEdge<T> e = new PrefixEdge<>(word, new Node<>());
      edges.add(e);
      return e.node();
    }
    if (n.next == null) {
      n.next = new HashMap<>();
    }
    return n.next.computeIfAbsent(word, w -> new Node<>());
  }

  /**
   * All matches, left to right; where phrases overlap at one start, the longest wins, and a match
   * hides shorter ones inside it.
   */
  List<Match<T>> findAll(TextModel m) {
    return findAllByGroup(m).getFirst();
  }

  /** {@link #findAll} for each group apart, as if each had its own matcher: index = group. */
  List<List<Match<T>>> findAllByGroup(TextModel m) {
    Longest<T> w = new Longest<>(groups);
    Node<T>[][] firstSteps = firstSteps(m);
    for (int i = 0; i < m.size; i++) {
      w.start(i);
      startAt(m, i, firstSteps, w);
      for (int k = 0; k < w.touchedCount; k++) {
        w.emit(w.touched[k]);
      }
    }
    return w.out;
  }

  /**
   * Every phrase matching at every start, not only the longest (for lexicons where all count): by
   * start, and at one start in the order the phrases were added.
   */
  List<Match<T>> everyMatch(TextModel m) {
    All<T> all = new All<>();
    Node<T>[][] firstSteps = firstSteps(m);
    for (int i = 0; i < m.size; i++) {
      int before = all.out.size();
      startAt(m, i, firstSteps, all);
      if (all.out.size() - before > 1) {
        all.out
            .subList(before, all.out.size())
            .sort((a, b) -> Integer.compare(a.phrase().rank(), b.phrase().rank()));
      }
    }
    return all.out;
  }

  /**
   * Room for the root's ways on by each of the model's distinct words, filled as words come up: a
   * word is looked up in the trie once per text, not at each of its tokens.
   */
  @SuppressWarnings("unchecked")
  private static <T> Node<T>[][] firstSteps(TextModel m) {
    return (Node<T>[][]) new Node<?>[m.vocabulary][];
  }

  /** Walks every phrase starting at token i. */
  private void startAt(TextModel m, int i, Node<T>[][] firstSteps, Sink<T> sink) {
    int id = m.word[i];
    Node<T>[] ways = firstSteps[id];
    if (ways == null) {
      ways = steps(root, m.words[id]);
      firstSteps[id] = ways;
    }
    for (Node<T> n : ways) {
      walk(m, i, i + 1, n, m.sentence[i], sink);
    }
  }

  /** The nodes a word leads to from n: its own edge and every prefix edge it starts with. */
  @SuppressWarnings("unchecked")
  private static <T> Node<T>[] steps(Node<T> n, String w) {
    List<Node<T>> out = new ArrayList<>(1);
    if (n.next != null) {
      Node<T> c = n.next.get(w);
      if (c != null) {
        out.add(c);
      }
    }
    if (n.any != null) {
      out.add(n.any);
    }
    if (n.prefixes != null && !w.isEmpty()) {
      List<PrefixEdge<T>> edges = n.prefixes.get(w.charAt(0));
      if (edges != null) {
        for (PrefixEdge<T> e : edges) {
          if (w.startsWith(e.prefix())) {
            out.add(e.node());
          }
        }
      }
    }
    return out.toArray((Node<T>[]) new Node<?>[out.size()]);
  }

  /** Receives the phrases matching at one start. */
  private interface Sink<T> {
    void found(int from, int to, Phrase<T> p);
  }

  /** Per group, the longest phrase at the current start, and the matches kept so far. */
  private static final class Longest<T> implements Sink<T> {
    final List<List<Match<T>>> out = new ArrayList<>();
    final int[] coveredTo;
    final Phrase<T>[] best;
    final int[] touched;
    int touchedCount;
    int from;

    @SuppressWarnings("unchecked")
    Longest(int groups) {
      for (int g = 0; g < groups; g++) {
        out.add(new ArrayList<>());
      }
      coveredTo = new int[groups];
      best = (Phrase<T>[]) new Phrase<?>[groups];
      touched = new int[groups];
    }

    void start(int i) {
      from = i;
      touchedCount = 0;
    }

    @Override
    public void found(int from, int to, Phrase<T> p) {
      int g = p.group();
      Phrase<T> b = best[g];
      if (b == null) {
        touched[touchedCount++] = g;
        best[g] = p;
      } else if (p.length() > b.length() || p.length() == b.length() && p.rank() < b.rank()) {
        best[g] = p;
      }
    }

    void emit(int g) {
      Phrase<T> p = best[g];
      best[g] = null;
      int to = from + p.length();
      if (to > coveredTo[g]) {
        out.get(g).add(new Match<>(from, to, p));
        coveredTo[g] = to;
      }
    }
  }

  private static final class All<T> implements Sink<T> {
    final List<Match<T>> out = new ArrayList<>(2);

    @Override
    public void found(int from, int to, Phrase<T> p) {
      out.add(new Match<>(from, to, p));
    }
  }

  /** Follows the trie from {@code n}, reached by tokens [from, t) of sentence {@code sent}. */
  private static <T> void walk(TextModel m, int from, int t, Node<T> n, int sent, Sink<T> sink) {
    if (n.ends != null) {
      for (Phrase<T> p : n.ends) {
        if (!p.anyCapital() || capitalised(m, from, p)) {
          sink.found(from, t, p);
        }
      }
    }
    if (t >= m.size || m.sentence[t] != sent) {
      return;
    }
    String w = m.lower[t];
    if (n.next != null) {
      Node<T> c = n.next.get(w);
      if (c != null) {
        walk(m, from, t + 1, c, sent, sink);
      }
    }
    if (n.any != null) {
      walk(m, from, t + 1, n.any, sent, sink);
    }
    if (n.prefixes != null && !w.isEmpty()) {
      List<PrefixEdge<T>> edges = n.prefixes.get(w.charAt(0));
      if (edges != null) {
        for (PrefixEdge<T> e : edges) {
          if (w.startsWith(e.prefix())) {
            walk(m, from, t + 1, e.node(), sent, sink);
          }
        }
      }
    }
  }

  private static <T> boolean capitalised(TextModel m, int from, Phrase<T> p) {
    for (int k = 0; k < p.length(); k++) {
      if (p.capital()[k] && !m.cap[from + k]) {
        return false;
      }
    }
    return true;
  }

  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
  }
}
