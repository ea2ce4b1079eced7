package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The phrase trie finds exactly what checking every phrase at every token finds: the same longest
 * match at each start (ties to the phrase added first, whole first words before prefixes), the same
 * hiding of shorter matches, the same lists of every match; and groups matched in one pass find
 * what separate matchers find.
 */
class PhraseMatcherTest {

  /** Every cast name and epithet of the built-in packs, plus the awkward shapes. */
  private static List<String[]> phrases() {
    List<String[]> out = new ArrayList<>();
    for (KnowledgePack p : Packs.builtIn().all()) {
      for (KnowledgePack.Character c : p.characters()) {
        out.add(new String[] {c.name(), "true"});
        c.aliases().forEach(a -> out.add(new String[] {a, "true"}));
        c.epithets().forEach(e -> out.add(new String[] {e, "false"}));
      }
    }
    for (String s :
        new String[] {
          "kiss*",
          "kiss* her",
          "ki*",
          "took _ hand",
          "took _ _ hand",
          "the",
          "the little",
          "Red",
          "red",
          "the little witch",
          "little witch",
          "_ witch",
          "wit*",
          "took his hand"
        }) {
      out.add(new String[] {s, "true"});
      out.add(new String[] {s, "false"});
    }
    return out;
  }

  /** Random prose from the phrases' own words, so long matches, overlaps and near misses abound. */
  private static TextModel text(long seed, List<String[]> phrases) {
    Random r = new Random(seed);
    List<String> words = new ArrayList<>();
    for (String[] p : phrases) {
      for (String w : p[0].replace("*", "ed").split("\\s+")) {
        words.add(w.equals("_") ? "quietly" : w);
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6_000; i++) {
      String w = words.get(r.nextInt(words.size()));
      int shape = r.nextInt(3);
      w =
          shape == 0
              ? w.toLowerCase()
              : shape == 1 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
      b.append(w).append(r.nextInt(12) == 0 ? ". " : " ");
    }
    return TextModel.of(b.toString());
  }

  private static PhraseMatcher<Integer> matcher(List<String[]> phrases, int groups) {
    PhraseMatcher<Integer> m = new PhraseMatcher<>();
    for (int i = 0; i < phrases.size(); i++) {
      m.add(phrases.get(i)[0], Boolean.parseBoolean(phrases.get(i)[1]), i, i % groups);
    }
    return m;
  }

  @Test
  void findsWhatCheckingEveryPhraseFinds() {
    List<String[]> phrases = phrases();
    PhraseMatcher<Integer> trie = matcher(phrases, 1);
    Reference ref = new Reference(phrases, 1, 0);
    for (long seed = 1; seed <= 4; seed++) {
      TextModel m = text(seed, phrases);
      List<String> expected = ref.findAll(m);
      assertThat(expected).hasSizeGreaterThan(500);
      assertThat(describe(trie.findAll(m))).containsExactlyElementsOf(expected);
      List<String> every = new ArrayList<>();
      for (int i = 0; i < m.size; i++) {
        every.addAll(ref.allAt(m, i));
      }
      assertThat(describe(trie.everyMatch(m))).containsExactlyElementsOf(every);
    }
  }

  @Test
  void groupsMatchedInOnePassFindWhatSeparateMatchersFind() {
    List<String[]> phrases = phrases();
    int groups = 5;
    PhraseMatcher<Integer> together = matcher(phrases, groups);
    TextModel m = text(7, phrases);
    List<List<PhraseMatcher.Match<Integer>>> byGroup = together.findAllByGroup(m);
    for (int g = 0; g < groups; g++) {
      List<String> expected = new Reference(phrases, groups, g).findAll(m);
      assertThat(expected).isNotEmpty();
      assertThat(describe(byGroup.get(g))).as("group " + g).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void capitalisedNamesNeedCapitalsAndPhrasesStayInOneSentence() {
    PhraseMatcher<String> m = new PhraseMatcher<>();
    m.add("Will", true, "name");
    m.add("took _ hand", false, "touch");
    m.add("kiss*", false, "kiss");
    assertThat(describe(m.findAll(TextModel.of("She will go. Will went."))))
        .containsExactly("3-4 Will");
    assertThat(describe(m.findAll(TextModel.of("He took her hand. He took. Her hand."))))
        .containsExactly("1-4 took _ hand");
    assertThat(describe(m.findAll(TextModel.of("They kissed, then kissing."))))
        .containsExactly("1-2 kiss*", "3-4 kiss*");
  }

  @Test
  void theLexiconsWildcardAndPossessivePhrasesMatch() {
    List<String> found =
        Lexicon.load()
            .scan(TextModel.of("She tore it open. He kissed Buffy's cheek."))
            .values()
            .stream()
            .flatMap(List::stream)
            .map(Lexicon.Hit::phrase)
            .toList();
    assertThat(found).contains("tore _ open", "kissed _ 's cheek");
  }

  private static <T> List<String> describe(List<PhraseMatcher.Match<T>> matches) {
    return matches.stream().map(x -> x.from() + "-" + x.to() + " " + x.phrase().text()).toList();
  }

  /**
   * Every phrase checked at every token, in the matcher's documented order: phrases starting with a
   * whole word in the order added, then those starting with a prefix, shorter prefixes first.
   */
  private static final class Reference {
    private final List<String[]> words = new ArrayList<>();
    private final List<boolean[]> capital = new ArrayList<>();
    private final List<String> text = new ArrayList<>();

    Reference(List<String[]> phrases, int groups, int group) {
      record P(String[] w, boolean[] cap, String text, int order) {}
      List<P> ps = new ArrayList<>();
      for (int i = 0; i < phrases.size(); i++) {
        if (i % groups != group) {
          continue;
        }
        String s = phrases.get(i)[0];
        List<String> ws = new ArrayList<>();
        List<Boolean> cs = new ArrayList<>();
        for (String piece : s.split(" ")) {
          if (piece.equals("_")) {
            ws.add("_");
            cs.add(false);
            continue;
          }
          TextModel t = TextModel.of(piece.replace("*", "QQSTARQQ"));
          for (int k = 0; k < t.size; k++) {
            ws.add(t.lower[k].replace("qqstarqq", "*"));
            cs.add(Boolean.parseBoolean(phrases.get(i)[1]) && t.cap[k]);
          }
        }
        if (ws.isEmpty()) {
          continue;
        }
        String[] w = ws.toArray(String[]::new);
        boolean[] c = new boolean[w.length];
        for (int k = 0; k < c.length; k++) {
          c[k] = cs.get(k);
        }
        String first = w[0];
        int order = first.endsWith("*") ? ((1 + Math.min(3, first.length() - 1)) << 24) + i : i;
        ps.add(new P(w, c, s, order));
      }
      ps.sort(Comparator.comparingInt(P::order));
      for (P p : ps) {
        words.add(p.w());
        capital.add(p.cap());
        text.add(p.text());
      }
    }

    private boolean matches(TextModel m, int i, int p) {
      String[] w = words.get(p);
      if (i + w.length > m.size) {
        return false;
      }
      for (int k = 0; k < w.length; k++) {
        int t = i + k;
        if (m.sentence[t] != m.sentence[i]) {
          return false;
        }
        boolean ok =
            k > 0 && w[k].equals("_")
                || (w[k].endsWith("*")
                    ? m.lower[t].startsWith(w[k].substring(0, w[k].length() - 1))
                    : m.lower[t].equals(w[k]));
        if (!ok || capital.get(p)[k] && !m.cap[t]) {
          return false;
        }
      }
      return true;
    }

    List<String> allAt(TextModel m, int i) {
      List<String> out = new ArrayList<>();
      for (int p = 0; p < words.size(); p++) {
        if (matches(m, i, p)) {
          out.add(i + "-" + (i + words.get(p).length) + " " + text.get(p));
        }
      }
      return out;
    }

    List<String> findAll(TextModel m) {
      List<String> out = new ArrayList<>();
      int coveredTo = 0;
      for (int i = 0; i < m.size; i++) {
        int best = -1;
        for (int p = 0; p < words.size(); p++) {
          if ((best < 0 || words.get(p).length > words.get(best).length) && matches(m, i, p)) {
            best = p;
          }
        }
        if (best >= 0 && i + words.get(best).length > coveredTo) {
          coveredTo = i + words.get(best).length;
          out.add(i + "-" + coveredTo + " " + text.get(best));
        }
      }
      return out;
    }
  }
}
