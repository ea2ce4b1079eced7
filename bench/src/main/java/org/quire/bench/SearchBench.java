package org.quire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.quire.model.Chapter;
import org.quire.model.TagType;
import org.quire.model.Work;
import org.quire.search.SearchIndex;
import org.quire.search.SearchQuery;
import org.quire.search.SearchQuery.TagFilter;
import org.quire.search.WorkStats;
import org.quire.search.lucene.LuceneSearchIndex;
import org.quire.tags.TagWrangler;

/**
 * Search benchmark: indexes a synthetic AO3-like corpus into Quire's Lucene index and, as the
 * baseline in the same run, into SQLite FTS5; then times five query kinds on both.
 *
 * <p>With {@code --opensearch URL} the same corpus also goes into an OpenSearch index ({@code
 * quire-bench-v2}, dropped at the end) and the same queries run there, through Quire's OpenSearch
 * backend: same page contents (facets, snippets), bulk indexing on two threads.
 *
 * <p>Usage: {@code SearchBench WORKS short|full [QUERIES] [--no-fts5] [--opensearch URL]
 * [--index-dir DIR]}. Indexing time counts only the time inside the indexers (corpus generation
 * excluded); Lucene indexes on two threads, FTS5 on one (SQLite has one writer). Lucene queries
 * include what the page shows (facet counts for every tag type, and snippets for text queries,
 * reading chapter text from a warm cache as the store's page cache would be); FTS5 queries return
 * counts, a page of ids and GROUP BY facets.
 */
public final class SearchBench {
  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    int works = Integer.parseInt(args[0]);
    SearchCorpus.Lengths lengths = SearchCorpus.Lengths.valueOf(args[1].toUpperCase());
    int queries = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 200;
    boolean fts5 = !List.of(args).contains("--no-fts5");
    int osAt = List.of(args).indexOf("--opensearch");
    String osUrl = osAt >= 0 && osAt + 1 < args.length ? args[osAt + 1] : null;
    // --index-dir DIR keeps the Lucene index there, and reuses it when the next run finds it:
    // for profiling queries at a million works without indexing again (no FTS5 then).
    int dirAt = List.of(args).indexOf("--index-dir");
    Path keep = dirAt >= 0 && dirAt + 1 < args.length ? Path.of(args[dirAt + 1]) : null;
    boolean reuse = keep != null && Files.isDirectory(keep.resolve("lucene"));
    if (keep != null) {
      fts5 = false;
      Files.createDirectories(keep);
    }
    Path root = keep != null ? keep : Files.createTempDirectory("quire-search-bench");
    SearchCorpus corpus = new SearchCorpus(42, lengths);
    System.out.printf(
        "Search benchmark: %,d works, %s texts, %d queries per kind, %d cores, Java %s%n",
        works,
        lengths.name().toLowerCase(),
        queries,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());

    Map<Long, List<String>> textCache = new ConcurrentHashMap<>();
    SearchIndex lucene =
        LuceneSearchIndex.open(
            root.resolve("lucene"),
            TagWrangler.builtIn(),
            id ->
                textCache.computeIfAbsent(
                    id, k -> corpus.work(k).chapters().stream().map(Chapter::text).toList()));
    AtomicLong bytes = new AtomicLong();
    AtomicLong docBytes = new AtomicLong();
    AtomicLong totalWords = new AtomicLong();
    double luceneSeconds =
        reuse ? 0 : indexCorpus(lucene, corpus, works, bytes, docBytes, totalWords);
    double mb = bytes.get() / 1e6;
    if (reuse) {
      System.out.printf(
          "Lucene index reused from %s: %,.0f MB%n", keep, size(root.resolve("lucene")) / 1e6);
    } else {
      System.out.printf(
          "Corpus: %,.0f MB of chapter text, %,d words (mean %,d words per work)%n",
          mb, totalWords.get(), totalWords.get() / works);
      System.out.printf(
          "Lucene indexing: %.1f s, %,.0f works/s, %.1f MB/s of chapter text (%.1f MB/s of all"
              + " the text indexed: %,.0f MB with titles, summaries, authors and tag names);"
              + " index %,.0f MB%n",
          luceneSeconds,
          works / luceneSeconds,
          mb / luceneSeconds,
          docBytes.get() / 1e6 / luceneSeconds,
          docBytes.get() / 1e6,
          size(root.resolve("lucene")) / 1e6);
    }

    SearchIndex os = null;
    if (osUrl != null) {
      os =
          org.quire.search.opensearch.OpenSearchIndex.open(
              osUrl,
              "quire-bench",
              TagWrangler.builtIn(),
              id ->
                  textCache.computeIfAbsent(
                      id, k -> corpus.work(k).chapters().stream().map(Chapter::text).toList()));
      os.clear();
      double osSeconds =
          indexCorpus(os, corpus, works, new AtomicLong(), new AtomicLong(), new AtomicLong());
      System.out.printf(
          "OpenSearch indexing: %.1f s, %,.0f works/s, %.1f MB/s (bulk, 2 threads; %.1f× Lucene's"
              + " time)%n",
          osSeconds, works / osSeconds, mb / osSeconds, osSeconds / luceneSeconds);
    }

    Fts5Baseline base = null;
    double ftsSeconds = 0;
    if (fts5) {
      base = new Fts5Baseline(root.resolve("fts5.db"));
      long busyFts = 0;
      for (long id = 1; id <= works; id++) {
        Work w = corpus.work(id);
        WorkStats st = corpus.stats(w);
        long s = System.nanoTime();
        base.add(w, st);
        busyFts += System.nanoTime() - s;
      }
      long s = System.nanoTime();
      base.finish();
      busyFts += System.nanoTime() - s;
      ftsSeconds = busyFts / 1e9;
      System.out.printf(
          "FTS5 indexing:   %.1f s, %,.0f works/s, %.1f MB/s; database %,.0f MB%n",
          ftsSeconds, works / ftsSeconds, mb / ftsSeconds, base.sizeBytes() / 1e6);
    }

    String[] kinds = {
      "(a) single term",
      "(b) phrase",
      "(c) 3 include + 2 exclude tags, all facets",
      "(d) text + filters + facets, by kudos",
      "(e) deep page (results 9,981-10,000)"
    };
    Latencies[] lu = new Latencies[5];
    Latencies[] ft = new Latencies[5];
    Latencies[] op = new Latencies[5];
    for (int k = 0; k < 5; k++) {
      lu[k] = new Latencies(queries);
      ft[k] = new Latencies(queries);
      op[k] = new Latencies(queries);
    }
    for (int pass = 0; pass < 2; pass++) {
      boolean timed = pass == 1;
      Random r = new Random(7);
      for (int i = 0; i < queries; i++) {
        String term = corpus.vocabularyWord(100 + r.nextInt(2000));
        String phrase = corpus.collocation(r.nextInt(500));
        int f = r.nextInt(10);
        String fandom = corpus.fandom(f);
        String character = corpus.character(f, r.nextInt(5));
        String freeform = corpus.freeform(r.nextInt(20));
        String common = corpus.vocabularyWord(5 + r.nextInt(100));
        List<TagFilter> in =
            List.of(
                new TagFilter(TagType.FANDOM, fandom),
                new TagFilter(TagType.CHARACTER, character),
                new TagFilter(TagType.ARCHIVE_WARNING, "No Archive Warnings Apply"));
        List<TagFilter> out =
            List.of(
                new TagFilter(TagType.RATING, "Explicit"),
                new TagFilter(TagType.ADDITIONAL, freeform));
        List<TagFilter> inD =
            List.of(
                new TagFilter(TagType.FANDOM, fandom),
                new TagFilter(TagType.RATING, "Teen And Up Audiences"));
        List<TagFilter> outD =
            List.of(new TagFilter(TagType.ARCHIVE_WARNING, "Major Character Death"));
        SearchQuery[] qs = {
          SearchQuery.of(term),
          SearchQuery.of("\"" + phrase + "\""),
          SearchQuery.of("").withFilters(in, out),
          SearchQuery.of(term).withFilters(inD, outD).withSort(SearchQuery.Sort.KUDOS),
          SearchQuery.of(common).withPage(9980, 20)
        };
        for (int k = 0; k < 5; k++) {
          long s = System.nanoTime();
          lucene.search(qs[k]);
          if (timed) {
            lu[k].add(System.nanoTime() - s);
          }
        }
        if (os != null) {
          for (int k = 0; k < 5; k++) {
            long s = System.nanoTime();
            os.search(qs[k]);
            record(op[k], s, timed);
          }
        }
        if (base != null) {
          long s = System.nanoTime();
          base.text(term, false);
          record(ft[0], s, timed);
          s = System.nanoTime();
          base.text(phrase, true);
          record(ft[1], s, timed);
          s = System.nanoTime();
          base.filtered(null, arrays(in), arrays(out), false);
          record(ft[2], s, timed);
          s = System.nanoTime();
          base.filtered(term, arrays(inD), arrays(outD), true);
          record(ft[3], s, timed);
          s = System.nanoTime();
          base.deep(common, 9980);
          record(ft[4], s, timed);
        }
      }
    }
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf("Heap used after queries (after GC): %,.0f MB%n", heap / 1e6);
    System.out.println();
    System.out.println(
        "| Query | Lucene p50 | p95 | p99 (ms) |"
            + (base == null ? "" : " FTS5 p50 | p95 | p99 (ms) | p99 ratio FTS5/Lucene |")
            + (os == null
                ? ""
                : " OpenSearch p50 | p95 | p99 (ms) | p99 ratio OpenSearch/Lucene |"));
    System.out.println(
        "|---|---|---|---|"
            + (base == null ? "" : "---|---|---|---|")
            + (os == null ? "" : "---|---|---|---|"));
    for (int k = 0; k < 5; k++) {
      StringBuilder row = new StringBuilder("| " + kinds[k] + " | ");
      row.append(cells(lu[k]));
      if (base != null) {
        row.append(cells(ft[k]))
            .append(String.format("%.1f× |", ft[k].percentile(99) / lu[k].percentile(99)));
      }
      if (os != null) {
        row.append(" ")
            .append(cells(op[k]))
            .append(String.format("%.1f× |", op[k].percentile(99) / lu[k].percentile(99)));
      }
      System.out.println(row);
    }
    if (base != null) {
      System.out.printf(
          "%nIndexing ratio (FTS5 time / Lucene time): %.1f×%n", ftsSeconds / luceneSeconds);
      base.close();
    }
    lucene.close();
    if (os != null) {
      os.clear();
      os.close();
    }
    if (keep == null) {
      deleteAll(root);
    }
  }

  /**
   * Indexes the corpus on two threads in batches of 200 and returns the seconds spent inside the
   * index (generation excluded), including the final refresh.
   */
  private static double indexCorpus(
      SearchIndex index,
      SearchCorpus corpus,
      int works,
      AtomicLong bytes,
      AtomicLong docBytes,
      AtomicLong totalWords)
      throws InterruptedException {
    long busiest =
        busiestOfTwo(
            me -> {
              long busy = 0;
              List<Work> batch = new ArrayList<>();
              List<WorkStats> stats = new ArrayList<>();
              for (long id = 1 + me; id <= works; id += 2) {
                Work w = corpus.work(id);
                batch.add(w);
                stats.add(corpus.stats(w));
                long text = 0;
                for (Chapter c : w.chapters()) {
                  text += c.text().length();
                }
                bytes.addAndGet(text);
                docBytes.addAndGet(text + metadataChars(w));
                totalWords.addAndGet(w.wordCount());
                if (batch.size() == 200 || id + 2 > works) {
                  long t0 = System.nanoTime();
                  index.indexAll(batch, stats);
                  busy += System.nanoTime() - t0;
                  batch.clear();
                  stats.clear();
                }
              }
              return busy;
            });
    long t0 = System.nanoTime();
    index.refresh();
    return (busiest + System.nanoTime() - t0) / 1e9;
  }

  /** Characters of a work's indexed text beside its chapters: title, summary, authors, tags. */
  private static long metadataChars(Work w) {
    long n = w.title().length() + (w.summary() == null ? 0 : w.summary().length());
    for (String a : w.authors()) {
      n += a.length();
    }
    for (org.quire.model.Tag t : w.tags()) {
      n += t.name().length();
    }
    return n;
  }

  /**
   * Runs {@code work} on two threads, given 0 and 1, and returns the larger of the nanoseconds each
   * reports (the time it spent in what is measured, generation left out).
   */
  static long busiestOfTwo(java.util.function.IntToLongFunction work) throws InterruptedException {
    long[] busy = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int me = t;
      Thread th = new Thread(() -> busy[me] = work.applyAsLong(me));
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    return Math.max(busy[0], busy[1]);
  }

  private static String cells(Latencies l) {
    return String.format(
        "%.2f | %.2f | %.2f | ", l.percentile(50), l.percentile(95), l.percentile(99));
  }

  private static void record(Latencies l, long start, boolean timed) {
    if (timed) {
      l.add(System.nanoTime() - start);
    }
  }

  private static List<String[]> arrays(List<TagFilter> fs) {
    return fs.stream().map(f -> new String[] {f.type().key(), f.name()}).toList();
  }

  static long size(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteAll(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
