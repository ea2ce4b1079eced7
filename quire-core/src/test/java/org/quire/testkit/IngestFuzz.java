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
    return new Session(seed, seedFiles, null).run(cases, saveTo);
  }

  /**
   * One fuzzing session: a corpus that starts from the seeds and, with coverage feedback, grows by
   * every input that reached code no earlier input reached.
   */
  public static final class Session {
    private final Ingester ingester = new Ingester(4L * 1024 * 1024);
    private final Analyser analyser = new Analyser(Packs.builtIn());
    private final MutationFuzzer fuzz;
    private final java.util.Random pick;
    private final CoverageFeedback coverage;
    private final long seed;
    private long done;

    public Session(long seed, Map<String, byte[]> seedFiles, CoverageFeedback coverage) {
      this.seed = seed;
      this.fuzz = new MutationFuzzer(seed, List.copyOf(seedFiles.values()));
      this.pick = new java.util.Random(seed);
      this.coverage = coverage;
      if (coverage != null) {
        // The seeds' own coverage is the starting line, not a discovery.
        for (Map.Entry<String, byte[]> e : seedFiles.entrySet()) {
          attempt(ingester, analyser, e.getKey(), e.getValue());
        }
        coverage.newProbes();
      }
    }

    public Tally run(int cases, Path saveTo) throws Exception {
      int read = 0;
      int refused = 0;
      List<String> crashes = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        byte[] input = fuzz.next();
        String name = "case" + seed + "-" + (done++) + "." + extension(input);
        String outcome = attempt(ingester, analyser, name, input);
        if (coverage != null && coverage.newProbes() > 0) {
          fuzz.keep(input);
        }
        if (outcome.startsWith("read")) {
          read++;
        } else if (outcome.startsWith("refused")) {
          refused++;
        } else {
          crashes.add(name + ": " + outcome);
          if (saveTo != null) {
            Files.createDirectories(saveTo);
            Files.write(saveTo.resolve("crash-" + name), input);
          }
        }
      }
      return new Tally(read, refused, crashes);
    }

    public int corpusSize() {
      return fuzz.corpusSize();
    }

    /** Mostly the extension the content looks like; now and then a wrong one. */
    private String extension(byte[] input) {
      String[] any = {"txt", "md", "html", "epub", "docx", "odt", "zip"};
      if (pick.nextInt(10) == 0) {
        return any[pick.nextInt(any.length)];
      }
      if (input.length > 2 && input[0] == 'P' && input[1] == 'K') {
        String head =
            new String(input, 0, Math.min(input.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.contains("word/")) {
          return "docx";
        }
        if (head.contains("content.xml") || head.contains("opendocument")) {
          return "odt";
        }
        return pick.nextInt(5) == 0 ? "zip" : "epub";
      }
      if (input.length > 0 && input[0] == '<') {
        return pick.nextBoolean() ? "html" : "htm";
      }
      return pick.nextBoolean() ? "txt" : "md";
    }
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
   * Fuzzes for {@code seconds}, printing a tally per 500 cases; crashing inputs go to {@code
   * quire-core/target/fuzz-crashes/}. Guided by coverage when a JaCoCo agent runs in this JVM
   * ({@code bench/run fuzz} starts one), blind otherwise; {@code --blind} ignores the agent but
   * still counts the probes reached, so the two modes can be compared on the same measure. Exit
   * status 1 when anything crashed.
   *
   * <p>Usage: {@code IngestFuzz SECONDS [EXAMPLES_DIR] [--blind]}
   */
  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    Path examples = Path.of(args.length > 1 && !args[1].startsWith("--") ? args[1] : "examples");
    boolean blind = List.of(args).contains("--blind");
    Map<String, byte[]> seeds = seeds(examples);
    seeds.putAll(zipSeeds());
    Path save = Path.of("quire-core/target/fuzz-crashes");
    CoverageFeedback coverage = CoverageFeedback.fromAgent();
    long seed = System.currentTimeMillis();
    Session session = new Session(seed, seeds, blind ? null : coverage);
    String mode =
        coverage == null
            ? "blind (no coverage agent)"
            : blind ? "blind (coverage measured, not used)" : "coverage-guided (JaCoCo probes)";
    System.out.printf("seed %d, %s, %d seed files%n", seed, mode, seeds.size());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long total = 0;
    long crashes = 0;
    while (System.nanoTime() < end) {
      Tally t = session.run(500, save);
      total += 500;
      crashes += t.crashes().size();
      if (blind && coverage != null) {
        coverage.newProbes();
      }
      System.out.printf(
          "%,9d cases: %d read, %d refused, %d crashed; corpus %d%s%n",
          total,
          t.read(),
          t.refused(),
          t.crashes().size(),
          session.corpusSize(),
          coverage == null ? "" : ", probes reached " + coverage.probesReached());
      t.crashes().forEach(c -> System.out.println("  " + c));
    }
    System.out.printf(
        "%,d cases in %d s, %s, %d crashed%s%n",
        total,
        seconds,
        coverage == null ? "no coverage measure" : coverage.probesReached() + " probes reached",
        crashes,
        crashes == 0 ? "" : " (inputs in " + save + ")");
    System.exit(crashes == 0 ? 0 : 1);
  }

  /** Zip-based seeds: a small EPUB, Word and OpenDocument file, written here. */
  static Map<String, byte[]> zipSeeds() throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(
        "book.epub",
        zip(
            Map.of(
                "mimetype",
                "application/epub+zip",
                "META-INF/container.xml",
                "<?xml version='1.0'?><container><rootfiles><rootfile full-path='c.opf'/>"
                    + "</rootfiles></container>",
                "c.opf",
                "<?xml version='1.0'?><package><metadata"
                    + " xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>Tides</dc:title>"
                    + "<dc:creator>Ada</dc:creator><dc:subject>Fluff</dc:subject></metadata>"
                    + "<manifest><item id='a' href='a.xhtml'/></manifest><spine><itemref"
                    + " idref='a'/></spine></package>",
                "a.xhtml",
                "<html><body><h1>Chapter 1</h1><p>Willow <em>smiled</em> at Tara.</p>"
                    + "<hr/><p>Later.</p></body></html>")));
    out.put(
        "doc.docx",
        zip(
            Map.of(
                "word/document.xml",
                "<w:document xmlns:w='w'><w:body><w:p><w:pPr><w:pStyle w:val='Title'/>"
                    + "</w:pPr><w:r><w:t>Tides</w:t></w:r></w:p><w:p><w:r><w:rPr><w:i/></w:rPr>"
                    + "<w:t>Buffy</w:t></w:r><w:r><w:t> ran.</w:t></w:r></w:p></w:body>"
                    + "</w:document>",
                "word/styles.xml",
                "<w:styles xmlns:w='w'><w:style w:type='paragraph' w:styleId='Title'><w:name"
                    + " w:val='Title'/></w:style></w:styles>")));
    out.put(
        "text.odt",
        zip(
            Map.of(
                "mimetype",
                "application/vnd.oasis.opendocument.text",
                "content.xml",
                "<office:document-content><office:body><office:text><text:h"
                    + " text:outline-level='1'>Chapter 1</text:h><text:p>Spike <text:span"
                    + " text:style-name='T1'>grinned</text:span>.</text:p></office:text>"
                    + "</office:body></office:document-content>")));
    return out;
  }

  private static byte[] zip(Map<String, String> files) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(files).entrySet()) {
        z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
