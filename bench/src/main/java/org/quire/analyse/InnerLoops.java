package org.quire.analyse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
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
import org.openjdk.jmh.infra.Blackhole;
import org.quire.bench.IndexFloor;
import org.quire.bench.StoryGenerator;
import org.quire.search.lucene.LuceneSearchIndex;

/**
 * JMH micro-benchmarks of the analysis's hot inner loops, each over the same generated story: the
 * tokeniser and sentence splitter ({@link TextModel}), the alias matcher ({@link PhraseMatcher}
 * with every character name and epithet of the twelve built-in packs), and the lexicon scorer
 * ({@link Lexicon#scan}), and the search index's prose chain against Lucene's standard tokenizer
 * and filters making the same terms. Lives in the analysis package to reach its package-private
 * parts. Run with {@code bench/run jmh InnerLoops}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public class InnerLoops {
  @Param({"10000"})
  int words;

  String text;
  TextModel model;
  PhraseMatcher<String> aliases;
  Lexicon lexicon;
  Analyzer quireChain;
  Analyzer standardChain;

  @Setup
  public void setUp() throws IOException {
    text =
        new StoryGenerator(42, List.of("Buffy", "Willow", "Xander", "Giles", "Spike", "Tara"))
            .story(words);
    model = TextModel.of(text);
    aliases = new PhraseMatcher<>();
    for (KnowledgePack p : Packs.builtIn().all()) {
      for (KnowledgePack.Character c : p.characters()) {
        for (String a : c.aliases()) {
          aliases.add(a, true, c.name());
        }
        for (String e : c.epithets()) {
          aliases.add(e, Character.isUpperCase(e.charAt(0)), c.name());
        }
      }
    }
    lexicon = Lexicon.load();
    quireChain = LuceneSearchIndex.proseAnalyzer();
    standardChain = IndexFloor.standardChain();
  }

  @TearDown
  public void tearDown() {
    quireChain.close();
    standardChain.close();
  }

  /** Tokens, sentences and paragraph positions of the whole story. */
  @Benchmark
  public TextModel tokenise() {
    return TextModel.of(text);
  }

  /** Every alias and epithet of every pack's cast, found in the story. */
  @Benchmark
  public void matchAliases(Blackhole bh) {
    bh.consume(aliases.findAll(model));
  }

  /** Every lexicon category's asserted, negated, hypothetical and figurative hits. */
  @Benchmark
  public void scoreLexicon(Blackhole bh) {
    bh.consume(lexicon.scan(model));
  }

  /** The index's prose chain (one-pass word tokenizer, Porter stemmer) over the story. */
  @Benchmark
  public long indexChainQuire() throws IOException {
    return terms(quireChain);
  }

  /** The same terms from Lucene's standard tokenizer and filters. */
  @Benchmark
  public long indexChainStandard() throws IOException {
    return terms(standardChain);
  }

  /** A checksum of the terms' lengths, so no token is skipped. */
  private long terms(Analyzer a) throws IOException {
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
