package org.quire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.quire.model.Chapter;
import org.quire.model.Work;
import org.quire.search.SearchIndex;
import org.quire.search.WorkStats;
import org.quire.search.lucene.LuceneSearchIndex;
import org.quire.tags.TagWrangler;

/**
 * How fast Lucene itself indexes the search benchmark's corpus on this machine, as the floor under
 * Quire's indexing speed: the same works indexed, in the same run, by Quire's index (every field,
 * tags, facets, numbers) and then by bare Lucene writers holding chapter text alone, from Quire's
 * analysis chain with positions (as Quire indexes it) down to whitespace-split words with no
 * positions. Two threads, 64 MB buffers, time inside the writers only (corpus generation excluded),
 * final commit included.
 *
 * <p>Usage: {@code IndexFloor WORKS short|full [VARIANT...]}, variants {@code quire}, {@code
 * quire-metadata} (Quire's index with empty chapter texts), {@code text-quire-chain}, {@code
 * text-standard-chain} (Quire's chain as Lucene's standard tokenizer and filters), {@code
 * text-standard} and {@code text-whitespace-docs} (all by default).
 */
public final class IndexFloor {
  private IndexFloor() {}

  /** One way of indexing a work, on one thread's writer. */
  private interface Sink {
    void add(Work w, WorkStats stats) throws IOException;

    void close() throws IOException;
  }

  public static void main(String[] args) throws Exception {
    int works = Integer.parseInt(args[0]);
    SearchCorpus corpus = new SearchCorpus(42, SearchCorpus.Lengths.valueOf(args[1].toUpperCase()));
    System.out.printf(
        "Index floor: %,d works, %s texts, 2 threads, %d cores, Java %s%n%n",
        works, args[1], Runtime.getRuntime().availableProcessors(), Runtime.version());
    System.out.println("| Index | Seconds | Works/s | MB/s | Size (MB) | Time / Quire's |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    List<String> variants =
        args.length > 2
            ? List.of(args).subList(2, args.length)
            : List.of(
                "quire",
                "quire-metadata",
                "text-quire-chain",
                "text-standard-chain",
                "text-standard",
                "text-whitespace-docs");
    // Warm-up: every variant once over a few thousand works, so none pays for the JIT alone.
    for (String variant : variants) {
      Path dir = Files.createTempDirectory("quire-index-floor");
      run(corpus, Math.min(works, 5_000), sink(variant, dir), new AtomicLong());
      SearchBench.deleteAll(dir);
    }
    double quire = 0;
    for (String variant : variants) {
      Path dir = Files.createTempDirectory("quire-index-floor");
      try {
        AtomicLong chars = new AtomicLong();
        double seconds = run(corpus, works, sink(variant, dir), chars);
        if (variant.equals("quire")) {
          quire = seconds;
        }
        System.out.printf(
            "| %s | %.1f | %,.0f | %.1f | %,.0f | %.2f |%n",
            describe(variant),
            seconds,
            works / seconds,
            chars.get() / 1e6 / seconds,
            SearchBench.size(dir) / 1e6,
            quire > 0 ? seconds / quire : Double.NaN);
      } finally {
        SearchBench.deleteAll(dir);
      }
    }
  }

  private static String describe(String variant) {
    return switch (variant) {
      case "quire" -> "Quire's index: every field, tags, facets, numbers";
      case "quire-metadata" -> "Quire's index without the chapter text: metadata alone";
      case "text-quire-chain" -> "Chapter text only, Quire's chain, positions";
      case "text-standard-chain" ->
          "Chapter text only, the same through Lucene's standard tokenizer and filters";
      case "text-standard" -> "Chapter text only, Lucene's StandardAnalyzer, positions";
      default -> "Chapter text only, split on spaces, documents and frequencies only";
    };
  }

  /** A sink per variant; Quire's index is shared by both threads, bare writers too. */
  private static Function<Integer, Sink> sink(String variant, Path dir) throws IOException {
    if (variant.startsWith("quire")) {
      SearchIndex index = LuceneSearchIndex.open(dir, TagWrangler.builtIn(), null);
      AtomicLong open = new AtomicLong(2);
      boolean metadataOnly = variant.equals("quire-metadata");
      return thread ->
          new Sink() {
            @Override
            public void add(Work w, WorkStats stats) {
              index.index(metadataOnly ? withoutText(w) : w, stats);
            }

            @Override
            public void close() {
              if (open.decrementAndGet() == 0) {
                index.close();
              }
            }
          };
    }
    Analyzer analyzer =
        switch (variant) {
          case "text-quire-chain" -> LuceneSearchIndex.proseAnalyzer();
          case "text-standard-chain" -> standardChain();
          case "text-standard" -> new StandardAnalyzer();
          default -> new WhitespaceAnalyzer();
        };
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(
        switch (variant) {
          case "text-quire-chain", "text-standard-chain", "text-standard" ->
              IndexOptions.DOCS_AND_FREQS_AND_POSITIONS;
          default -> IndexOptions.DOCS_AND_FREQS;
        });
    type.freeze();
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64);
    IndexWriter writer = new IndexWriter(FSDirectory.open(dir), cfg);
    AtomicLong open = new AtomicLong(2);
    return thread ->
        new Sink() {
          @Override
          public void add(Work w, WorkStats stats) throws IOException {
            Document d = new Document();
            for (Chapter c : w.chapters()) {
              d.add(new Field("text", c.text(), type));
            }
            writer.addDocument(d);
          }

          @Override
          public void close() throws IOException {
            if (open.decrementAndGet() == 0) {
              writer.commit();
              writer.close();
            }
          }
        };
  }

  /** The work with every chapter's text empty (chapter count, titles and notes kept). */
  private static Work withoutText(Work w) {
    return new Work(
        w.id(),
        w.title(),
        w.titleGenerated(),
        w.authors(),
        w.summary(),
        w.notes(),
        w.endNotes(),
        w.chapters().stream().map(c -> new Chapter(c.number(), c.title(), "", c.notes())).toList(),
        w.language(),
        w.complete(),
        w.wordCount(),
        w.format(),
        w.source(),
        w.importedAt(),
        w.tags(),
        w.problems(),
        w.expectedChapters());
  }

  /**
   * The terms of Quire's prose chain made by Lucene's standard tokenizer with possessive,
   * lower-case, ASCII-folding and Porter filters (what Quire used before its one-pass tokenizer).
   */
  public static Analyzer standardChain() throws IOException {
    return CustomAnalyzer.builder()
        .withTokenizer("standard")
        .addTokenFilter("englishPossessive")
        .addTokenFilter("lowercase")
        .addTokenFilter("asciiFolding")
        .addTokenFilter("porterStem")
        .build();
  }

  /** Seconds the busier thread spent inside its sink, the closing commit included. */
  private static double run(
      SearchCorpus corpus, int works, Function<Integer, Sink> sinks, AtomicLong chars)
      throws InterruptedException {
    return SearchBench.busiestOfTwo(
            me -> {
              Sink sink = sinks.apply(me);
              long busy = 0;
              try {
                // Batches of 200, as SearchBench indexes: generating each work just before
                // indexing it would leave the writer's hash tables out of the caches.
                List<Work> batch = new ArrayList<>();
                List<WorkStats> stats = new ArrayList<>();
                for (long id = 1 + me; id <= works; id += 2) {
                  Work w = corpus.work(id);
                  for (Chapter c : w.chapters()) {
                    chars.addAndGet(c.text().length());
                  }
                  batch.add(w);
                  stats.add(corpus.stats(w));
                  if (batch.size() == 200 || id + 2 > works) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < batch.size(); i++) {
                      sink.add(batch.get(i), stats.get(i));
                    }
                    busy += System.nanoTime() - t0;
                    batch.clear();
                    stats.clear();
                  }
                }
                long t0 = System.nanoTime();
                sink.close(); // the second thread to get here commits
                return busy + System.nanoTime() - t0;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        / 1e9;
  }
}
