package org.quire.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.quire.ingest.Seeds;

/** The sample stories shipped with Quire and the seed stories, as test prose. */
final class SampleTexts {
  private SampleTexts() {}

  /** The plain-text and Markdown sample stories, then the seeds. */
  static List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("../examples"))) {
      s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"))
          .sorted()
          .forEach(files::add);
    }
    try (Stream<Path> s = Files.list(Seeds.dir())) {
      s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
    }
    return files;
  }
}
