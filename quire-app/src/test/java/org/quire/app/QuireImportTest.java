package org.quire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.search.SearchQuery;
import org.quire.tags.TagRule;

class QuireImportTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void importsDirectoriesReportsDuplicatesAndFailuresAndKeepsEverythingElse() throws Exception {
    write("one.txt", "One\n\nThe first story, about a lighthouse.\n");
    write("sub/two.md", "# Two\n\nThe second story, about a garden.\n");
    write("sub/copy.txt", "One\n\nThe first story, about a lighthouse.\n");
    // The same story again in other bytes: a line break more, and saved as a web page.
    write("sub/copy-again.txt", "One\r\n\r\nThe first story, about a lighthouse.\r\n\r\n");
    write(
        "sub/one.html",
        "<html><head><title>One</title></head><body><p>The <em>first</em> story, about a"
            + " lighthouse.</p></body></html>");
    write("empty.txt", "");
    write("README.md", "# Not a story\n");
    Files.write(tmp.resolve("in/bin.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
    try (Quire q = Quire.open(QuireConfig.embedded(tmp.resolve("data")))) {
      ImportReport r =
          q.importFiles(List.of(tmp.resolve("in"), tmp.resolve("missing.txt")), f -> {});
      assertThat(r.imported()).hasSize(2);
      assertThat(r.duplicates()).hasSize(3);
      assertThat(r.failed())
          .extracting(f -> f.file().getFileName().toString())
          .containsExactlyInAnyOrder("empty.txt", "bin.txt", "missing.txt");
      assertThat(r.failed()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
      assertThat(r.skipped())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("README.md");
      assertThat(r.summary())
          .isEqualTo("2 imported, 3 duplicates, 3 failed, 1 skipped (not story files)");
      assertThat(q.store().count()).isEqualTo(2);
      assertThat(q.index().search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);

      ImportReport again = q.importFiles(List.of(tmp.resolve("in")), f -> {});
      assertThat(again.imported()).isEmpty();
      assertThat(again.duplicates()).hasSize(5);
      assertThat(q.store().count()).isEqualTo(2);
    }
  }

  @Test
  void indexThatDisagreesWithTheStoreIsRebuiltOnOpen() throws Exception {
    write("one.txt", "One\n\nA story about a lighthouse.\n");
    Path data = tmp.resolve("data");
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      q.importFiles(List.of(tmp.resolve("in")), f -> {});
    }
    // Lose the index, as after a crash or a careless cleanup.
    try (var files = Files.walk(data.resolve("index"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.index().count()).isEqualTo(1);
      assertThat(q.index().search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);
    }
  }

  @Test
  void aDamagedIndexIsSetAsideAndRebuiltOnOpen() throws Exception {
    write("one.txt", "One\n\nA story about a lighthouse.\n");
    write("two.txt", "Two\n\nA story about a harbour.\n");
    Path data = tmp.resolve("data");
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      q.importFiles(List.of(tmp.resolve("in")), f -> {});
    }
    // Cut a segment's data short, as a full disk or a bad copy would: the commit still reads,
    // the damage shows only once the segment is opened.
    cutShort(data, n -> n.endsWith(".cfs") || n.endsWith(".tim") || n.endsWith(".doc"));
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.index().count()).isEqualTo(2);
      assertThat(q.index().search(SearchQuery.of("harbour")).total()).isEqualTo(1);
    }
    // And every file, the commit too.
    cutShort(data, n -> !n.equals("write.lock"));
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.index().search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);
    }
    try (var files = Files.list(data)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("index.")))
          .hasSize(2)
          .allMatch(n -> n.startsWith("index.damaged-"));
    }
  }

  private static void cutShort(Path data, java.util.function.Predicate<String> which)
      throws Exception {
    int cut = 0;
    try (var files = Files.list(data.resolve("index"))) {
      for (Path f : files.filter(f -> which.test(f.getFileName().toString())).toList()) {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, Math.max(0, b.length - 16)));
        cut++;
      }
    }
    assertThat(cut).isPositive();
  }

  @Test
  void worksChangedAfterTheIndexsLastCommitAreIndexedAgainOnOpen() throws Exception {
    write("one.txt", "One\n\nA story about a lighthouse.\n");
    Path data = tmp.resolve("data");
    long id;
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      id = q.importFiles(List.of(tmp.resolve("in")), f -> {}).imported().getFirst().workId();
      Thread.sleep(5);
      // The store changes but the index is never told, as when a process dies between the two.
      q.store().replaceTags(id, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Lighthouse Keepers")));
    }
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      SearchQuery byTag =
          SearchQuery.of("")
              .withFilters(
                  List.of(new SearchQuery.TagFilter(TagType.ADDITIONAL, "Lighthouse Keepers")),
                  null);
      assertThat(q.index().search(byTag).hits()).extracting(h -> h.workId()).containsExactly(id);
    }
  }

  @Test
  void wranglingASynonymReindexesTheWorksThatUseIt() throws Exception {
    write("one.txt", "One\n\nA story about a lighthouse.\n");
    try (Quire q = Quire.open(QuireConfig.embedded(tmp.resolve("data")))) {
      long id = q.importFiles(List.of(tmp.resolve("in")), f -> {}).imported().getFirst().workId();
      q.store().replaceTags(id, List.of(Tag.byAuthor(TagType.ADDITIONAL, "fluffy")));
      q.reindexWork(id);
      q.index().refresh();
      SearchQuery byFluff =
          SearchQuery.of("")
              .withFilters(List.of(new SearchQuery.TagFilter(TagType.ADDITIONAL, "Fluff")), null);
      assertThat(q.index().search(byFluff).total()).isZero();
      int n =
          q.wrangle(
              new TagRule(TagType.ADDITIONAL, "fluffy", TagRule.Relation.SYNONYM_OF, "Fluff"));
      assertThat(n).isEqualTo(1);
      assertThat(q.index().search(byFluff).total()).isEqualTo(1);
      assertThat(q.index().search(SearchQuery.of("")).facets().get("additional"))
          .extracting(v -> v.name())
          .containsExactly("Fluff");
      assertThat(q.store().tagRules()).hasSize(1);
    }
  }

  @Test
  void aMetaTagReachesTheWorksOfItsSubTagsSynonymsAtOnceAndLeavesThemWhenRemoved()
      throws Exception {
    write("one.txt", "One\n\nA story about a lighthouse.\n");
    write("two.txt", "Two\n\nA story about a garden.\n");
    try (Quire q = Quire.open(QuireConfig.embedded(tmp.resolve("data")))) {
      var imported = q.importFiles(List.of(tmp.resolve("in")), f -> {}).imported();
      long slowburn = imported.get(0).workId();
      long slowBurn = imported.get(1).workId();
      q.store().replaceTags(slowburn, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Slowburn")));
      q.store().replaceTags(slowBurn, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Slow Burn")));
      q.reindexWork(slowburn);
      q.reindexWork(slowBurn);
      q.wrangle(
          new TagRule(TagType.ADDITIONAL, "Slowburn", TagRule.Relation.SYNONYM_OF, "Slow Burn"));
      TagRule meta =
          new TagRule(
              TagType.ADDITIONAL, "Slow Burn", TagRule.Relation.CHILD_OF, "Romantic Tension");
      assertThat(q.wrangle(meta)).isEqualTo(2);
      SearchQuery byMeta =
          SearchQuery.of("")
              .withFilters(
                  List.of(new SearchQuery.TagFilter(TagType.ADDITIONAL, "Romantic Tension")), null);
      assertThat(q.index().search(byMeta).hits())
          .extracting(h -> h.workId())
          .containsExactlyInAnyOrder(slowburn, slowBurn);
      assertThat(q.unwrangle(meta)).isEqualTo(2);
      assertThat(q.index().search(byMeta).total()).isZero();
      assertThat(q.unwrangle(meta)).isEqualTo(-1);

      // Circles and the fixed lists are refused, and nothing is stored.
      int rules = q.store().tagRules().size();
      for (TagRule bad :
          List.of(
              new TagRule(TagType.ADDITIONAL, "Slow Burn", TagRule.Relation.SYNONYM_OF, "Slowburn"),
              new TagRule(TagType.ADDITIONAL, "Slowburn", TagRule.Relation.SYNONYM_OF, "Fluff"),
              new TagRule(
                  TagType.RATING, "General Audiences", TagRule.Relation.SYNONYM_OF, "Explicit"),
              new TagRule(TagType.CATEGORY, "F/F", TagRule.Relation.CHILD_OF, "Multi"),
              // A spelling filed under another tag takes no meta tag of its own.
              new TagRule(TagType.ADDITIONAL, "Slowburn", TagRule.Relation.CHILD_OF, "Romance"))) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> q.wrangle(bad))
            .as(bad.toString())
            .isInstanceOf(IllegalArgumentException.class);
      }
      q.wrangle(new TagRule(TagType.ADDITIONAL, "Pining", TagRule.Relation.CHILD_OF, "Slow Burn"));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  q.wrangle(
                      new TagRule(
                          TagType.ADDITIONAL, "Slow Burn", TagRule.Relation.CHILD_OF, "Pining")))
          .hasMessageContaining("under its own sub-tag");
      // A tag with meta tags of its own does not quietly become a synonym (they would lapse).
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  q.wrangle(
                      new TagRule(
                          TagType.ADDITIONAL, "Pining", TagRule.Relation.SYNONYM_OF, "Yearning")))
          .hasMessageContaining("meta tags of its own");
      assertThat(q.store().tagRules()).hasSize(rules + 1);
      assertThat(q.wrangler().canonical(TagType.ADDITIONAL, "Slowburn")).isEqualTo("Slow Burn");
    }
  }

  @Test
  void aZipOfStoriesImportsEachStoryAndRefusesABomb() throws Exception {
    Path zip = tmp.resolve("in/pile.zip");
    Files.createDirectories(zip.getParent());
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String[] e :
          List.of(
              new String[] {"one.txt", "One\n\nA story about a lighthouse.\n"},
              new String[] {"dir/two.md", "# Two\n\nA story about a garden.\n"},
              new String[] {"dir/cover.jpg", "not a story"},
              new String[] {"empty.txt", ""})) {
        z.putNextEntry(new java.util.zip.ZipEntry(e[0]));
        z.write(e[1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    Path bomb = tmp.resolve("in/bomb.zip");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new java.util.zip.ZipEntry("big.txt"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    try (Quire q = Quire.open(QuireConfig.embedded(tmp.resolve("data")))) {
      ImportReport r = q.importFiles(List.of(zip, bomb), f -> {});
      assertThat(r.imported()).extracting(i -> i.title()).containsExactlyInAnyOrder("One", "Two");
      assertThat(r.skipped()).extracting(p -> p.getFileName().toString()).contains("cover.jpg");
      assertThat(r.failed())
          .extracting(f -> f.file().getFileName().toString())
          .containsExactlyInAnyOrder("empty.txt", "bomb.zip");
      assertThat(
              r.failed().stream()
                  .filter(f -> f.file().endsWith("bomb.zip"))
                  .findFirst()
                  .orElseThrow()
                  .reason())
          .contains("zip bomb");
      assertThat(q.store().count()).isEqualTo(2);
      // The same archive again: every story a duplicate.
      assertThat(q.importFiles(List.of(zip), f -> {}).duplicates()).hasSize(2);
    }
  }

  @Test
  void environmentOverridesDefaults() {
    QuireConfig c =
        QuireConfig.fromEnvironment(java.util.Map.of("QUIRE_DATA", "/x", "QUIRE_PORT", "8080"));
    assertThat(c.store().database()).isEqualTo(Path.of("/x/quire.db"));
    assertThat(c.web().port()).isEqualTo(8080);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> QuireConfig.fromEnvironment(java.util.Map.of("QUIRE_PORT", "http")))
        .hasMessageContaining("QUIRE_PORT");
  }

  @Test
  void parallelImportStoresEachFileOnceEvenWithCopiesRacing() throws Exception {
    for (int i = 0; i < 60; i++) {
      write("p/story-" + i + ".txt", "Story " + i + "\n\nA tale of pebble" + i + "z and tides.\n");
      // An identical copy of every third story: two threads may read both at once.
      if (i % 3 == 0) {
        write("p/copy-" + i + ".txt", "Story " + i + "\n\nA tale of pebble" + i + "z and tides.\n");
      }
    }
    write("p/empty.txt", "");
    java.util.concurrent.atomic.AtomicInteger seen =
        new java.util.concurrent.atomic.AtomicInteger();
    try (Quire q = Quire.open(QuireConfig.embedded(tmp.resolve("data-parallel")))) {
      ImportReport r = q.importFiles(List.of(tmp.resolve("in/p")), f -> seen.incrementAndGet(), 4);
      assertThat(r.imported()).hasSize(60);
      assertThat(r.duplicates()).hasSize(20);
      assertThat(r.failed()).hasSize(1);
      assertThat(seen.get()).isEqualTo(81);
      assertThat(q.store().count()).isEqualTo(60);
      assertThat(q.index().count()).isEqualTo(60);
      for (int i : new int[] {0, 29, 59}) {
        assertThat(q.index().search(SearchQuery.of("pebble" + i + "z")).total()).isEqualTo(1);
      }
    }
  }

  @Test
  void aConfigFileSetsWhatTheEnvironmentDoesNot() throws Exception {
    Path file = tmp.resolve("quire.properties");
    Files.writeString(
        file,
        "# an archive's settings\nport = 9090\nsite.name = The Watchers' Library\n"
            + "ingest.max-file-mb = 8\ndata = /srv/quire\n"
            + "web.trusted-proxies = 127.0.0.1, ::1\n");
    QuireConfig c =
        QuireConfig.fromFileAndEnvironment(
            java.util.Map.of("QUIRE_CONFIG", file.toString(), "QUIRE_PORT", "7171"));
    assertThat(c.web().port()).isEqualTo(7171); // the environment wins
    assertThat(c.web().siteName()).isEqualTo("The Watchers' Library");
    assertThat(c.web().trustedProxies()).containsExactly("127.0.0.1", "::1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                QuireConfig.fromEnvironment(
                    java.util.Map.of("QUIRE_TRUSTED_PROXIES", "proxy.example")))
        .hasMessageContaining("QUIRE_TRUSTED_PROXIES must be IP addresses");
    assertThat(c.ingest().maxFileBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(c.store().database()).isEqualTo(Path.of("/srv/quire/quire.db"));
    Files.writeString(file, "prot = 1\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                QuireConfig.fromFileAndEnvironment(
                    java.util.Map.of("QUIRE_CONFIG", file.toString())))
        .hasMessageContaining("Unknown setting \"prot\"");
    // A bad value is named by its key in the file, not by the variable it stands for.
    Files.writeString(file, "port = abc\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                QuireConfig.fromFileAndEnvironment(
                    java.util.Map.of("QUIRE_CONFIG", file.toString())))
        .hasMessageStartingWith("\"port\" in " + file + " must be a number");
    Files.writeString(file, "port = 70000\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                QuireConfig.fromFileAndEnvironment(
                    java.util.Map.of("QUIRE_CONFIG", file.toString())))
        .hasMessageContaining("must be between 0 and 65535");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                QuireConfig.fromFileAndEnvironment(
                    java.util.Map.of("QUIRE_CONFIG", tmp.resolve("missing.properties").toString())))
        .hasMessageContaining("Cannot read the config file");
  }

  @Test
  void fiftyMegabyteStoryIsStoredAndIndexedBesideAnOrdinaryOne() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("big"));
    StringBuilder sb = new StringBuilder(51 * 1024 * 1024).append("Huge\n\n");
    int chapter = 0;
    while (sb.length() < 50 * 1024 * 1024) {
      if (sb.length() / (5 * 1024 * 1024) >= chapter) {
        sb.append("Chapter ").append(++chapter).append("\n\n");
      }
      sb.append("The quick brown fox jumps over the lazy dog beside the quiet river.\n\n");
    }
    sb.append("Chapter ").append(++chapter).append("\n\nThe very last zebra line.\n");
    Files.writeString(dir.resolve("huge.txt"), sb);
    Files.writeString(dir.resolve("small.txt"), "Small\n\nA little story about a lantern.\n");
    try (Quire q = Quire.open(QuireConfig.embedded(tmp.resolve("data")))) {
      ImportReport r = q.importFiles(List.of(dir), f -> {});
      assertThat(r.failed()).isEmpty();
      assertThat(r.imported()).hasSize(2);
      long hugeId =
          r.imported().stream()
              .filter(i -> i.title().equals("Huge"))
              .findFirst()
              .orElseThrow()
              .workId();
      assertThat(q.work(hugeId).orElseThrow().chapters()).hasSize(chapter);
      assertThat(q.index().search(SearchQuery.of("zebra")).hits())
          .extracting(h -> h.workId())
          .containsExactly(hugeId);
      assertThat(q.index().search(SearchQuery.of("lantern")).total()).isEqualTo(1);
    }
  }
}
