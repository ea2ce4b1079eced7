package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The snippet scorer gives exactly Lucene's passage scores, so the same passage wins. */
class DistinctTermsScorerTest {
  @Test
  void scoresAsLucenesPassageScorerDoes() {
    String[] words = {"river", "stake", "crypt", "moon", "witch"};
    PassageScorer lucene = new PassageScorer();
    PassageScorer ours = new SnippetHighlighter.DistinctTermsScorer();
    Random r = new Random(5);
    for (int round = 0; round < 2_000; round++) {
      Passage p = new Passage();
      int start = r.nextInt(50_000);
      p.setStartOffset(start);
      p.setEndOffset(start + 600);
      int at = start;
      for (int m = r.nextInt(12); m > 0; m--) {
        at += 1 + r.nextInt(40);
        p.addMatch(at, at + 5, new BytesRef(words[r.nextInt(words.length)]), 1 + r.nextInt(90));
      }
      int contentLength = p.getEndOffset() + r.nextInt(100_000);
      assertThat(ours.score(p, contentLength)).isEqualTo(lucene.score(p, contentLength));
    }
  }
}
