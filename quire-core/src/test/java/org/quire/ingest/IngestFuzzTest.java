package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quire.analyse.Analyser;
import org.quire.analyse.Packs;
import org.quire.model.QuireException;
import org.quire.testkit.HostileTally;
import org.quire.testkit.IngestFuzz;

/**
 * Ingest and analysis must meet any bytes with a story or a clear refusal ({@link QuireException}),
 * never another exception. Replays every saved regression input in {@code
 * src/test/resources/fuzz/}, then a fixed, seeded run of mutated story files of every format
 * (bench/run fuzz runs the same for as long as asked, with fresh seeds).
 */
class IngestFuzzTest {
  static final int CASES = 1_500;

  @Test
  void savedRegressionInputsAreReadOrRefusedCleanly() throws Exception {
    Ingester ingester = new Ingester();
    Analyser analyser = new Analyser(Packs.builtIn());
    Path dir = Path.of("src/test/resources/fuzz");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(f -> !f.endsWith("README.md")).toList();
    }
    List<String> crashes = new ArrayList<>();
    for (Path f : files) {
      String outcome =
          IngestFuzz.attempt(ingester, analyser, f.getFileName().toString(), Files.readAllBytes(f));
      if (!IngestFuzz.clean(outcome)) {
        crashes.add(f.getFileName() + ": " + outcome);
      }
    }
    assertThat(crashes).isEmpty();
    if (!files.isEmpty()) {
      HostileTally tally = new HostileTally("ingest: saved fuzz regressions");
      tally.passed(files.size());
      tally.finish();
    }
  }

  @Test
  void mutatedStoriesOfEveryFormatAreReadOrRefusedCleanly() throws Exception {
    IngestFuzz.Tally t = IngestFuzz.run(20261125L, CASES, seeds(), null);
    System.out.printf(
        "Ingest fuzz: %d cases, %d read, %d refused with a message, %d crashed%n",
        CASES, t.read(), t.refused(), t.crashes().size());
    assertThat(t.crashes()).isEmpty();
    // The mutations must exercise both paths, or the run proves little.
    assertThat(t.read()).isGreaterThan(CASES / 10);
    assertThat(t.refused()).isGreaterThan(CASES / 100);
    HostileTally tally = new HostileTally("ingest: mutated files");
    tally.passed(CASES);
    tally.finish();
  }

  /** Files of every format Quire reads: the samples, an AO3 page, an EPUB, Word and ODF. */
  static Map<String, byte[]> seeds() throws Exception {
    Map<String, byte[]> seeds = IngestFuzz.seeds(Path.of("../examples"));
    seeds.put(
        "ao3-style.html", Files.readAllBytes(Path.of("src/test/resources/ingest/ao3-style.html")));
    seeds.put("book.epub", HtmlAndEpubTest.zip(HtmlAndEpubTest.book("Rivals")));
    seeds.put("lantern.docx", OfficeDocsTest.docx());
    seeds.put("salt.odt", OfficeDocsTest.odt());
    return seeds;
  }
}
