package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextModelTest {
  @Test
  void tokensAreLowerCasedAsStringDoesIt() {
    TextModel m =
        TextModel.of(
            "Buffy's STAKE wasn’t there. İstanbul, ΟΔΟΣ and Zoë met Dawn's dawn; O'Neill ran.");
    assertThat(java.util.Arrays.copyOf(m.lower, m.size))
        .containsExactly(
            "buffy",
            "'s",
            "stake",
            "wasn't",
            "there",
            "İstanbul".toLowerCase(Locale.ROOT), // a dotted capital I: two chars
            "ΟΔΟΣ".toLowerCase(Locale.ROOT), // a final sigma
            "and",
            "zoë",
            "met",
            "dawn",
            "'s",
            "dawn",
            "o'neill",
            "ran");
    assertThat(m.cap[0]).isTrue();
    assertThat(m.cap[12]).isFalse();
    assertThat(m.lower[6]).endsWith("ς").hasSize(4);
    assertThat(m.lower[5]).hasSize(9);
  }

  @Test
  void eachDistinctWordIsHeldOnceAndEveryTokenPointsAtIt() {
    Random r = new Random(3);
    String[] pool = {
      "Willow", "willow", "WILLOW", "the", "The", "ÉCLAIR", "éclair", "’tis", "'tis"
    };
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      // Many made-up words as well, so the word table grows well past its first size.
      b.append(r.nextInt(3) == 0 ? pool[r.nextInt(pool.length)] : "w" + r.nextInt(2_000));
      b.append(r.nextInt(15) == 0 ? ". " : " ");
    }
    String text = b.toString();
    TextModel m = TextModel.of(text);
    Set<String> distinct = new HashSet<>();
    for (int t = 0; t < m.size; t++) {
      String expected =
          text.substring(m.start[t], m.end[t]).toLowerCase(Locale.ROOT).replace('’', '\'');
      assertThat(m.lower[t]).isEqualTo(expected);
      assertThat(m.lower[t]).isSameAs(m.words[m.word[t]]);
      distinct.add(expected);
    }
    assertThat(m.vocabulary).isEqualTo(distinct.size()).isGreaterThan(1_000);
  }
}
