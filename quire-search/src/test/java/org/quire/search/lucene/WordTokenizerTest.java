package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/**
 * The one-pass word tokenizer makes of prose what Lucene's standard tokenizer with possessive,
 * lower-case and ASCII-folding filters makes of it; keeps offsets that point at the word in the
 * text; and does not depend on how the reader hands out the text.
 */
class WordTokenizerTest {

  private static final Analyzer WORDS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          WordTokenizer t = new WordTokenizer();
          return new TokenStreamComponents(t);
        }
      };

  private static Analyzer standardChain() throws IOException {
    return CustomAnalyzer.builder()
        .withTokenizer("standard")
        .addTokenFilter("englishPossessive")
        .addTokenFilter("lowercase")
        .addTokenFilter("asciiFolding")
        .build();
  }

  /** term@start-end for every token. */
  private static List<String> tokens(Analyzer a, Reader text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "@" + off.startOffset() + "-" + off.endOffset());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    return tokens(a, new StringReader(text));
  }

  private static List<String> terms(String text) throws IOException {
    return tokens(WORDS, text).stream().map(t -> t.substring(0, t.lastIndexOf('@'))).toList();
  }

  @Test
  void proseComesOutAsTheStandardChainMakesIt() throws Exception {
    List<Path> files = SampleTexts.files();
    assertThat(files).hasSizeGreaterThan(4);
    try (Analyzer standard = standardChain()) {
      int compared = 0;
      for (Path f : files) {
        String text = Files.readString(f);
        assertThat(tokens(WORDS, text)).as(f.toString()).isEqualTo(tokens(standard, text));
        compared += text.length();
      }
      assertThat(compared).isGreaterThan(20_000);
    }
  }

  @Test
  void wordsJoinersPossessivesAndFolding() throws Exception {
    assertThat(terms("Buffy's mother; Buffy’s stake. BUFFY'S"))
        .containsExactly("buffy", "mother", "buffy", "stake", "buffy");
    assertThat(terms("Don't go to the U.S.A. at 3.14 or 1,000 pm_time"))
        .containsExactly(
            "don't", "go", "to", "the", "u.s.a", "at", "3.14", "or", "1,000", "pm_time");
    assertThat(terms("Zoë's café — naïve ÉCOLE, 4th well-known"))
        .containsExactly("zoe", "cafe", "naive", "ecole", "4th", "well", "known");
    assertThat(terms("\"Quote,\" said... 'Willow' — ____ *** ~oOo~"))
        .containsExactly("quote", "said", "willow", "ooo");
    // Scripts written without spaces: one token per Han ideograph or Hiragana character.
    assertThat(terms("東京へ行きます カタカナ")).containsExactly("東", "京", "へ", "行", "き", "ま", "す", "カタカナ");
    assertThat(terms("Привет, мир")).containsExactly("привет", "мир");
  }

  @Test
  void offsetsPointAtTheWordsWhateverTheReaderHandsOut() throws Exception {
    Random r = new Random(42);
    String alphabet = "abcXYZ09 .,'’_-é東へ\uD840\uDC00😀\u0301\n";
    for (int round = 0; round < 200; round++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(round < 100 ? 60 : 9_000);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        if (r.nextInt(400) == 0) {
          b.append("x".repeat(300)); // longer than a word may be
        }
      }
      String text = b.toString();
      List<String> whole = tokens(WORDS, text);
      // One char at a time, and odd chunk sizes: the same tokens at the same offsets.
      assertThat(tokens(WORDS, new Trickle(text, 1))).isEqualTo(whole);
      assertThat(tokens(WORDS, new Trickle(text, 1 + r.nextInt(700)))).isEqualTo(whole);
      int last = 0;
      for (String t : whole) {
        String term = t.substring(0, t.lastIndexOf('@'));
        String[] span = t.substring(t.lastIndexOf('@') + 1).split("-");
        int start = Integer.parseInt(span[0]);
        int end = Integer.parseInt(span[1]);
        assertThat(start).isGreaterThanOrEqualTo(last);
        assertThat(end).isGreaterThan(start).isLessThanOrEqualTo(text.length());
        assertThat(term).isNotEmpty().hasSizeLessThanOrEqualTo(4 * WordTokenizer.MAX_WORD);
        last = end;
      }
    }
  }

  /** Hands out at most {@code chunk} chars per read. */
  private static final class Trickle extends Reader {
    private final String text;
    private final int chunk;
    private int pos;

    Trickle(String text, int chunk) {
      this.text = text;
      this.chunk = chunk;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), text.length() - pos);
      text.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
