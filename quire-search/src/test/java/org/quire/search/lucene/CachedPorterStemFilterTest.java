package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.quire.ingest.Seeds;

/** Remembering stems changes nothing: the terms are exactly those of Lucene's Porter filter. */
class CachedPorterStemFilterTest {

  private static Analyzer chain(Function<TokenStream, TokenStream> stemmer) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new WordTokenizer();
        return new TokenStreamComponents(t, stemmer.apply(t));
      }
    };
  }

  private static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "@" + off.startOffset());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void stemsAreLuceneStemsWhetherRememberedOrNot() throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("../examples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
        texts.add(Files.readString(p));
      }
    }
    try (Stream<Path> s = Files.list(Seeds.dir())) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
        texts.add(Files.readString(p));
      }
    }
    // Random words from a small alphabet: many forms of few stems, and words met again later.
    Random r = new Random(3);
    String[] ends = {"", "s", "es", "ed", "ing", "ly", "ness", "ational", "ization", "fulness"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      for (int k = 2 + r.nextInt(6); k > 0; k--) {
        b.append("abeilnorstuy".charAt(r.nextInt(12)));
      }
      b.append(ends[r.nextInt(ends.length)]).append(i % 13 == 0 ? ". " : " ");
    }
    texts.add(b.toString());
    try (Analyzer lucene = chain(PorterStemFilter::new);
        Analyzer cached = chain(CachedPorterStemFilter::new);
        Analyzer tiny = chain(in -> new CachedPorterStemFilter(in, 7))) {
      int words = 0;
      for (int round = 0; round < 2; round++) { // the second time round, stems are remembered
        for (String t : texts) {
          List<String> expected = terms(lucene, t);
          assertThat(terms(cached, t)).isEqualTo(expected);
          assertThat(terms(tiny, t)).as("memory starting over").isEqualTo(expected);
          words += expected.size();
        }
      }
      assertThat(words).isGreaterThan(40_000);
      assertThat(terms(cached, "running runs ran"))
          .extracting(s -> s.substring(0, s.indexOf('@')))
          .containsExactly("run", "run", "ran");
    }
  }
}
