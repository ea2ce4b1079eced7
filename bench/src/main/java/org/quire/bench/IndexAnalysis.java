package org.quire.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.quire.search.lucene.LuceneSearchIndex;

/**
 * JMH micro-benchmark of the index's prose analysis, the inner loop of indexing chapter text:
 * Quire's chain (one-pass word tokenizer, Porter stemmer) against the same terms made by Lucene's
 * standard tokenizer with possessive, lower-case, ASCII-folding and Porter filters, over one
 * generated story. Run with {@code bench/run jmh IndexAnalysis}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public class IndexAnalysis {
  @Param({"10000"})
  int words;

  String text;
  Analyzer quire;
  Analyzer standard;

  @Setup
  public void setUp() throws IOException {
    text =
        new StoryGenerator(42, List.of("Buffy", "Willow", "Xander", "Giles", "Spike", "Tara"))
            .story(words);
    quire = LuceneSearchIndex.proseAnalyzer();
    standard =
        CustomAnalyzer.builder()
            .withTokenizer("standard")
            .addTokenFilter("englishPossessive")
            .addTokenFilter("lowercase")
            .addTokenFilter("asciiFolding")
            .addTokenFilter("porterStem")
            .build();
  }

  @TearDown
  public void tearDown() {
    quire.close();
    standard.close();
  }

  /**
   * Tokens of the story through Quire's chain (a checksum of their lengths, so none is skipped).
   */
  @Benchmark
  public long quireChain() throws IOException {
    return run(quire);
  }

  /** The same through Lucene's standard tokenizer and filters. */
  @Benchmark
  public long standardChain() throws IOException {
    return run(standard);
  }

  private long run(Analyzer a) throws IOException {
    long sum = 0;
    try (TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        sum += term.length();
      }
      ts.end();
    }
    return sum;
  }
}
