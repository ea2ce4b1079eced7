package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  private static final String TEXT =
      "One fine day. Two! “Three?” she asked.  (Four.) Mr Five went on\nSix and seven… Eight";

  @Test
  void sentencesAndLinesStartPassages() {
    assertThat(pieces(new SentenceBreaks('\u0000'), TEXT))
        .containsExactly(
            "One fine day. ",
            "Two! ",
            "“Three?” she asked.  ",
            "(Four.) ",
            "Mr Five went on\n",
            "Six and seven… ",
            "Eight");
  }

  @Test
  void chaptersJoinedBySeparatorsNeverShareAPassage() {
    String text = "One. Two\u0000three four. Five\u0000\u0000Six";
    assertThat(pieces(new SentenceBreaks('\u0000'), text))
        .containsExactly(
            "One. ", "Two", "\u0000", "three four. ", "Five", "\u0000", "\u0000", "Six");
  }

  private static List<String> pieces(SentenceBreaks b, String text) {
    b.setText(text);
    List<String> pieces = new ArrayList<>();
    int start = b.first();
    for (int end = b.next(); end != BreakIterator.DONE; start = end, end = b.next()) {
      pieces.add(text.substring(start, end));
    }
    return pieces;
  }

  @Test
  void followingAndPrecedingAgreeWithTheBoundariesEverywhere() {
    check(new SentenceBreaks('\u0000'), TEXT);
    check(new SentenceBreaks('\u0000'), TEXT.replace(". ", ".\u0000"));
  }

  private static void check(SentenceBreaks b, String text) {
    b.setText(text);
    TreeSet<Integer> boundaries = new TreeSet<>();
    for (int i = 0; i <= text.length(); i++) {
      if (b.isBoundary(i)) {
        boundaries.add(i);
      }
    }
    assertThat(boundaries).contains(0, text.length(), text.indexOf("Two"), text.indexOf("Six"));
    for (int i = 0; i <= text.length(); i++) {
      Integer after = boundaries.higher(i);
      Integer before = boundaries.lower(i);
      assertThat(b.following(i)).as("following %d", i).isEqualTo(after == null ? -1 : after);
      assertThat(b.preceding(i)).as("preceding %d", i).isEqualTo(before == null ? -1 : before);
    }
  }

  @Test
  void proseWithoutSentenceEndsIsCutAtWordsWithinReach() {
    String text = "and the river ran on ".repeat(2_000);
    SentenceBreaks b = new SentenceBreaks('\u0000');
    b.setText(text);
    for (int offset : new int[] {1, 399, 401, 5_000, 20_000, text.length() - 1}) {
      int before = b.preceding(offset);
      int after = b.following(offset);
      assertThat(before).isLessThan(offset).isGreaterThanOrEqualTo(offset - SentenceBreaks.REACH);
      assertThat(after)
          .isGreaterThan(offset)
          .isLessThanOrEqualTo(Math.min(text.length(), offset + SentenceBreaks.REACH + 40));
      assertThat(before == 0 || text.charAt(before - 1) == ' ').as("word start").isTrue();
      assertThat(after == text.length() || text.charAt(after - 1) == ' ').as("word end").isTrue();
    }
  }
}
