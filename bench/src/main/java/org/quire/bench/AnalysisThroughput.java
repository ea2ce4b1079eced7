package org.quire.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quire.analyse.Analyser;
import org.quire.analyse.KnowledgePack;
import org.quire.analyse.Packs;
import org.quire.ingest.Ingester;
import org.quire.model.Work;
import org.quire.text.WordCounter;

/**
 * Whole-analysis throughput (one thread = one core) at growing story sizes, against a baseline
 * measured in the same run: the raw limit of decoding the same bytes and counting their words in a
 * tight loop. Prints words/s, the ratio to the baseline, and time per word at each size (flat
 * per-word time means linear).
 *
 * <p>Run: {@code bench/run analysis}.
 */
public final class AnalysisThroughput {
  public static void main(String[] args) throws Exception {
    Packs packs = Packs.builtIn();
    Analyser analyser = new Analyser(packs);
    List<String> names = new ArrayList<>();
    for (KnowledgePack p : packs.all()) {
      if (p.fandom().startsWith("Buffy")) {
        p.characters().stream()
            .limit(12)
            .forEach(c -> names.add(c.aliases().isEmpty() ? c.name() : c.aliases().getFirst()));
      }
    }
    if (names.isEmpty()) {
      names.addAll(List.of("Mara", "Tobin", "Ines", "Corwin"));
    }
    Ingester ingester = new Ingester();
    System.out.printf(
        Locale.ROOT,
        "%-12s %12s %14s %14s %8s %12s%n",
        "size",
        "words",
        "analysis w/s",
        "baseline w/s",
        "ratio",
        "ns/word");
    for (int words : new int[] {10_000, 100_000, 1_000_000}) {
      String text = "Benchmark Story\n\n" + new StoryGenerator(42, names).story(words);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Work w = ingester.read("bench.txt", bytes);
      int n = w.wordCount();
      int reps = Math.max(3, 2_000_000 / n);
      // Warm up both paths, then measure.
      for (int i = 0; i < 2; i++) {
        analyser.analyse(w);
        baseline(bytes);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        analyser.analyse(w);
      }
      double analysisSecs = (System.nanoTime() - t0) / 1e9 / reps;
      long t1 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        baseline(bytes);
      }
      double baseSecs = (System.nanoTime() - t1) / 1e9 / reps;
      System.out.printf(
          Locale.ROOT,
          "%-12s %12d %14.0f %14.0f %8.2f %12.1f%n",
          (bytes.length / 1024) + " KB",
          n,
          n / analysisSecs,
          n / baseSecs,
          baseSecs / analysisSecs,
          analysisSecs * 1e9 / n);
    }
    if (args.length > 0) {
      for (String a : args) {
        Path p = Path.of(a);
        Work w = ingester.read(p);
        long t = System.nanoTime();
        analyser.analyse(w);
        System.out.printf(
            Locale.ROOT,
            "%s: %d words in %.1f ms%n",
            p.getFileName(),
            w.wordCount(),
            (System.nanoTime() - t) / 1e6);
      }
    }
  }

  /** The raw limit: decode the bytes and count the words, nothing else. */
  static int baseline(byte[] bytes) {
    return WordCounter.count(new String(bytes, StandardCharsets.UTF_8));
  }

  private AnalysisThroughput() {}
}
