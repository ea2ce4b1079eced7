package org.quire.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.quire.analyse.Analyser;
import org.quire.analyse.Packs;
import org.quire.ingest.Ingester;
import org.quire.model.QuireException;
import org.quire.model.Work;

/**
 * Feeds mutated story files (see {@link MutationFuzzer}) to ingest and analysis, as an import
 * would: each must end in a story or a {@link QuireException} with a message. Used by the build's
 * fixed-seed test and by {@code bench/run fuzz SECONDS}.
 */
public final class IngestFuzz {
  private IngestFuzz() {}

  /** The outcome counts of a fuzz run. */
  public record Tally(int read, int refused, List<String> crashes) {}

  /** Whether an outcome of {@link #attempt} is a story or a clear refusal. */
  public static boolean clean(String outcome) {
    return outcome.equals("read") || outcome.startsWith("refused");
  }

  /**
   * Runs {@code cases} mutated inputs from {@code seed}; crashing inputs are written to {@code
   * saveTo} (when given) so they can become regression files.
   */
  public static Tally run(long seed, int cases, Map<String, byte[]> seedFiles, Path saveTo)
      throws Exception {
    Ingester ingester = new Ingester(4L * 1024 * 1024);
    Analyser analyser = new Analyser(Packs.builtIn());
    List<String> names = new ArrayList<>();
    List<byte[]> seeds = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : seedFiles.entrySet()) {
      names.add(e.getKey());
      seeds.add(e.getValue());
    }
    MutationFuzzer fuzz = new MutationFuzzer(seed, seeds);
    java.util.Random pick = new java.util.Random(seed);
    int read = 0;
    int refused = 0;
    List<String> crashes = new ArrayList<>();
    String[] exts = {"txt", "md", "html", "epub", "htm"};
    for (int i = 0; i < cases; i++) {
      byte[] input = fuzz.next();
      // Mostly the extension of a real format; sometimes a mismatched one.
      String name = "case" + i + "." + exts[pick.nextInt(exts.length)];
      String outcome = attempt(ingester, analyser, name, input);
      if (outcome.startsWith("read")) {
        read++;
      } else if (outcome.startsWith("refused")) {
        refused++;
      } else {
        crashes.add(name + ": " + outcome);
        if (saveTo != null) {
          Files.createDirectories(saveTo);
          Files.write(saveTo.resolve("crash-" + seed + "-" + name), input);
        }
      }
    }
    return new Tally(read, refused, crashes);
  }

  /** "read", "refused: …", or the crash. */
  public static String attempt(Ingester ingester, Analyser analyser, String name, byte[] bytes) {
    try {
      Work w = ingester.read(name, bytes);
      analyser.analyse(w);
      return "read";
    } catch (QuireException e) {
      return "refused: " + e.getMessage();
    } catch (RuntimeException | StackOverflowError e) {
      return e.toString();
    }
  }

  /** The sample stories in {@code examples} and a short story with every header Quire reads. */
  public static Map<String, byte[]> seeds(Path examples) throws Exception {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(examples)) {
      for (Path f : s.filter(p -> p.toString().matches(".*\\.(txt|md)$")).sorted().toList()) {
        seeds.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    seeds.put(
        "plain.txt",
        "Title: Night Shift\nFandom: Buffy the Vampire Slayer\n\nChapter 1\n\nWillow typed.\n\n* * *\n\nEnd Notes: bye\n"
            .getBytes(StandardCharsets.UTF_8));
    return seeds;
  }

  /**
   * Fuzzes for {@code seconds} with fresh seeds, printing a tally per seed; crashing inputs go to
   * {@code quire-core/target/fuzz-crashes/}. Exit status 1 when anything crashed.
   *
   * <p>Usage: {@code IngestFuzz SECONDS [EXAMPLES_DIR]}
   */
  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    Path examples = Path.of(args.length > 1 ? args[1] : "examples");
    Map<String, byte[]> seeds = seeds(examples);
    Path save = Path.of("quire-core/target/fuzz-crashes");
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long total = 0;
    long crashes = 0;
    long seed = System.currentTimeMillis();
    while (System.nanoTime() < end) {
      Tally t = run(seed, 500, seeds, save);
      total += 500;
      crashes += t.crashes().size();
      System.out.printf(
          "seed %d: 500 cases, %d read, %d refused, %d crashed%n",
          seed, t.read(), t.refused(), t.crashes().size());
      t.crashes().forEach(c -> System.out.println("  " + c));
      seed++;
    }
    System.out.printf(
        "%,d cases in %d s, %d crashed%s%n",
        total, seconds, crashes, crashes == 0 ? "" : " (inputs in " + save + ")");
    System.exit(crashes == 0 ? 0 : 1);
  }
}
