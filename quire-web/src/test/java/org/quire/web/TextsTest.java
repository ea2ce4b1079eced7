package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextsTest {
  /** What {@link Texts#opening} did with a regex over the whole text. */
  private static String reference(String text, int max) {
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max);
    return s.substring(0, cut > max / 2 ? cut : max) + "…";
  }

  @Test
  void openingsCollapseWhitespaceAndEndOnAWordAsTheRegexDid() {
    String[] pieces = {
      "word", "a", "longerword", " ", "  ", "\n\n", "\t", "\u2003", "\u00a0", "é", "."
    };
    Random r = new Random(9);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(60); i > 0; i--) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String text = b.toString();
      int max = 1 + r.nextInt(80);
      assertThat(Texts.opening(text, max)).as("%s / %d", text, max).isEqualTo(reference(text, max));
    }
    assertThat(Texts.opening(null, 10)).isEmpty();
    assertThat(Texts.opening("  The  quick\n brown fox  ", 11)).isEqualTo("The quick…");
  }

  @Test
  void notesShowTheirMarkdownAndNothingElseAsMarkup() {
    assertThat(Texts.note("A retelling of *The Odyssey*,\nwith **more** <b>cats</b> & dogs."))
        .isEqualTo(
            "<p>A retelling of <em>The Odyssey</em>,<br />\nwith <strong>more</strong>"
                + " &lt;b&gt;cats&lt;/b&gt; &amp; dogs.</p>\n");
    // A blurb's opening words are plain text, line by line.
    assertThat(Texts.lines("The *first* words\n# not a heading <b>"))
        .isEqualTo("The <em>first</em> words\n# not a heading &lt;b&gt;");
    assertThat(Texts.note("<script>alert(1)</script> *<img src=x onerror=alert(2)>*"))
        .doesNotContain("<script")
        .doesNotContain("<img");
    assertThat(Texts.note(null)).isEmpty();
  }
}
